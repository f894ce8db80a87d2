import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics read every case of a country or an area. Measured at 200,000 cases (bench/README.md):
 * a sequential scan plus an on-disk sort for `conflictStats(country, groupBy: ADMIN2)`, and 65,000
 * random heap reads for `AdminArea.conflictStats`. Covering indexes let PostgreSQL answer both from
 * the index alone, already in group order.
 */
export class StatsCoveringIndexes1764000000000 implements MigrationInterface {
  name = 'StatsCoveringIndexes1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX conflict_case_country_area_stats ON conflict_case (country_code, (coalesce(admin2_pcode, admin1_pcode)))
      INCLUDE (admin2_pcode, admin1_pcode, status, ever_relapsed, resolved_on, reported_on, owner_org)`);
    await db.query(`
      CREATE INDEX conflict_case_admin_prefix_stats ON conflict_case (admin_pcode text_pattern_ops)
      INCLUDE (status, ever_relapsed, resolved_on, reported_on, owner_org)`);
    // The covering index serves every "in this area and below" filter the old one served.
    await db.query(`DROP INDEX conflict_case_admin_prefix`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX conflict_case_admin_prefix ON conflict_case (admin_pcode text_pattern_ops)`);
    await db.query(`DROP INDEX conflict_case_admin_prefix_stats`);
    await db.query(`DROP INDEX conflict_case_country_area_stats`);
  }
}
