import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No JIT compilation for this database's sessions. PostgreSQL compiles a statement whose estimated cost
 * passes jit_above_cost, and the coverage map's statement does (the planner's guess for the media reaching
 * each area, over tables too small to have been analysed): compiling took 100–125 ms of a statement that
 * runs in under 10, at the bench's scale. The figures are read in milliseconds or not at all; nothing here
 * runs long enough for compiled expressions to pay. A role that may not alter the database keeps the
 * server's setting, and says so.
 */
export class NoJit1764000000002 implements MigrationInterface {
  name = 'NoJit1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DO $$
      BEGIN
        EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'jit stays as the server sets it: this role may not alter database %', current_database();
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET jit', current_database()); END $$`);
  }
}
