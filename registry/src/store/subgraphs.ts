import type { Queryable } from './queryable';

export interface SubgraphRecord {
  name: string;
  routingUrl: string;
  ownerOrganisationId: string | null;
  createdAt: Date;
}

const COLUMNS = `name, routing_url AS "routingUrl", owner_organisation_id AS "ownerOrganisationId", created_at AS "createdAt"`;

export async function findSubgraph(db: Queryable, name: string): Promise<SubgraphRecord | undefined> {
  const rows: SubgraphRecord[] = await db.query(`SELECT ${COLUMNS} FROM subgraph WHERE name = $1`, [name]);
  return rows[0];
}

export async function allSubgraphs(db: Queryable): Promise<SubgraphRecord[]> {
  return db.query(`SELECT ${COLUMNS} FROM subgraph ORDER BY name`);
}

export async function saveSubgraph(
  db: Queryable,
  subgraph: { name: string; routingUrl: string; ownerOrganisationId?: string | null },
  createdBy: string,
): Promise<SubgraphRecord> {
  // An owner left out keeps the current one; null clears it.
  const rows: SubgraphRecord[] = await db.query(
    `INSERT INTO subgraph (name, routing_url, owner_organisation_id, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET routing_url = excluded.routing_url,
       owner_organisation_id = CASE WHEN $5 THEN excluded.owner_organisation_id ELSE subgraph.owner_organisation_id END
     RETURNING ${COLUMNS}`,
    [subgraph.name, subgraph.routingUrl, subgraph.ownerOrganisationId ?? null, createdBy, subgraph.ownerOrganisationId !== undefined],
  );
  return rows[0]!;
}
