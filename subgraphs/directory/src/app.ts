import {
  createAuthenticator,
  startSubgraphServer,
  type Logger,
  type RunningServer,
  type SqlStatementCounter,
  type TokenKeyConfig,
} from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { createContextFactory } from './context';
import { identityRoutes, localIdentityStore } from './identity';
import { createRepositories } from './repositories';
import { allResolvers, typeDefs } from './schema';

export interface DirectoryServerOptions {
  dataSource: DataSource;
  statements?: SqlStatementCounter;
  logger: Logger;
  port: number;
  host?: string;
  auth: TokenKeyConfig;
}

/** The directory subgraph on an initialised data source; used by index.ts and by tests. */
export async function startDirectoryServer(options: DirectoryServerOptions): Promise<RunningServer> {
  const context = createContextFactory(options.dataSource);
  const identity = localIdentityStore(createRepositories(options.dataSource));
  return startSubgraphServer({
    name: 'directory',
    typeDefs,
    resolvers: allResolvers,
    port: options.port,
    host: options.host,
    logger: options.logger,
    dataSource: options.dataSource,
    statements: options.statements,
    authenticate: await createAuthenticator(options.auth, identity),
    context: ({ viewer, audit }) => context(viewer, audit),
    routes: identityRoutes(identity),
  });
}
