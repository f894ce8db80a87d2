import {
  createAuthenticator,
  remoteIdentityStore,
  startSubgraphServer,
  type IdentityStore,
  type Logger,
  type RunningServer,
  type SqlStatementCounter,
  type TokenKeyConfig,
} from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { createContextFactory } from './context';
import { allResolvers, typeDefs } from './schema';

export interface MiningServerOptions {
  dataSource: DataSource;
  statements?: SqlStatementCounter;
  logger: Logger;
  port: number;
  host?: string;
  auth: TokenKeyConfig;
  /** The directory's GraphQL URL: communities, admin areas, languages, organisations and API keys. */
  directoryUrl: string;
  /** Tests pass one without caches, so that a revoked key fails at once. */
  identity?: IdentityStore;
}

/** The mining subgraph on an initialised data source; used by index.ts and by tests. */
export async function startMiningServer(options: MiningServerOptions): Promise<RunningServer> {
  const context = createContextFactory(options.dataSource, options.directoryUrl);
  return startSubgraphServer({
    name: 'mining',
    typeDefs,
    resolvers: allResolvers,
    port: options.port,
    host: options.host,
    logger: options.logger,
    dataSource: options.dataSource,
    statements: options.statements,
    authenticate: await createAuthenticator(
      options.auth,
      options.identity ?? remoteIdentityStore(options.directoryUrl, { logger: options.logger }),
    ),
    context: ({ viewer, audit }) => context(viewer, audit),
  });
}
