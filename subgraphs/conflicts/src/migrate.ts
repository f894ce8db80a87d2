/** `tsx src/migrate.ts`: applies migrations, then exits (production deploys). */
import { runDatabaseTask } from '@peacegraph/kit';
import { conflictsDataSource, prepareDatabase } from './database';

runDatabaseTask('conflicts', (url, logger) => conflictsDataSource(url, logger, 2), prepareDatabase);
