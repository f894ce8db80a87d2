import type { Actor } from '../access';
import type { Queryable } from './queryable';

export interface ClientApplicationRecord {
  id: string;
  name: string;
  ownerOrganisationId: string;
  createdAt: Date;
}

const COLUMNS = `id, name, owner_organisation_id AS "ownerOrganisationId", created_at AS "createdAt"`;

export async function allClientApplications(db: Queryable): Promise<ClientApplicationRecord[]> {
  return db.query(`SELECT ${COLUMNS} FROM client_application ORDER BY name`);
}

/** Undefined when the name is taken. */
export async function insertClientApplication(
  db: Queryable,
  name: string,
  ownerOrganisationId: string,
  actor: Actor,
): Promise<ClientApplicationRecord | undefined> {
  const rows: ClientApplicationRecord[] = await db.query(
    `INSERT INTO client_application (name, owner_organisation_id, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO NOTHING RETURNING ${COLUMNS}`,
    [name, ownerOrganisationId, actor.subject],
  );
  return rows[0];
}

export async function findClientApplication(db: Queryable, id: string): Promise<ClientApplicationRecord | undefined> {
  const rows: ClientApplicationRecord[] = await db.query(`SELECT ${COLUMNS} FROM client_application WHERE id = $1`, [id]);
  return rows[0];
}
