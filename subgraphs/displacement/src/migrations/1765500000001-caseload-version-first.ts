import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CASELOAD_VERSION_FIRST, DROP_CASELOAD_VERSION_FIRST } from '../statistics/caseload-rollup';

/**
 * The caseload version moved once per transaction, before any row is locked (statistics/caseload-rollup.ts,
 * CASELOAD_VERSION_FIRST): moved after each statement's rollup rows, one row locked last by every
 * statement, two transactions each writing cases under two rollup keys could deadlock.
 */
export class CaseloadVersionFirst1765500000001 implements MigrationInterface {
  name = 'CaseloadVersionFirst1765500000001';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of CASELOAD_VERSION_FIRST) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of DROP_CASELOAD_VERSION_FIRST) await db.query(statement);
  }
}
