import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from '../logger';
import { env, loadEnvOrExit } from '../env';

/**
 * Entry point for one-off database work (migrations, seeds): reads DATABASE_URL, connects, runs the
 * task, always disconnects, and exits non-zero with a plain message on failure.
 */
export function runDatabaseTask(
  service: string,
  connect: (url: string, logger: Logger) => { dataSource: DataSource },
  task: (dataSource: DataSource, logger: Logger) => Promise<void>,
): void {
  const config = loadEnvOrExit({ DATABASE_URL: env.url(`PostgreSQL URL of the ${service} database`, ['postgres', 'postgresql']) });
  const logger = createLogger(service);
  const { dataSource } = connect(config.DATABASE_URL, logger);
  dataSource
    .initialize()
    .then(async () => {
      try {
        await task(dataSource, logger);
      } finally {
        await dataSource.destroy();
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`${service}: ${(error as Error).message}\n`);
      process.exit(1);
    });
}
