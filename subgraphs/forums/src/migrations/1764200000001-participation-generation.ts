import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables forumParticipation reads besides the forum itself: participant counts and working groups (the `topic` filter). */
export const PARTICIPATION_TABLES = ['forum_participant_group', 'forum_participant_origin', 'working_group'] as const;

/**
 * The read generation (ReadGeneration1764200000000) raised by writes to what forumParticipation reads too,
 * so that its answers can be kept like the search's. recordForumParticipants also bumps the forum's
 * version, but a write with SQL to these tables alone must not leave a kept answer behind.
 */
export class ParticipationGeneration1764200000001 implements MigrationInterface {
  name = 'ParticipationGeneration1764200000001';

  async up(db: QueryRunner): Promise<void> {
    for (const table of PARTICIPATION_TABLES) {
      await db.query(
        `CREATE TRIGGER ${table}_read_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION forums_raise_read_generation()`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of PARTICIPATION_TABLES) await db.query(`DROP TRIGGER ${table}_read_generation ON ${table}`);
  }
}
