/** `tsx src/seed/index.ts`: migrations, then demo data (once per database) if the directory can place it. */
import { runDemoSeed } from '@peacegraph/kit';
import { displacementDataSource, prepareDatabase } from '../database';
import { directoryReady, seedDemoData } from './demo';

runDemoSeed({
  name: 'displacement',
  defaultPort: 4006,
  connect: (url, logger) => displacementDataSource(url, logger, 2),
  prepare: prepareDatabase,
  directoryReady,
  load: seedDemoData,
});
