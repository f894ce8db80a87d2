/** `tsx src/seed/index.ts`: migrations, then demo data (once per database) if the directory can place it. */
import { loadEnvOrExit, runDatabaseTask, subgraphEnv } from '@peacegraph/kit';
import { forumsDataSource, prepareDatabase } from '../database';
import { directoryReady, seedDemoData } from './demo';

const { DIRECTORY_URL } = loadEnvOrExit({ DIRECTORY_URL: subgraphEnv('forums', 4004).DIRECTORY_URL });

runDatabaseTask('forums', (url, logger) => forumsDataSource(url, logger, 4), async (dataSource, logger) => {
  await prepareDatabase(dataSource, logger);
  // Demo forums are placed and convened through the directory's demo communities and organisations.
  // Without them (e.g. `npm run seed` before the directory runs) the load waits for the next start.
  const directory = await directoryReady(DIRECTORY_URL);
  if (directory !== 'ready') {
    logger.warn({ directory: DIRECTORY_URL, state: directory }, 'demo data not loaded: the directory is needed to place it; it loads at the next start');
    return;
  }
  const started = Date.now();
  const loaded = await seedDemoData(dataSource, DIRECTORY_URL);
  logger.info({ loaded, ms: Date.now() - started }, loaded ? 'demo data loaded' : 'demo data already present');
});
