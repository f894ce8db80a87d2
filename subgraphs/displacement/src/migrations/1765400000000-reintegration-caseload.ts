import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_CASELOAD_TABLE, CREATE_CASELOAD_TRIGGERS, CREATE_CASELOAD_VERSION, FILL_CASELOAD } from '../statistics/caseload-rollup';

/**
 * The reintegration caseload rollup (statistics/caseload-rollup.ts): the table and its version, the
 * triggers that keep both in every writing transaction, and the cases already recorded added to it. The cases are locked
 * against writes meanwhile, so none is counted twice or missed between the fill and the triggers.
 */
export class ReintegrationCaseload1765400000000 implements MigrationInterface {
  name = 'ReintegrationCaseload1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`LOCK TABLE reintegration_case, reintegration_assistance IN SHARE ROW EXCLUSIVE MODE`);
    await db.query(CREATE_CASELOAD_TABLE);
    // Every case of a programme, or of an organisation, in one range of the rollup.
    await db.query(`CREATE INDEX reintegration_caseload_programme ON reintegration_caseload (programme_id, registered_month)`);
    // The days of a month cut by a registration period are read from the cases.
    await db.query(`CREATE INDEX reintegration_case_registered ON reintegration_case (registered_on)`);
    for (const statement of [...CREATE_CASELOAD_VERSION, ...CREATE_CASELOAD_TRIGGERS]) await db.query(statement);
    await db.query(FILL_CASELOAD);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['reintegration_case', 'reintegration_assistance'])
      for (const event of ['insert', 'update', 'delete'])
        await db.query(`DROP TRIGGER reintegration_caseload_${table === 'reintegration_case' ? '' : 'assistance_'}${event} ON ${table}`);
    await db.query(`DROP FUNCTION reintegration_caseload_cases(), reintegration_caseload_assistance()`);
    await db.query(`DROP INDEX reintegration_case_registered`);
    await db.query(`DROP TABLE reintegration_caseload, reintegration_caseload_version`);
  }
}
