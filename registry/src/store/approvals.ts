import type { Actor } from '../access';
import type { Approval, CheckedChange } from '../checks/findings';
import type { Queryable } from './queryable';

/** The approvals of a subgraph's changes, by change key. */
export async function approvalsOf(db: Queryable, subgraph: string, keys: readonly string[]): Promise<Map<string, Approval>> {
  const rows: (Approval & { changeKey: string })[] = await db.query(
    `SELECT change_key AS "changeKey", approved_by AS "approvedBy", approved_by_organisation_id AS "approvedByOrganisationId",
       reason, check_id AS "checkId", approved_at AS "approvedAt"
     FROM approval WHERE subgraph = $1 AND change_key = ANY($2::text[])`,
    [subgraph, keys],
  );
  return new Map(rows.map(({ changeKey, ...approval }) => [changeKey, approval]));
}

/** Approving again keeps the first approval: it is the one that let the change through. */
export async function approveChanges(
  db: Queryable,
  subgraph: string,
  checkId: string,
  changes: readonly CheckedChange[],
  reason: string | null,
  actor: Actor,
): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    `INSERT INTO approval (subgraph, change_key, change, check_id, reason, approved_by, approved_by_organisation_id)
     SELECT $1, key, change, $2, $3, $4, $5 FROM unnest($6::text[], $7::jsonb[]) AS c(key, change)
     ON CONFLICT (subgraph, change_key) DO NOTHING`,
    [
      subgraph,
      checkId,
      reason,
      actor.subject,
      actor.organisationId,
      changes.map((c) => c.key),
      changes.map((c) => JSON.stringify({ type: c.type, message: c.message, path: c.path })),
    ],
  );
}
