import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit/audit';
import { PCODE_PREFIXES_SQL, SEARCH_KEY_SQL } from '@peacegraph/kit/sql';

/**
 * What both halves of the subgraph need: the audit log, and the geometry that ships with PostgreSQL
 * (the embedded server has no PostGIS). `cube` and `earthdistance` put points on the earth's surface
 * as GiST-indexable cubes: "within r metres of a point" is an index scan on `earth_box(ll_to_earth(…), r)`
 * refined by `earth_distance`; `btree_gist` lets one GiST index combine such a point with a key.
 * Names are matched with the kit's `search_key()`, lists of areas with its `pcode_prefixes()`.
 */
export class Initial1765000000000 implements MigrationInterface {
  name = 'Initial1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    for (const statement of AUDIT_LOG_SQL) await db.query(statement);
    for (const statement of SEARCH_KEY_SQL) await db.query(statement);
    await db.query(PCODE_PREFIXES_SQL);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS audit_log`);
    await db.query(`DROP FUNCTION IF EXISTS pcode_prefixes(text[]), search_key(text, text[]), search_key(text)`);
  }
}
