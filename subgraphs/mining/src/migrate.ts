/** `tsx src/migrate.ts`: applies migrations, then exits (production deploys). */
import { runDatabaseTask } from '@peacegraph/kit';
import { miningDataSource, prepareDatabase } from './database';

runDatabaseTask('mining', (url, logger) => miningDataSource(url, logger, 2), prepareDatabase);
