import {
  createAuthenticator,
  createDirectoryClient,
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

export interface ConflictsServerOptions {
  dataSource: DataSource;
  statements?: SqlStatementCounter;
  logger: Logger;
  port: number;
  host?: string;
  auth: TokenKeyConfig;
  /** The directory's GraphQL URL: communities and admin areas, organisations and API keys. */
  directoryUrl: string;
  /** Defaults to the directory's identity endpoints with their usual cache. */
  identity?: IdentityStore;
}

/** The conflicts subgraph on an initialised data source; used by index.ts and by tests. */
export async function startConflictsServer(options: ConflictsServerOptions): Promise<RunningServer> {
  const context = createContextFactory(options.dataSource, () => createDirectoryClient(options.directoryUrl));
  return startSubgraphServer({
    name: 'conflicts',
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
