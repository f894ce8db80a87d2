import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit/audit';

/**
 * Identity and data responsibility: the audit log every subgraph keeps, the API keys of machine
 * clients (only a SHA-256 of each key is stored: keys are 190 random bits, so a slow hash adds
 * nothing), and a community's focal point, the directory's one sensitive field.
 */
export class Identity1732400000000 implements MigrationInterface {
  name = 'Identity1732400000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_SQL) await db.query(statement);
    await db.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        name text NOT NULL CHECK (btrim(name) <> ''),
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_key_organisation ON api_key (organisation_id, created_at DESC, id)`);
    await db.query(`ALTER TABLE community ADD COLUMN focal_point text`);
    await db.query(`CREATE INDEX community_owner ON community (owner_org)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX community_owner`);
    await db.query(`ALTER TABLE community DROP COLUMN focal_point`);
    await db.query(`DROP TABLE api_key`);
    await db.query(`DROP TABLE audit_log`);
  }
}
