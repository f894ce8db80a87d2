import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A clientMutationId identifies a retry within one organisation's system: two partners may well both
 * send "sync-1". Unique across all organisations, one partner's retry could have been answered with
 * another partner's community.
 */
export class RetriesPerOrganisation1732500000000 implements MigrationInterface {
  name = 'RetriesPerOrganisation1732500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE community DROP CONSTRAINT community_client_mutation_id_key`);
    await db.query(
      `CREATE UNIQUE INDEX community_client_mutation ON community (owner_org, client_mutation_id) WHERE client_mutation_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX community_client_mutation`);
    await db.query(`ALTER TABLE community ADD CONSTRAINT community_client_mutation_id_key UNIQUE (client_mutation_id)`);
  }
}
