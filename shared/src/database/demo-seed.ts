import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { loadEnvOrExit } from '../env';
import { subgraphEnv } from '../subgraph-env';
import { runDatabaseTask } from './task';

export interface DemoSeed {
  /** The subgraph's name and default port, as in its index.ts. */
  name: string;
  defaultPort: number;
  connect: (url: string, logger: Logger) => { dataSource: DataSource };
  /** Migrations and reference data: always run. */
  prepare: (dataSource: DataSource, logger: Logger) => Promise<void>;
  /** Whether the directory answers and holds the demo communities the demo data is placed in. */
  directoryReady: (directoryUrl: string) => Promise<'ready' | 'unreachable' | 'no demo communities'>;
  /** Loads the demo data once per database; true when it loaded anything. */
  load: (dataSource: DataSource, directoryUrl: string) => Promise<boolean>;
}

/**
 * `tsx src/seed/index.ts` of a domain subgraph: migrations, then demo data (once per database) if the
 * directory can place it. Without the directory (e.g. `npm run seed`, which starts no service) the
 * load waits for the next start rather than failing the migration.
 */
export function runDemoSeed(seed: DemoSeed): void {
  const { DIRECTORY_URL } = loadEnvOrExit({ DIRECTORY_URL: subgraphEnv(seed.name, seed.defaultPort).DIRECTORY_URL });
  runDatabaseTask(seed.name, seed.connect, async (dataSource, logger) => {
    await seed.prepare(dataSource, logger);
    const directory = await seed.directoryReady(DIRECTORY_URL);
    if (directory !== 'ready') {
      logger.warn(
        { directory: DIRECTORY_URL, state: directory },
        'demo data not loaded: the directory is needed to place it; it loads at the next start',
      );
      return;
    }
    const started = Date.now();
    const loaded = await seed.load(dataSource, DIRECTORY_URL);
    logger.info({ loaded, ms: Date.now() - started }, loaded ? 'demo data loaded' : 'demo data already present');
  });
}
