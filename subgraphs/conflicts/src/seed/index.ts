/** `tsx src/seed/index.ts`: migrations, then demo data (once per database) if the directory can place it. */
import { createDirectoryClient, loadEnvOrExit, runDatabaseTask, subgraphEnv } from '@peacegraph/kit';
import { conflictsDataSource, prepareDatabase } from '../database';
import { directoryReady, seedDemoData } from './demo';

const { DIRECTORY_URL } = loadEnvOrExit({ DIRECTORY_URL: subgraphEnv('conflicts', 4003).DIRECTORY_URL });

runDatabaseTask('conflicts', (url, logger) => conflictsDataSource(url, logger, 6), async (dataSource, logger) => {
  await prepareDatabase(dataSource, logger);
  // Demo cases are placed through the directory's demo communities. Without them (e.g. `npm run seed`,
  // which starts no service) the load waits for the next start rather than failing the migration.
  const directory = await directoryReady(DIRECTORY_URL);
  if (directory !== 'ready') {
    logger.warn({ directory: DIRECTORY_URL, state: directory }, 'demo data not loaded: the directory is needed to place it; it loads at the next start');
    return;
  }
  const started = Date.now();
  const loaded = await seedDemoData(dataSource, createDirectoryClient(DIRECTORY_URL));
  logger.info({ loaded, ms: Date.now() - started }, loaded ? 'demo data loaded' : 'demo data already present');
});
