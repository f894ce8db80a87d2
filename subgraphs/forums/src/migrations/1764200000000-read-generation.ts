import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a search page or an implementation series reads: if none of these tables changed, the answer
 * has not changed either.
 */
export const READ_GENERATION_TABLES = [
  'forum',
  'testimony',
  'declaration',
  'declaration_text',
  'recommendation',
  'recommendation_text',
  'recommendation_follow_up',
] as const;

/**
 * The forums' read generation: one counter that every transaction writing a searched or counted table
 * raises, in that transaction, whoever writes (the services, the demo seed, the bench generator, an
 * operator with psql). The subgraph's read cache keys its answers by it, so an answer computed before a
 * write is never served after the write's commit, by this process or any other replica.
 *
 * The counter is raised once per transaction (a transaction-local setting remembers it), by a
 * statement-level trigger, so a bulk insert costs one update. Transactions that write these tables
 * queue on the counter's row from their first such write to their commit: the forums' writes are a few
 * a minute, and readers never wait (they read the committed counter).
 */
export class ReadGeneration1764200000000 implements MigrationInterface {
  name = 'ReadGeneration1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE forums_read_generation (
        single boolean PRIMARY KEY DEFAULT true CHECK (single),
        generation bigint NOT NULL DEFAULT 1
      )`);
    await db.query(`INSERT INTO forums_read_generation DEFAULT VALUES`);
    await db.query(`
      CREATE FUNCTION forums_raise_read_generation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('forums.read_generation_raised', true) IS DISTINCT FROM 'on' THEN
          UPDATE forums_read_generation SET generation = generation + 1;
          PERFORM set_config('forums.read_generation_raised', 'on', true);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of READ_GENERATION_TABLES) {
      await db.query(
        `CREATE TRIGGER ${table}_read_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION forums_raise_read_generation()`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of READ_GENERATION_TABLES) await db.query(`DROP TRIGGER ${table}_read_generation ON ${table}`);
    await db.query(`DROP FUNCTION forums_raise_read_generation()`);
    await db.query(`DROP TABLE forums_read_generation`);
  }
}
