import type { Actor } from '../access';
import { afterCondition, newestFirst, pageOf } from './page';
import type { Queryable } from './queryable';

export type VersionState = 'WAITING' | 'LAUNCHED' | 'REFUSED' | 'SUPERSEDED';

export interface VersionRecord {
  id: string;
  subgraph: string;
  sdl: string;
  hash: string;
  routingUrl: string;
  state: VersionState;
  stateReason: string | null;
  checkId: string | null;
  message: string | null;
  author: string;
  authorOrganisationId: string | null;
  createdAt: Date;
  launchedAt: Date | null;
}

const COLUMNS = `schema_version.id, schema_version.subgraph, schema_version.sdl, schema_version.hash,
  schema_version.routing_url AS "routingUrl", schema_version.state, schema_version.state_reason AS "stateReason",
  schema_version.check_id AS "checkId", schema_version.message, schema_version.author,
  schema_version.author_organisation_id AS "authorOrganisationId", schema_version.created_at AS "createdAt",
  schema_version.launched_at AS "launchedAt"`;

const VERSIONS = newestFirst('schema_version');

export async function insertVersion(
  db: Queryable,
  version: {
    subgraph: string;
    sdl: string;
    hash: string;
    routingUrl: string;
    state: VersionState;
    stateReason: string | null;
    checkId: string;
    message: string | null;
  },
  actor: Actor,
): Promise<VersionRecord> {
  const rows: VersionRecord[] = await db.query(
    `INSERT INTO schema_version (subgraph, sdl, hash, routing_url, state, state_reason, check_id, message, author, author_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [
      version.subgraph,
      version.sdl,
      version.hash,
      version.routingUrl,
      version.state,
      version.stateReason,
      version.checkId,
      version.message,
      actor.subject,
      actor.organisationId,
    ],
  );
  return rows[0]!;
}

export async function setVersionState(db: Queryable, id: string, state: VersionState, reason: string | null): Promise<void> {
  await db.query(
    `UPDATE schema_version SET state = $2, state_reason = $3,
       launched_at = CASE WHEN $2 = 'LAUNCHED' THEN coalesce(launched_at, now()) ELSE launched_at END
     WHERE id = $1`,
    [id, state, reason],
  );
}

/** Waiting versions of a subgraph become superseded when a newer one is published. */
export async function supersedeWaiting(db: Queryable, subgraph: string, byVersion: string): Promise<void> {
  await db.query(
    `UPDATE schema_version SET state = 'SUPERSEDED', state_reason = $3 WHERE subgraph = $1 AND state = 'WAITING' AND id <> $2`,
    [subgraph, byVersion, `version ${byVersion} was published after it`],
  );
}

export async function findVersion(db: Queryable, id: string): Promise<VersionRecord | undefined> {
  const rows: VersionRecord[] = await db.query(`SELECT ${COLUMNS} FROM schema_version WHERE id = $1`, [id]);
  return rows[0];
}

export async function versionsByIds(db: Queryable, ids: readonly string[]): Promise<VersionRecord[]> {
  return db.query(`SELECT ${COLUMNS} FROM schema_version WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function latestVersionsOf(db: Queryable, subgraphs: readonly string[]): Promise<VersionRecord[]> {
  return db.query(
    `SELECT DISTINCT ON (subgraph) ${COLUMNS} FROM schema_version WHERE subgraph = ANY($1::text[])
     ORDER BY subgraph, created_at DESC, id DESC`,
    [subgraphs],
  );
}

export async function waitingVersions(db: Queryable): Promise<VersionRecord[]> {
  return db.query(`SELECT ${COLUMNS} FROM schema_version WHERE state = 'WAITING' ORDER BY created_at`);
}

export async function listVersions(db: Queryable, subgraph: string | null, first: number, after: string | null) {
  const cursor = afterCondition(VERSIONS, after, 3);
  const rows: VersionRecord[] = await db.query(
    `SELECT ${COLUMNS} FROM schema_version WHERE ($1::text IS NULL OR subgraph = $1) AND ${cursor.sql}
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    [subgraph, first + 1, ...cursor.values],
  );
  return pageOf(VERSIONS, rows, first);
}
