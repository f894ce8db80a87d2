import { createLogger, stopOnSignals, tokenKeyConfig } from '@peacegraph/kit';
import { startCurriculumServer } from './app';
import { curriculumDataSource } from './database';
import { loadCurriculumConfig } from './env';

async function main(): Promise<void> {
  const config = loadCurriculumConfig();
  const logger = createLogger('curriculum', config.LOG_LEVEL);
  const { dataSource, statements } = curriculumDataSource(config.DATABASE_URL, logger, config.DB_POOL_SIZE);
  await dataSource.initialize();
  const server = await startCurriculumServer({
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
  process.stderr.write(`curriculum subgraph failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
