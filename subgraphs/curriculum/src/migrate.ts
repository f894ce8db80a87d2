/** `tsx src/migrate.ts`: applies migrations, then exits (production deploys). */
import { runDatabaseTask } from '@peacegraph/kit';
import { curriculumDataSource, prepareDatabase } from './database';

runDatabaseTask('curriculum', (url, logger) => curriculumDataSource(url, logger, 2), prepareDatabase);
