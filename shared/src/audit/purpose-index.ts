import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is filtered by the purpose a caller stated (X-Purpose): "who read these records for
 * this purpose" is the question a data-protection review asks. A migration of the kit's, run in every
 * subgraph's database after the subgraph's own (the audit table is the kit's too).
 */
export class AuditLogPurposeIndex1765300000000 implements MigrationInterface {
  name = 'AuditLogPurposeIndex1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS audit_log_purpose ON audit_log (purpose, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS audit_log_purpose`);
  }
}
