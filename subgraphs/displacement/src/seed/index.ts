/** `tsx src/seed/index.ts`: migrations, then demo data (once per database) if the directory can place it. */
import { loadEnvOrExit, runDatabaseTask, subgraphEnv } from '@peacegraph/kit';
import { displacementDataSource, prepareDatabase } from '../database';
import { directoryReady, seedDemoData } from './demo';

const { DIRECTORY_URL } = loadEnvOrExit({ DIRECTORY_URL: subgraphEnv('displacement', 4006).DIRECTORY_URL });

runDatabaseTask('displacement', (url, logger) => displacementDataSource(url, logger, 2), async (dataSource, logger) => {
  await prepareDatabase(dataSource, logger);
  // Demo records are placed through the directory's demo communities. Without them (e.g. `npm run seed`,
  // which starts no service) the load waits for the next start rather than failing the migration.
  const directory = await directoryReady(DIRECTORY_URL);
  if (directory !== 'ready') {
    logger.warn({ directory: DIRECTORY_URL, state: directory }, 'demo data not loaded: the directory is needed to place it; it loads at the next start');
    return;
  }
  const started = Date.now();
  const loaded = await seedDemoData(dataSource, DIRECTORY_URL);
  logger.info({ loaded, ms: Date.now() - started }, loaded ? 'demo data loaded' : 'demo data already present');
});
