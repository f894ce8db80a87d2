import type { Actor } from '../access';
import type { CheckedChange, Finding } from '../checks/findings';
import { afterCondition, newestFirst, pageOf } from './page';
import type { Queryable } from './queryable';

export interface CheckRecord {
  id: string;
  subgraph: string;
  sdl: string;
  hash: string;
  routingUrl: string | null;
  baseCompositionId: string | null;
  usageDays: number;
  passed: boolean;
  composed: boolean;
  findings: Finding[];
  changes: CheckedChange[];
  supergraphSdl: string | null;
  purpose: 'CHECK' | 'PUBLISH';
  author: string;
  authorOrganisationId: string | null;
  createdAt: Date;
}

const COLUMNS = `id, subgraph, sdl, hash, routing_url AS "routingUrl", base_composition_id AS "baseCompositionId",
  usage_days AS "usageDays", passed, composed, findings, changes, supergraph_sdl AS "supergraphSdl", purpose,
  author, author_organisation_id AS "authorOrganisationId", created_at AS "createdAt"`;
const CHECKS = newestFirst('schema_check');

export async function insertCheck(
  db: Queryable,
  check: Omit<CheckRecord, 'id' | 'author' | 'authorOrganisationId' | 'createdAt'>,
  actor: Actor,
): Promise<CheckRecord> {
  const rows: CheckRecord[] = await db.query(
    `INSERT INTO schema_check (subgraph, sdl, hash, routing_url, base_composition_id, usage_days, passed, composed, findings,
       changes, supergraph_sdl, purpose, author, author_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${COLUMNS}`,
    [
      check.subgraph,
      check.sdl,
      check.hash,
      check.routingUrl,
      check.baseCompositionId,
      check.usageDays,
      check.passed,
      check.composed,
      JSON.stringify(check.findings),
      JSON.stringify(check.changes),
      check.supergraphSdl,
      check.purpose,
      actor.subject,
      actor.organisationId,
    ],
  );
  return rows[0]!;
}

export async function findCheck(db: Queryable, id: string): Promise<CheckRecord | undefined> {
  const rows: CheckRecord[] = await db.query(`SELECT ${COLUMNS} FROM schema_check WHERE id = $1`, [id]);
  return rows[0];
}

export async function checksByIds(db: Queryable, ids: readonly string[]): Promise<CheckRecord[]> {
  return db.query(`SELECT ${COLUMNS} FROM schema_check WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function listChecks(db: Queryable, subgraph: string | null, first: number, after: string | null) {
  const cursor = afterCondition(CHECKS, after, 3);
  const rows: CheckRecord[] = await db.query(
    `SELECT ${COLUMNS} FROM schema_check WHERE ($1::text IS NULL OR subgraph = $1) AND ${cursor.sql}
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    [subgraph, first + 1, ...cursor.values],
  );
  return pageOf(CHECKS, rows, first);
}
