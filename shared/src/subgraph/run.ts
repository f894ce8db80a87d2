import type { DataSource } from 'typeorm';
import { tokenKeyConfig } from '../auth/env';
import { env, loadEnvOrExit } from '../server/env';
import { createLogger, type Logger } from '../server/logger';
import { stopOnSignals } from '../server/server';
import { loadSubgraphConfig, subgraphEnv } from '../server/subgraph-env';
import { prepareSubgraphDatabase, startSubgraph, subgraphDataSource } from './build';
import type { SubgraphDefinition } from './definition';

export type SubgraphCommand = 'serve' | 'migrate' | 'seed' | 'start';
export const SUBGRAPH_COMMANDS: readonly SubgraphCommand[] = ['serve', 'migrate', 'seed', 'start'];

/**
 * One process of a subgraph, as `npm start`, docker and an operator run it:
 * - serve: configuration, database, server, clean stop on SIGINT/SIGTERM;
 * - migrate: migrations and reference data, then exit (production deploys);
 * - seed: the same, then the demo data once per database if the directory can place it;
 * - start: seed, then serve, in the same process (npm start's: one boot of Node, tsx and the
 *   subgraph's modules instead of two, and a crash restart applies migrations as well).
 * A failure exits 1 with a plain reason, never a stack trace.
 */
export function runSubgraphCommand(definition: SubgraphDefinition, command: SubgraphCommand, defaultPort: number): void {
  if (command === 'serve') serve(definition, defaultPort);
  else if (command === 'migrate')
    runDatabaseTask(definition, (dataSource, logger) => prepareSubgraphDatabase(definition, dataSource, logger)).catch((error: unknown) =>
      failed(definition.name, error),
    );
  else if (command === 'seed') seed(definition, defaultPort).catch((error: unknown) => failed(definition.name, error));
  else
    seed(definition, defaultPort, DIRECTORY_WAIT_MS).then(
      () => serve(definition, defaultPort),
      (error: unknown) => failed(definition.name, error),
    );
}

function serve(definition: SubgraphDefinition, defaultPort: number): void {
  const config = loadSubgraphConfig(definition.name, defaultPort);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const { dataSource, statements } = subgraphDataSource(definition, config.DATABASE_URL, logger, config.DB_POOL_SIZE);
  dataSource
    .initialize()
    .then(async () => {
      const server = await startSubgraph(definition, {
        dataSource,
        statements,
        logger,
        port: config.PORT,
        host: config.HOST,
        auth: tokenKeyConfig(config),
        directoryUrl: config.DIRECTORY_URL,
      });
      stopOnSignals(logger, async () => {
        await server.stop();
        await dataSource.destroy();
      });
    })
    .catch((error: unknown) => failed(`${definition.name} subgraph failed to start`, error));
}

/**
 * How long `start` waits for the directory before its demo data: npm start starts every subgraph at
 * once, the directory included, which needs a few seconds (more on its first start) to answer.
 */
const DIRECTORY_WAIT_MS = 120_000;

/**
 * Migrations, reference data, then the demo data. Without the directory (e.g. `npm run seed`, which
 * starts no service, or a directory that did not answer within `directoryWaitMs`) the load waits for
 * the next start rather than failing the migration.
 */
function seed(definition: SubgraphDefinition, defaultPort: number, directoryWaitMs = 0): Promise<void> {
  const { DIRECTORY_URL } = loadEnvOrExit({ DIRECTORY_URL: subgraphEnv(definition.name, defaultPort).DIRECTORY_URL });
  return runDatabaseTask(
    definition,
    async (dataSource, logger) => {
      await prepareSubgraphDatabase(definition, dataSource, logger);
      const demo = definition.demo;
      if (!demo) return;
      // Every subgraph but the directory (which answers who callers are itself) places its demo data there.
      if (!definition.identity) await directoryServing(DIRECTORY_URL, directoryWaitMs);
      const directory = demo.directoryReady ? await demo.directoryReady(DIRECTORY_URL) : 'ready';
      if (directory !== 'ready') {
        logger.warn(
          { directory: DIRECTORY_URL, state: directory },
          'demo data not loaded: the directory is needed to place it; it loads at the next start',
        );
        return;
      }
      const started = Date.now();
      const loaded = await demo.load(dataSource, DIRECTORY_URL);
      logger.info({ loaded, ms: Date.now() - started }, loaded ? 'demo data loaded' : 'demo data already present');
    },
    definition.demo?.poolSize,
  );
}

/** Waits, asking every 250 ms for at most `waitMs`, until the directory says it is ready. */
async function directoryServing(directoryUrl: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const ready = await fetch(new URL('/ready', directoryUrl), { signal: AbortSignal.timeout(2000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One-off database work: reads DATABASE_URL, connects with a small pool, runs, always disconnects. */
async function runDatabaseTask(
  definition: SubgraphDefinition,
  task: (dataSource: DataSource, logger: Logger) => Promise<void>,
  poolSize = 2,
): Promise<void> {
  const config = loadEnvOrExit({ DATABASE_URL: env.url(`PostgreSQL URL of the ${definition.name} database`, ['postgres', 'postgresql']) });
  const logger = createLogger(definition.name);
  const { dataSource } = subgraphDataSource(definition, config.DATABASE_URL, logger, poolSize);
  await dataSource.initialize();
  const started = Date.now();
  try {
    await task(dataSource, logger);
  } finally {
    await dataSource.destroy();
  }
  // How long a start spends on its database before it serves (npm start reports where its time goes).
  logger.info({ ms: Date.now() - started }, 'database prepared');
}

function failed(what: string, error: unknown): never {
  process.stderr.write(`${what}: ${(error as Error).message}\n`);
  process.exit(1);
}
