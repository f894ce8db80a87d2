import type { EntityManager } from 'typeorm';

export interface VersionedRow {
  id: string;
  /** The version the writer read. */
  version: number;
  /** New values by column name. */
  values: Record<string, unknown>;
}

/**
 * The kit's optimistic locking (updateWithVersion's WHERE-version update), for many rows in one
 * statement: each row changes only if it still has the version its writer read, and its version goes
 * up by one. Returns the ids that changed; an id missing lost a race. Ids must be distinct: a row
 * named twice would change once and still count as changed, so it is refused (callers refuse such
 * batches with a clear error first).
 * Table and column names come from this subgraph's code, never from input; values travel as one
 * JSON parameter.
 */
export async function updateVersioned(
  manager: EntityManager,
  table: string,
  columns: Readonly<Record<string, string>>,
  rows: readonly VersionedRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  if (new Set(rows.map((row) => row.id)).size !== rows.length) throw new Error(`updateVersioned: a row of ${table} is named twice`);
  const names = Object.keys(columns);
  const [updated] = (await manager.query(
    `UPDATE ${table} AS t
     SET ${names.map((n) => `${n} = v.${n}`).join(', ')}, version = t.version + 1, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, version integer, ${names.map((n) => `${n} ${columns[n]}`).join(', ')})
     WHERE t.id = v.id AND t.version = v.version
     RETURNING t.id`,
    [JSON.stringify(rows.map((row) => ({ ...row.values, id: row.id, version: row.version })))],
  )) as [{ id: string }[], number];
  return new Set(updated.map((row) => row.id));
}

/** The columns a case's life and corrections change, with their SQL types. */
export const CASE_COLUMNS = {
  status: 'text',
  status_since: 'date',
  resolved_on: 'date',
  ever_relapsed: 'boolean',
  level: 'text',
  other_community_ids: 'uuid[]',
  type: 'text',
  narrative: 'text',
} as const;

/** Records of a case that change after they are written: a referral gets its feedback, a check is held. */
export const RECORD_COLUMNS = {
  referral: { feedback_on: 'date', feedback: 'text' },
  follow_up_check: { held_on: 'date', finding: 'text', notes: 'text' },
} as const;
export type ChangingRecord = keyof typeof RECORD_COLUMNS;

/** The record types of those tables, as the audit log names them. */
export const RECORD_TYPES: Record<ChangingRecord, string> = { referral: 'Referral', follow_up_check: 'FollowUpCheck' };
