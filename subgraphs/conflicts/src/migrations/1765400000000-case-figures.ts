import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addToCaseFiguresSql } from '../statistics/case-figures.repository';

/**
 * The case figures rollup (statistics/case-figures.repository.ts), filled from every case. Statistics
 * read every case of a country or area: at 200,000 cases, 64,000 index entries and a median per area
 * for Mali took hundreds of milliseconds; the rollup holds one row per place, owner, report month (and
 * all time) and day count to resolution, a few thousand rows in all. `month` is '-infinity' for the
 * all-time rows; `resolution_days` is null for cases not resolved now. NULLS NOT DISTINCT: an area
 * without admin 2 and an unresolved case are keys like any other.
 */
export class CaseFigures1765400000000 implements MigrationInterface {
  name = 'CaseFigures1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_figures (
        month date NOT NULL,
        country_code char(2) NOT NULL,
        admin_pcode text NOT NULL,
        admin1_pcode text NOT NULL,
        admin2_pcode text,
        owner_org uuid NOT NULL,
        resolution_days integer CHECK (resolution_days >= 0),
        reported integer NOT NULL,
        open integer NOT NULL,
        resolved integer NOT NULL,
        referred integer NOT NULL,
        unresolved integer NOT NULL,
        relapsed integer NOT NULL,
        -- No CHECK (count >= 0): PostgreSQL checks the row an upsert proposes, a negative delta, before
        -- it finds the row to add it to. A partition of reported holds for deltas and rows alike.
        CHECK (open + resolved + referred + unresolved = reported)
      )`);
    await db.query(`
      CREATE UNIQUE INDEX case_figures_key ON case_figures
        (month, country_code, admin_pcode, admin1_pcode, admin2_pcode, owner_org, resolution_days) NULLS NOT DISTINCT`);
    // An admin area's figures read its slice of P-codes (AdminArea.conflictStats, the adminArea filter).
    await db.query(`CREATE INDEX case_figures_area ON case_figures (month, admin_pcode text_pattern_ops)`);
    await db.query(addToCaseFiguresSql('true'));
    await db.query(`ANALYZE case_figures`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_figures`);
  }
}
