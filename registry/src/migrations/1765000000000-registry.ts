import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry's records. What is live is never a flag on a row: it is the composition of the latest
 * launch, so a rollback is one more launch and history is never rewritten.
 */
export class Registry1765000000000 implements MigrationInterface {
  name = 'Registry1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE subgraph (
        name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]{0,39}$'),
        routing_url text NOT NULL CHECK (routing_url ~ '^https?://' AND length(routing_url) <= 500),
        owner_organisation_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE schema_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subgraph text NOT NULL CHECK (length(subgraph) <= 40),
        sdl text NOT NULL,
        hash text NOT NULL,
        routing_url text,
        base_composition_id uuid,
        usage_days integer NOT NULL CHECK (usage_days BETWEEN 1 AND 366),
        passed boolean NOT NULL,
        composed boolean NOT NULL,
        findings jsonb NOT NULL,
        changes jsonb NOT NULL,
        supergraph_sdl text,
        purpose text NOT NULL CHECK (purpose IN ('CHECK', 'PUBLISH')),
        author text NOT NULL,
        author_organisation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX schema_check_subgraph ON schema_check (subgraph, created_at DESC, id)`);
    await db.query(`CREATE INDEX schema_check_latest ON schema_check (created_at DESC, id)`);
    await db.query(`
      CREATE TABLE schema_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subgraph text NOT NULL REFERENCES subgraph (name),
        sdl text NOT NULL,
        hash text NOT NULL,
        routing_url text NOT NULL,
        state text NOT NULL CHECK (state IN ('WAITING', 'LAUNCHED', 'REFUSED', 'SUPERSEDED')),
        state_reason text,
        check_id uuid REFERENCES schema_check (id),
        message text CHECK (length(message) <= 2000),
        author text NOT NULL,
        author_organisation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        launched_at timestamptz
      )`);
    await db.query(`CREATE INDEX schema_version_subgraph ON schema_version (subgraph, created_at DESC, id)`);
    await db.query(`CREATE INDEX schema_version_latest ON schema_version (created_at DESC, id)`);
    await db.query(`CREATE INDEX schema_version_waiting ON schema_version (created_at) WHERE state = 'WAITING'`);
    await db.query(`
      CREATE TABLE composition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supergraph_sdl text NOT NULL,
        hash text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE composition_member (
        composition_id uuid NOT NULL REFERENCES composition (id),
        subgraph text NOT NULL REFERENCES subgraph (name),
        version_id uuid NOT NULL REFERENCES schema_version (id),
        routing_url text NOT NULL,
        PRIMARY KEY (composition_id, subgraph)
      )`);
    await db.query(`CREATE INDEX composition_member_version ON composition_member (version_id)`);
    await db.query(`
      CREATE TABLE launch (
        id bigserial PRIMARY KEY,
        composition_id uuid NOT NULL REFERENCES composition (id),
        reason text NOT NULL CHECK (reason IN ('PUBLISH', 'ROLLBACK', 'APPROVAL', 'DEPLOYED')),
        version_id uuid REFERENCES schema_version (id),
        message text CHECK (length(message) <= 2000),
        actor text NOT NULL,
        actor_organisation_id uuid,
        launched_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX launch_composition ON launch (composition_id)`);
    await db.query(`
      CREATE TABLE approval (
        subgraph text NOT NULL,
        change_key text NOT NULL,
        change jsonb NOT NULL,
        check_id uuid NOT NULL REFERENCES schema_check (id),
        reason text CHECK (length(reason) <= 2000),
        approved_by text NOT NULL,
        approved_by_organisation_id uuid,
        approved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subgraph, change_key)
      )`);
    await db.query(`
      CREATE TABLE client_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$'),
        owner_organisation_id uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE policy_rule (
        rule text PRIMARY KEY,
        level text NOT NULL CHECK (level IN ('ERROR', 'WARNING', 'OFF')),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Usage: operations once, then one row per operation, client, organisation and hour.
    await db.query(`
      CREATE TABLE operation (
        signature text PRIMARY KEY CHECK (signature ~ '^[0-9a-f]{64}$'),
        name text,
        document text NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE operation_coordinate (
        coordinate text NOT NULL,
        signature text NOT NULL REFERENCES operation (signature) ON DELETE CASCADE,
        PRIMARY KEY (coordinate, signature)
      )`);
    await db.query(`CREATE INDEX operation_coordinate_signature ON operation_coordinate (signature)`);
    await db.query(`
      CREATE TABLE usage_hour (
        signature text NOT NULL REFERENCES operation (signature) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        client_name text NOT NULL DEFAULT '',
        client_version text NOT NULL DEFAULT '',
        organisation_id text NOT NULL DEFAULT '',
        count bigint NOT NULL CHECK (count > 0),
        errors bigint NOT NULL CHECK (errors >= 0 AND errors <= count),
        total_ms double precision NOT NULL CHECK (total_ms >= 0),
        latency bigint[] NOT NULL,
        PRIMARY KEY (signature, hour, client_name, client_version, organisation_id)
      )`);
    await db.query(`CREATE INDEX usage_hour_hour ON usage_hour (hour)`);
    await db.query(`
      CREATE TABLE usage_reporter (
        gateway text PRIMARY KEY,
        reports bigint NOT NULL DEFAULT 0,
        dropped bigint NOT NULL DEFAULT 0,
        last_report_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE registry_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_organisation_id uuid,
        action text NOT NULL,
        target text,
        detail jsonb NOT NULL DEFAULT '{}',
        ip text,
        request_id text
      )`);
    await db.query(`CREATE INDEX registry_audit_at ON registry_audit (at DESC, id DESC)`);
    await db.query(`CREATE INDEX registry_audit_actor ON registry_audit (actor, at DESC)`);
    await db.query(`CREATE INDEX registry_audit_target ON registry_audit (target, at DESC)`);
  }

  async down(): Promise<void> {
    throw new Error('The registry keeps its history: no down migration');
  }
}
