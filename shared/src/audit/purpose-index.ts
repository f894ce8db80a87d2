import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is filtered by the purpose a caller stated (X-Purpose): "who read these records for
 * this purpose" is the question a data-protection review asks. A migration of the kit's, run in every
 * subgraph's database after the subgraph's own (the audit table is the kit's too).
 */
export class AuditLogPurposeIndex1765300000000 implements MigrationInterface {
  name = 'AuditLogPurposeIndex1765300000000';

  async up(db: QueryRunner): Promise<void> {
    // Migrations run in timestamp order: a subgraph made after this one creates its audit table (with
    // this index, AUDIT_LOG_SQL) later, so here the table may not exist yet.
    await db.query(`DO $$ BEGIN
      IF to_regclass('audit_log') IS NOT NULL THEN
        CREATE INDEX IF NOT EXISTS audit_log_purpose ON audit_log (purpose, id DESC);
      END IF;
    END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS audit_log_purpose`);
  }
}
