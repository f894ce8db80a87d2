import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_CASELOAD_TRUNCATE_TRIGGERS } from '../statistics/caseload-rollup';

/**
 * The caseload rollup and its version follow a TRUNCATE of the cases or of their assistance too
 * (statistics/caseload-rollup.ts): before, a truncate left both as they were, and the rollup and the
 * kept caseloads counted cases no longer there.
 */
export class CaseloadTruncate1765500000000 implements MigrationInterface {
  name = 'CaseloadTruncate1765500000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of CREATE_CASELOAD_TRUNCATE_TRIGGERS) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER reintegration_caseload_truncate ON reintegration_case`);
    await db.query(`DROP TRIGGER reintegration_caseload_assistance_truncate ON reintegration_assistance`);
    await db.query(`DROP FUNCTION reintegration_caseload_truncated()`);
  }
}
