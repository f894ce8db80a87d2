import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The drafts among declarations and recommendations: a search asks whether another organisation's
 * draft holds a text, and these partial indexes answer from a handful of rows, whatever the number of
 * published records.
 */
export class DraftIndexes1764200000002 implements MigrationInterface {
  name = 'DraftIndexes1764200000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX declaration_draft ON declaration (id, owner_org) WHERE published_on IS NULL`);
    await db.query(`CREATE INDEX recommendation_draft ON recommendation (id, owner_org) WHERE published_on IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX declaration_draft, recommendation_draft`);
  }
}
