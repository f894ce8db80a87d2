import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addToReachRollupSql, FIGURES, REACH_MONTHS } from '../reach/reach-rollup';

/**
 * The monthly reach rollup (src/reach/reach-rollup.ts): curriculumReach's figures summed per owner,
 * module, place and month, so that a country's or a period's figures read a few thousand rows instead
 * of every delivery. Backfilled here from every record already written, with the statement the
 * services' writes and the bench generator use.
 */
export class ReachMonths1735000000001 implements MigrationInterface {
  name = 'ReachMonths1735000000001';

  async up(db: QueryRunner): Promise<void> {
    const counts = FIGURES.map((column) => `${column} integer NOT NULL DEFAULT 0`).join(',\n        ');
    await db.query(`
      CREATE TABLE reach_month (
        owner_org uuid NOT NULL,
        module_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        region_pcode text NOT NULL,
        admin_pcode text NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        ${counts},
        PRIMARY KEY (owner_org, module_id, country_code, region_pcode, admin_pcode, month)
      )`);
    await db.query(`CREATE INDEX reach_month_country ON reach_month (country_code, month)`);
    await db.query(`CREATE INDEX reach_month_admin_prefix ON reach_month (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX reach_month_month ON reach_month (month)`);
    await db.query(addToReachRollupSql(REACH_MONTHS, () => 'true'));
    // The planner should know the rollup's size from the start, not from autovacuum's first pass.
    await db.query(`ANALYZE reach_month`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reach_month`);
  }
}
