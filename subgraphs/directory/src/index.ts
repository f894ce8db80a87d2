import { createLogger, stopOnSignals, tokenKeyConfig } from '@peacegraph/kit';
import { startDirectoryServer } from './app';
import { directoryDataSource } from './database';
import { loadDirectoryConfig } from './env';

async function main(): Promise<void> {
  const config = loadDirectoryConfig();
  const logger = createLogger('directory', config.LOG_LEVEL);
  const { dataSource, statements } = directoryDataSource(config.DATABASE_URL, logger, config.DB_POOL_SIZE);
  await dataSource.initialize();
  const server = await startDirectoryServer({
    dataSource,
    statements,
    logger,
    port: config.PORT,
    host: config.HOST,
    auth: tokenKeyConfig(config),
  });
  stopOnSignals(logger, async () => {
    await server.stop();
    await dataSource.destroy();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`directory subgraph failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
