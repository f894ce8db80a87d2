/** `tsx src/migrate.ts`: applies migrations and refreshes reference data, then exits (production deploys). */
import { runDatabaseTask } from '@peacegraph/kit';
import { directoryDataSource, prepareDatabase } from './database';

runDatabaseTask('directory', (url, logger) => directoryDataSource(url, logger, 2), prepareDatabase);
