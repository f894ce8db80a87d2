import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An API key can be held to trusted documents: the gateway then runs for it only documents a client
 * application of its organisation registered, never a query sent as text. Existing keys keep running
 * any query.
 */
export class TrustedDocumentsOnly1732600000000 implements MigrationInterface {
  name = 'TrustedDocumentsOnly1732600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_key ADD COLUMN trusted_documents_only boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_key DROP COLUMN trusted_documents_only`);
  }
}
