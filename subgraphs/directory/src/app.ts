import { startSubgraphServer, type Logger, type RunningServer } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { createContextFactory } from './context';
import { allResolvers, typeDefs } from './schema';
import type { SqlStatementCounter } from '@peacegraph/kit';

export interface DirectoryServerOptions {
  dataSource: DataSource;
  statements?: SqlStatementCounter;
  logger: Logger;
  port: number;
  host?: string;
}

/** The directory subgraph on an initialised data source; used by index.ts and by tests. */
export function startDirectoryServer(options: DirectoryServerOptions): Promise<RunningServer> {
  const context = createContextFactory(options.dataSource);
  return startSubgraphServer({
    name: 'directory',
    typeDefs,
    resolvers: allResolvers,
    port: options.port,
    host: options.host,
    logger: options.logger,
    statements: options.statements,
    context: () => context(),
    ready: async () => {
      await options.dataSource.query('SELECT 1');
      return true;
    },
  });
}
