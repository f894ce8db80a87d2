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

export interface ForumsServerOptions {
  dataSource: DataSource;
  statements?: SqlStatementCounter;
  logger: Logger;
  port: number;
  host?: string;
  auth: TokenKeyConfig;
  /** The directory's GraphQL URL: communities, admin areas, languages, organisations and API keys. */
  directoryUrl: string;
  /** Defaults to the directory's identity endpoints with their usual cache. */
  identity?: IdentityStore;
}

/** The forums subgraph on an initialised data source; used by index.ts and by tests. */
export async function startForumsServer(options: ForumsServerOptions): Promise<RunningServer> {
  const identity = options.identity ?? remoteIdentityStore(options.directoryUrl, { logger: options.logger });
  const context = createContextFactory(options.dataSource, { url: options.directoryUrl });
  return startSubgraphServer({
    name: 'forums',
    typeDefs,
    resolvers: allResolvers,
    port: options.port,
    host: options.host,
    logger: options.logger,
    dataSource: options.dataSource,
    statements: options.statements,
    authenticate: await createAuthenticator(options.auth, identity),
    context: ({ viewer, audit }) => context(viewer, audit),
  });
}
