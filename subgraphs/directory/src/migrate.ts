/** `tsx src/migrate.ts`: applies migrations and refreshes reference data, then exits. */
import { createLogger, env, loadEnvOrExit } from '@peacegraph/kit';
import { directoryDataSource, prepareDatabase } from './database';

async function main(): Promise<void> {
  const config = loadEnvOrExit({ DATABASE_URL: env.url('PostgreSQL URL of the directory database', ['postgres', 'postgresql']) });
  const logger = createLogger('directory');
  const { dataSource } = directoryDataSource(config.DATABASE_URL, logger, 2);
  await dataSource.initialize();
  try {
    await prepareDatabase(dataSource, logger);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`directory migration failed: ${(error as Error).message}\n`);
  process.exit(1);
});
