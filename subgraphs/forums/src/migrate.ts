/** `tsx src/migrate.ts`: applies migrations, then exits (production deploys). */
import { runDatabaseTask } from '@peacegraph/kit';
import { forumsDataSource, prepareDatabase } from './database';

runDatabaseTask('forums', (url, logger) => forumsDataSource(url, logger, 2), prepareDatabase);
