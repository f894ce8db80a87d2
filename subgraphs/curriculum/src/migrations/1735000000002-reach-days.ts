import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addToReachRollupSql, FIGURES, REACH_DAYS } from '../reach/reach-rollup';

/**
 * The daily reach rollup (src/reach/reach-rollup.ts): the same figures per day, for the days a period
 * cuts off a month at either end ("the last 365 days" starts and ends mid-month), which were summed
 * from every delivery of those days at read time. Backfilled from every record already written.
 */
export class ReachDays1735000000002 implements MigrationInterface {
  name = 'ReachDays1735000000002';

  async up(db: QueryRunner): Promise<void> {
    const counts = FIGURES.map((column) => `${column} integer NOT NULL DEFAULT 0`).join(',\n        ');
    await db.query(`
      CREATE TABLE reach_day (
        owner_org uuid NOT NULL,
        module_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        region_pcode text NOT NULL,
        admin_pcode text NOT NULL,
        day date NOT NULL,
        ${counts},
        PRIMARY KEY (owner_org, module_id, country_code, region_pcode, admin_pcode, day)
      )`);
    await db.query(`CREATE INDEX reach_day_day ON reach_day (day)`);
    await db.query(`CREATE INDEX reach_day_country ON reach_day (country_code, day)`);
    await db.query(addToReachRollupSql(REACH_DAYS, () => 'true'));
    await db.query(`ANALYZE reach_day`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reach_day`);
  }
}
