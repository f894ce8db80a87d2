/** `tsx src/seed/index.ts`: migrations, then demo data (once per database), checked against the directory. */
import { loadEnvOrExit, runDatabaseTask } from '@peacegraph/kit';
import { curriculumDataSource, prepareDatabase } from '../database';
import { curriculumEnv } from '../env';
import { seedDemoData } from './demo';

const { DIRECTORY_URL } = loadEnvOrExit({ DIRECTORY_URL: curriculumEnv.DIRECTORY_URL });

runDatabaseTask('curriculum', (url, logger) => curriculumDataSource(url, logger, 2), async (dataSource, logger) => {
  await prepareDatabase(dataSource, logger);
  const loaded = await seedDemoData(dataSource, DIRECTORY_URL);
  logger.info({ loaded }, loaded ? 'demo data loaded' : 'demo data already present');
});
