import { AuditLogPurposeIndex1765300000000 } from '../audit/purpose-index';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type express from 'express';
import type { DataSource } from 'typeorm';
import type { AuditRecorder } from '../audit/recorder';
import type { IdentityStore } from '../auth/identity-store';
import type { Viewer } from '../auth/viewer';
import type { DataSourceOptions } from '../sql/data-source';
import type { Logger } from '../server/logger';
import type { RateLimitState } from '../server/rate-limit-header';
import type { FieldPolicyOptions, PolicyContext } from '../policy/enforce';

/** What the gateway said about a request besides the caller's credentials. */
export interface ForwardedRequest {
  /** The caller's rate-limit state (`peacegraph-rate-limit`); null when no rate-limiting gateway sent it. */
  rateLimit: RateLimitState | null;
}

/** What the kit hands a subgraph to build its per-request context from, once per process. */
export interface ContextDeps {
  dataSource: DataSource;
  /** The directory's GraphQL URL: communities, admin areas, languages, organisations, API keys. */
  directoryUrl: string;
}

/** Where the demo data of `npm start` comes from, and what it needs first. */
export interface DemoData {
  /**
   * Whether the directory answers and holds the demo communities the data is placed in; the load
   * waits for the next start otherwise. Left out by the directory itself.
   */
  directoryReady?: (directoryUrl: string) => Promise<'ready' | 'unreachable' | 'no demo communities'>;
  /** Loads the demo data once per database; true when it loaded anything. */
  load: (dataSource: DataSource, directoryUrl: string) => Promise<boolean>;
  /** Connections the load may use at once (2 by default), for a load that writes in parallel. */
  poolSize?: number;
}

/**
 * A subgraph, declared once: the kit builds from it the server, the database connection, the
 * migration task, the demo seed, the audit-log query and the test server. Its routing URL (and so its
 * default port) is in supergraph.yaml, with every other subgraph's.
 */
const KIT_MIGRATIONS = [AuditLogPurposeIndex1765300000000];

export interface SubgraphDefinition<C extends PolicyContext = PolicyContext> {
  /** The domain: its database, its scopes (`<name>:write`, `<name>:sensitive`), its `<name>AuditLog`. */
  name: string;
  /** Its schema.graphql; the kit's common SDL is served before it. */
  schemaFile: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  /** Reference data shipped with the code, loaded as upserts after migrations on every start. */
  reference?: (dataSource: DataSource, logger: Logger) => Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph's generated types check its resolvers
  resolvers: GraphQLResolverMap<any>;
  /** Per process: returns the per-request context (loaders, services) for a verified caller. */
  context: (deps: ContextDeps) => (viewer: Viewer, audit: AuditRecorder, request?: ForwardedRequest) => C | Promise<C>;
  /** Owner and id of records whose type has SENSITIVE fields, when not `ownerOrg` and `id`. */
  identify?: FieldPolicyOptions['identify'];
  /**
   * Statistics fields (`Type.field`) whose whole answers the kit keeps until a write commits: fields
   * whose answer depends only on the data, the arguments and the caller, never on the clock.
   */
  keptAnswers?: readonly string[];
  /**
   * The directory answers who callers are from its own tables and serves that to the others over HTTP;
   * every other subgraph leaves this out and asks the directory.
   */
  identity?: (dataSource: DataSource) => { store: IdentityStore; routes: (app: express.Express) => void };
  demo?: DemoData;
}

/** Declares a subgraph (`src/subgraph.ts`); typed so that its context flows into its resolvers. */
export function defineSubgraph<C extends PolicyContext>(definition: SubgraphDefinition<C>): SubgraphDefinition<C> {
  return definition;
}

/**
 * A subgraph's migrations and then the kit's own (over the tables the kit owns in every database,
 * such as the audit log), so no subgraph copies them.
 */
export function migrationsOf(definition: SubgraphDefinition): DataSourceOptions['migrations'] {
  const own = definition.migrations;
  return Array.isArray(own) ? [...own, ...KIT_MIGRATIONS] : own;
}
