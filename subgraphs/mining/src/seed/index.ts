/** `tsx src/seed/index.ts`: migrations, then demo data (once per database) if the directory can place it. */
import { runDemoSeed } from '@peacegraph/kit';
import { miningDataSource, prepareDatabase } from '../database';
import { directoryReady, seedDemoData } from './demo';

runDemoSeed({
  name: 'mining',
  defaultPort: 4005,
  connect: (url, logger) => miningDataSource(url, logger, 2),
  prepare: prepareDatabase,
  directoryReady,
  load: seedDemoData,
});
