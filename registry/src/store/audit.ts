import { decodeCursor, encodeCursor, type CursorList } from '@peacegraph/kit/sql';
import type { Actor } from '../access';
import type { Queryable } from './queryable';

/** Every registry action, in the same transaction as the action itself: no action goes unrecorded. */
export async function recordAction(db: Queryable, actor: Actor, action: string, target: string | null, detail: object = {}): Promise<void> {
  await db.query(
    `INSERT INTO registry_audit (actor, actor_organisation_id, action, target, detail, ip, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actor.subject, actor.organisationId, action, target, JSON.stringify(detail), actor.ip, actor.requestId],
  );
}

export interface AuditFilter {
  actor?: string | null;
  action?: string | null;
  target?: string | null;
  since?: Date | null;
  until?: Date | null;
  /** Only the actions of this organisation's people and systems. */
  organisationId?: string | null;
}

const AUDIT_LIST: CursorList = {
  table: 'registry_audit',
  keys: [{ expression: 'id', type: 'bigint' }],
  direction: 'DESC',
};

export async function auditEntries(db: Queryable, filter: AuditFilter, first: number, after: string | null) {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.actor) conditions.push(`actor = ${bind(filter.actor)}`);
  if (filter.action) conditions.push(`action = ${bind(filter.action)}`);
  if (filter.target) conditions.push(`target = ${bind(filter.target)}`);
  if (filter.since) conditions.push(`at >= ${bind(filter.since)}`);
  if (filter.until) conditions.push(`at < ${bind(filter.until)}`);
  if (filter.organisationId !== undefined) conditions.push(`actor_organisation_id = ${bind(filter.organisationId)}`);
  if (after) conditions.push(`id < ${bind(String(decodeCursor(AUDIT_LIST, after)[0]))}`);
  // The bigint column, not the text one named alike: as text, entry 9 would come before entry 10.
  const rows: AuditRow[] = await db.query(
    `SELECT id::text, at, actor, actor_organisation_id, action, target, detail, ip, request_id FROM registry_audit
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY registry_audit.id DESC LIMIT ${bind(first + 1)}`,
    values,
  );
  const page = rows.slice(0, first);
  return {
    nodes: page.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      actorOrganisationId: row.actor_organisation_id,
      action: row.action,
      target: row.target,
      detail: JSON.stringify(row.detail),
      ip: row.ip,
      requestId: row.request_id,
    })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(AUDIT_LIST, [page.at(-1)!.id]) : null },
  };
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  actor_organisation_id: string | null;
  action: string;
  target: string | null;
  detail: unknown;
  ip: string | null;
  request_id: string | null;
}
