import type { DataSource } from 'typeorm';
import { listAuditEntries, type AuditEntry, type AuditFilter } from '../audit/query';
import { createAuthenticator } from '../auth/authenticate';
import { remoteIdentityStore, type IdentityStore } from '../auth/identity-store';
import type { TokenKeyConfig } from '../auth/keys';
import type { Viewer } from '../auth/viewer';
import { createDataSource, migrate, type PeaceGraphDataSource } from '../sql/data-source';
import type { SqlStatementCounter } from '../sql/statement-counter';
import { loadTypeDefs } from '../graphql/type-defs';
import type { Logger } from '../server/logger';
import type { PageArgs } from '../sql/pagination';
import type { PolicyContext } from '../policy/enforce';
import { scalarResolversFor } from '../server/scalars';
import { startSubgraphServer, type RunningServer } from '../server/server';
import { migrationsOf, type SubgraphDefinition } from './definition';

/** The subgraph's pool, named in pg_stat_activity so an operator sees whose connections they are. */
export function subgraphDataSource(definition: SubgraphDefinition, url: string, logger?: Logger, poolSize?: number): PeaceGraphDataSource {
  return createDataSource({
    url,
    entities: definition.entities,
    migrations: migrationsOf(definition),
    logger,
    poolSize,
    applicationName: `peacegraph-${definition.name}`,
  });
}

/** Schema first, then the reference data the subgraph cannot work without. */
export async function prepareSubgraphDatabase(definition: SubgraphDefinition, dataSource: DataSource, logger: Logger): Promise<void> {
  const ran = await migrate(dataSource);
  if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
  await definition.reference?.(dataSource, logger);
}

/**
 * `<name>AuditLog` and the audit entry's fields: the same query in every subgraph, over the kit's
 * audit table (admins all of it; a partner its records and its own people's actions).
 */
function auditLogResolvers(name: string, dataSource: DataSource) {
  return {
    Query: {
      [`${name}AuditLog`]: (_: unknown, args: AuditFilter & PageArgs, { viewer }: { viewer: Viewer }) =>
        listAuditEntries(dataSource, viewer, args, args),
    },
    AuditEntry: {
      actorOrganisation: (entry: AuditEntry) => entry.actorOrg,
      ownerOrganisation: (entry: AuditEntry) => entry.ownerOrg,
    },
  };
}

/** The resolvers a subgraph serves: its scalars, its own, and the audit log. */
function resolversOf(definition: SubgraphDefinition, source: string, dataSource: DataSource) {
  const own = definition.resolvers;
  const audit = auditLogResolvers(definition.name, dataSource);
  return {
    ...scalarResolversFor(source),
    ...own,
    Query: { ...(own.Query as object), ...audit.Query },
    AuditEntry: audit.AuditEntry,
  };
}

export interface SubgraphServerDeps {
  dataSource: DataSource;
  statements?: SqlStatementCounter;
  logger: Logger;
  port: number;
  host?: string;
  auth: TokenKeyConfig;
  /** The directory's GraphQL URL; the directory itself ignores it. */
  directoryUrl: string;
  /** Who callers are; by default the directory's identity endpoints with their usual cache. */
  identity?: IdentityStore;
  /** Bytes of whole answers kept (kept-answers.ts); by default KEPT_ANSWERS_MB from the environment. */
  keptAnswersBudget?: number;
}

/** A subgraph served on an initialised data source: by `npm start`, docker and the tests alike. */
export async function startSubgraph<C extends PolicyContext>(
  definition: SubgraphDefinition<C>,
  deps: SubgraphServerDeps,
): Promise<RunningServer> {
  const { source, document } = loadTypeDefs(definition.schemaFile);
  const own = definition.identity?.(deps.dataSource);
  const identity = own?.store ?? deps.identity ?? remoteIdentityStore(deps.directoryUrl, { logger: deps.logger });
  const context = definition.context({ dataSource: deps.dataSource, directoryUrl: deps.directoryUrl });
  return startSubgraphServer<C>({
    name: definition.name,
    typeDefs: document,
    resolvers: resolversOf(definition as SubgraphDefinition, source, deps.dataSource),
    port: deps.port,
    host: deps.host,
    logger: deps.logger,
    dataSource: deps.dataSource,
    statements: deps.statements,
    authenticate: await createAuthenticator(deps.auth, identity),
    identify: definition.identify,
    keptAnswers: definition.keptAnswers,
    keptAnswersBudget: deps.keptAnswersBudget,
    context: async ({ viewer, audit, rateLimit }) => context(viewer, audit, { rateLimit }),
    routes: own?.routes,
  });
}
