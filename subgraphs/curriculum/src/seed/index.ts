/** `tsx src/seed/index.ts`: migrations, then demo data (once per database), checked against the directory. */
import { loadEnvOrExit, runDatabaseTask, subgraphEnv } from '@peacegraph/kit';
import { curriculumDataSource, prepareDatabase } from '../database';
import { seedDemoData } from './demo';

const { DIRECTORY_URL } = loadEnvOrExit({ DIRECTORY_URL: subgraphEnv('curriculum', 4002).DIRECTORY_URL });

runDatabaseTask(
  'curriculum',
  (url, logger) => curriculumDataSource(url, logger, 2),
  async (dataSource, logger) => {
    await prepareDatabase(dataSource, logger);
    const loaded = await seedDemoData(dataSource, DIRECTORY_URL);
    logger.info({ loaded }, loaded ? 'demo data loaded' : 'demo data already present');
  },
);
