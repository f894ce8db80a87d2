import type { Actor } from '../access';
import type { Queryable } from './queryable';

export interface PersistedDocumentRecord {
  clientApplicationId: string;
  id: string;
  body: string;
  operationName: string | null;
  firstUploadedAt: Date;
  firstUploadedBy: string;
  lastUploadedAt: Date;
  lastUploadedBy: string;
}

const COLUMNS = `client_application_id AS "clientApplicationId", document_id AS id, body, operation_name AS "operationName",
  first_uploaded_at AS "firstUploadedAt", first_uploaded_by AS "firstUploadedBy",
  last_uploaded_at AS "lastUploadedAt", last_uploaded_by AS "lastUploadedBy"`;

/**
 * Stores a client's documents in one statement: a document it already had keeps its first upload and
 * gets this one as its last. Returns how many were new.
 */
export async function upsertDocuments(
  db: Queryable,
  clientApplicationId: string,
  documents: readonly { id: string; body: string; operationName: string | null }[],
  actor: Actor,
): Promise<number> {
  const rows: { inserted: boolean }[] = await db.query(
    `INSERT INTO persisted_document (client_application_id, document_id, body, operation_name, first_uploaded_by, last_uploaded_by)
     SELECT $1, d.id, d.body, d."operationName", $3, $3 FROM jsonb_to_recordset($2::jsonb) AS d(id text, body text, "operationName" text)
     ON CONFLICT (client_application_id, document_id) DO UPDATE SET last_uploaded_at = now(), last_uploaded_by = excluded.last_uploaded_by
     RETURNING (xmax = 0) AS inserted`,
    [clientApplicationId, JSON.stringify(documents), actor.subject],
  );
  return rows.filter((r) => r.inserted).length;
}

/** A client's documents by id; `after` is the last id of the previous page. */
export async function listDocuments(db: Queryable, clientApplicationId: string, first: number, after: string | null) {
  const rows: PersistedDocumentRecord[] = await db.query(
    `SELECT ${COLUMNS} FROM persisted_document WHERE client_application_id = $1 AND ($2::text IS NULL OR document_id > $2)
     ORDER BY document_id LIMIT $3`,
    [clientApplicationId, after, first + 1],
  );
  const nodes = rows.slice(0, first);
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.at(-1)?.id ?? null } };
}

export interface DocumentForGateway {
  id: string;
  body: string;
  /** The clients that registered it, with their owners: a trusted-documents-only caller runs only its organisation's. */
  clientApplications: { id: string; name: string; ownerOrganisationId: string }[];
}

/** One document as a gateway needs it; undefined when no client registered it. */
export async function documentForGateway(db: Queryable, id: string): Promise<DocumentForGateway | undefined> {
  const rows: { body: string; clientId: string; name: string; owner: string }[] = await db.query(
    `SELECT d.body, c.id AS "clientId", c.name, c.owner_organisation_id AS owner
     FROM persisted_document d JOIN client_application c ON c.id = d.client_application_id
     WHERE d.document_id = $1 ORDER BY c.name`,
    [id],
  );
  if (rows.length === 0) return undefined;
  return {
    id,
    body: rows[0]!.body,
    clientApplications: rows.map((r) => ({ id: r.clientId, name: r.name, ownerOrganisationId: r.owner })),
  };
}

/** The document each operation was last served from, by signature (only those that have one). */
export async function documentIdsOf(db: Queryable, signatures: readonly string[]): Promise<Map<string, string>> {
  const rows: { signature: string; documentId: string }[] = await db.query(
    `SELECT signature, document_id AS "documentId" FROM operation WHERE signature = ANY($1) AND document_id IS NOT NULL`,
    [signatures],
  );
  return new Map(rows.map((r) => [r.signature, r.documentId]));
}
