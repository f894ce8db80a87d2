/** `tsx src/seed/index.ts`: migrations, reference data, then demo data (once per database). */
import { runDatabaseTask } from '@peacegraph/kit';
import { directoryDataSource, prepareDatabase } from '../database';
import { seedDemoData } from './demo';

runDatabaseTask(
  'directory',
  (url, logger) => directoryDataSource(url, logger, 2),
  async (dataSource, logger) => {
    await prepareDatabase(dataSource, logger);
    const loaded = await seedDemoData(dataSource);
    logger.info({ loaded }, loaded ? 'demo data loaded' : 'demo data already present');
  },
);
