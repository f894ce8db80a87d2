import { createLogger, stopOnSignals, tokenKeyConfig } from '@peacegraph/kit';
import { startConflictsServer } from './app';
import { conflictsDataSource } from './database';
import { loadConflictsConfig } from './env';

async function main(): Promise<void> {
  const config = loadConflictsConfig();
  const logger = createLogger('conflicts', config.LOG_LEVEL);
  const { dataSource, statements } = conflictsDataSource(config.DATABASE_URL, logger, config.DB_POOL_SIZE);
  await dataSource.initialize();
  const server = await startConflictsServer({
    dataSource,
    statements,
    logger,
    port: config.PORT,
    host: config.HOST,
    auth: tokenKeyConfig(config),
    directoryUrl: config.DIRECTORY_URL,
  });
  stopOnSignals(logger, async () => {
    await server.stop();
    await dataSource.destroy();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`conflicts subgraph failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
