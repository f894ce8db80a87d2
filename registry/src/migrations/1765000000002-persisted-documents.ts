import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trusted documents: the operations a client application's build produced (a persisted-documents
 * manifest), each kept under its sha256 so gateways can run it by id. One row per client and
 * document: two clients may ship the same document, and each upload says who sent it last.
 * `operation.document_id` names the document a usage signature was last served from.
 */
export class PersistedDocuments1765000000002 implements MigrationInterface {
  name = 'PersistedDocuments1765000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE persisted_document (
        client_application_id uuid NOT NULL REFERENCES client_application (id) ON DELETE CASCADE,
        document_id text NOT NULL CHECK (document_id ~ '^[0-9a-f]{64}$'),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
        operation_name text,
        first_uploaded_at timestamptz NOT NULL DEFAULT now(),
        first_uploaded_by text NOT NULL,
        last_uploaded_at timestamptz NOT NULL DEFAULT now(),
        last_uploaded_by text NOT NULL,
        PRIMARY KEY (client_application_id, document_id)
      )`);
    await db.query(`CREATE INDEX persisted_document_document ON persisted_document (document_id)`);
    await db.query(`ALTER TABLE operation ADD COLUMN document_id text CHECK (document_id ~ '^[0-9a-f]{64}$')`);
  }

  async down(): Promise<void> {
    throw new Error('The registry keeps its history: no down migration');
  }
}
