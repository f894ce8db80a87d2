import type { Actor } from '../access';
import type { Queryable } from './queryable';

export interface CompositionRecord {
  id: string;
  supergraphSdl: string;
  hash: string;
  createdAt: Date;
}

export interface MemberRecord {
  compositionId: string;
  subgraph: string;
  versionId: string;
  routingUrl: string;
}

export interface LaunchRecord {
  id: string;
  compositionId: string;
  reason: 'PUBLISH' | 'ROLLBACK' | 'APPROVAL' | 'DEPLOYED';
  versionId: string | null;
  message: string | null;
  actor: string;
  actorOrganisationId: string | null;
  launchedAt: Date;
}

const COMPOSITION = `id, supergraph_sdl AS "supergraphSdl", hash, created_at AS "createdAt"`;
/**
 * A launch's id is read as text (a bigint past 2^53 is no JavaScript number). The text column is
 * also named "id", and a bare ORDER BY id sorts by it, as text: launch 9 came after launch 10.
 * Every ORDER BY below names the table's column (launch.id).
 */
const LAUNCH = `id::text, composition_id AS "compositionId", reason, version_id AS "versionId", message, actor,
  actor_organisation_id AS "actorOrganisationId", launched_at AS "launchedAt"`;

export async function insertComposition(
  db: Queryable,
  composition: { supergraphSdl: string; hash: string; members: Omit<MemberRecord, 'compositionId'>[] },
  actor: Actor,
): Promise<CompositionRecord> {
  const [row]: CompositionRecord[] = await db.query(
    `INSERT INTO composition (supergraph_sdl, hash, created_by) VALUES ($1, $2, $3) RETURNING ${COMPOSITION}`,
    [composition.supergraphSdl, composition.hash, actor.subject],
  );
  await db.query(
    `INSERT INTO composition_member (composition_id, subgraph, version_id, routing_url)
     SELECT $1, subgraph, version_id, routing_url FROM unnest($2::text[], $3::uuid[], $4::text[]) AS m(subgraph, version_id, routing_url)`,
    [
      row!.id,
      composition.members.map((m) => m.subgraph),
      composition.members.map((m) => m.versionId),
      composition.members.map((m) => m.routingUrl),
    ],
  );
  return row!;
}

export async function findComposition(db: Queryable, id: string): Promise<CompositionRecord | undefined> {
  const rows: CompositionRecord[] = await db.query(`SELECT ${COMPOSITION} FROM composition WHERE id = $1`, [id]);
  return rows[0];
}

export async function compositionsByIds(db: Queryable, ids: readonly string[]): Promise<CompositionRecord[]> {
  return db.query(`SELECT ${COMPOSITION} FROM composition WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function membersOf(db: Queryable, compositionIds: readonly string[]): Promise<MemberRecord[]> {
  return db.query(
    `SELECT composition_id AS "compositionId", subgraph, version_id AS "versionId", routing_url AS "routingUrl"
     FROM composition_member WHERE composition_id = ANY($1::uuid[]) ORDER BY subgraph`,
    [compositionIds],
  );
}

export async function insertLaunch(
  db: Queryable,
  launch: { compositionId: string; reason: LaunchRecord['reason']; versionId: string | null; message: string | null },
  actor: Actor,
): Promise<LaunchRecord> {
  const rows: LaunchRecord[] = await db.query(
    `INSERT INTO launch (composition_id, reason, version_id, message, actor, actor_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${LAUNCH}`,
    [launch.compositionId, launch.reason, launch.versionId, launch.message, actor.subject, actor.organisationId],
  );
  return rows[0]!;
}

/** The live launch: the latest. */
export async function liveLaunch(db: Queryable): Promise<LaunchRecord | undefined> {
  const rows: LaunchRecord[] = await db.query(`SELECT ${LAUNCH} FROM launch ORDER BY launch.id DESC LIMIT 1`);
  return rows[0];
}

export async function listLaunches(db: Queryable, first: number, afterId: string | null): Promise<LaunchRecord[]> {
  return db.query(`SELECT ${LAUNCH} FROM launch WHERE ($2::bigint IS NULL OR id < $2) ORDER BY launch.id DESC LIMIT $1`, [
    first + 1,
    afterId,
  ]);
}

/** The live version of each subgraph: the members of the live composition. */
export async function liveMembers(db: Queryable): Promise<{ launch: LaunchRecord | undefined; members: MemberRecord[] }> {
  const launch = await liveLaunch(db);
  return { launch, members: launch ? await membersOf(db, [launch.compositionId]) : [] };
}
