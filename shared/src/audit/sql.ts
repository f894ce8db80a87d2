/**
 * The audit log every subgraph keeps in its own database: statements for its first migration.
 * Rows are only ever inserted; `at` and `id` order them.
 */
export const AUDIT_LOG_SQL = [
  `CREATE TABLE audit_log (
     id bigserial PRIMARY KEY,
     at timestamptz NOT NULL DEFAULT clock_timestamp(),
     action text NOT NULL CHECK (action IN ('READ', 'WRITE')),
     actor text NOT NULL,
     actor_org uuid,
     operation text,
     record_type text NOT NULL,
     record_ids text[] NOT NULL,
     fields text[] NOT NULL DEFAULT '{}',
     owner_org uuid,
     purpose text,
     request_id text
   )`,
  `CREATE INDEX audit_log_at ON audit_log (at)`,
  `CREATE INDEX audit_log_owner ON audit_log (owner_org, id DESC)`,
  `CREATE INDEX audit_log_actor_org ON audit_log (actor_org, id DESC)`,
  `CREATE INDEX audit_log_actor ON audit_log (actor, id DESC)`,
  `CREATE INDEX audit_log_records ON audit_log USING gin (record_ids)`,
  // Databases made before it have it from the kit's own migration (purpose-index.ts).
  `CREATE INDEX IF NOT EXISTS audit_log_purpose ON audit_log (purpose, id DESC)`,
];
