/** `tsx src/seed/index.ts`: migrations, then demo data (once per database) if the directory can place it. */
import { runDemoSeed } from '@peacegraph/kit';
import { forumsDataSource, prepareDatabase } from '../database';
import { directoryReady, seedDemoData } from './demo';

runDemoSeed({
  name: 'forums',
  defaultPort: 4004,
  connect: (url, logger) => forumsDataSource(url, logger, 4),
  prepare: prepareDatabase,
  directoryReady,
  load: seedDemoData,
});
