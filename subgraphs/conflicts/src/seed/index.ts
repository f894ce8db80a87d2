/** `tsx src/seed/index.ts`: migrations, then demo data (once per database) if the directory can place it. */
import { createDirectoryClient, runDemoSeed } from '@peacegraph/kit';
import { conflictsDataSource, prepareDatabase } from '../database';
import { directoryReady, seedDemoData } from './demo';

runDemoSeed({
  name: 'conflicts',
  defaultPort: 4003,
  connect: (url, logger) => conflictsDataSource(url, logger, 6),
  prepare: prepareDatabase,
  directoryReady,
  load: (dataSource, directoryUrl) => seedDemoData(dataSource, createDirectoryClient(directoryUrl)),
});
