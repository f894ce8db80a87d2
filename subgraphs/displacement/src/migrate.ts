/** `tsx src/migrate.ts`: applies migrations, then exits (production deploys). */
import { runDatabaseTask } from '@peacegraph/kit';
import { displacementDataSource, prepareDatabase } from './database';

runDatabaseTask('displacement', (url, logger) => displacementDataSource(url, logger, 2), prepareDatabase);
