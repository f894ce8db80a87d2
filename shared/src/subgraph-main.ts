import type { DataSource } from 'typeorm';
import type { SqlStatementCounter } from './database/statement-counter';
import { createLogger, type Logger } from './logger';
import type { RunningServer } from './server';
import { stopOnSignals } from './server';
import { loadSubgraphConfig, type SubgraphConfig } from './subgraph-env';

export interface SubgraphMain {
  name: string;
  defaultPort: number;
  connect: (url: string, logger: Logger, poolSize: number) => { dataSource: DataSource; statements: SqlStatementCounter };
  start: (args: {
    dataSource: DataSource;
    statements: SqlStatementCounter;
    logger: Logger;
    config: SubgraphConfig;
  }) => Promise<RunningServer>;
}

/** A subgraph's `src/index.ts`: configuration, database, server, clean stop; exit 1 with a plain reason. */
export function runSubgraph(main: SubgraphMain): void {
  const config = loadSubgraphConfig(main.name, main.defaultPort);
  const logger = createLogger(main.name, config.LOG_LEVEL);
  const { dataSource, statements } = main.connect(config.DATABASE_URL, logger, config.DB_POOL_SIZE);
  dataSource
    .initialize()
    .then(async () => {
      const server = await main.start({ dataSource, statements, logger, config });
      stopOnSignals(logger, async () => {
        await server.stop();
        await dataSource.destroy();
      });
    })
    .catch((error: unknown) => {
      process.stderr.write(`${main.name} subgraph failed to start: ${(error as Error).message}\n`);
      process.exit(1);
    });
}
