/** `tsx src/seed/index.ts`: migrations, reference data, then demo data (once per database). */
import { createLogger, env, loadEnvOrExit } from '@peacegraph/kit';
import { directoryDataSource, prepareDatabase } from '../database';
import { seedDemoData } from './demo';

async function main(): Promise<void> {
  const config = loadEnvOrExit({ DATABASE_URL: env.url('PostgreSQL URL of the directory database', ['postgres', 'postgresql']) });
  const logger = createLogger('directory');
  const { dataSource } = directoryDataSource(config.DATABASE_URL, logger, 2);
  await dataSource.initialize();
  try {
    await prepareDatabase(dataSource, logger);
    const loaded = await seedDemoData(dataSource);
    logger.info({ loaded }, loaded ? 'demo data loaded' : 'demo data already present');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`directory seed failed: ${(error as Error).message}\n`);
  process.exit(1);
});
