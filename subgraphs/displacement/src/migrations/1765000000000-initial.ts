import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit';

/**
 * What both halves of the subgraph need: the audit log, and the geometry that ships with PostgreSQL
 * (the embedded server has no PostGIS). `cube` and `earthdistance` put points on the earth's surface
 * as GiST-indexable cubes: "within r metres of a point" is an index scan on `earth_box(ll_to_earth(…), r)`
 * refined by `earth_distance`; `btree_gist` lets one GiST index combine such a point with a key.
 */
export class Initial1765000000000 implements MigrationInterface {
  name = 'Initial1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    for (const statement of AUDIT_LOG_SQL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS audit_log`);
  }
}
