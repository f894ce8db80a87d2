import { DataSource, MigrationExecutor, type MixedList, type EntitySchema } from 'typeorm';
import { types } from 'pg';
import { SnakeNamingStrategy } from './naming';
import { SqlStatementCounter } from './statement-counter';
import { StatementCancellation } from './cancellation';
import { databaseTimeouts, poolTimeouts, type DatabaseTimeouts } from './timeouts';
import type { Logger } from '../server/logger';

// A calendar date (a session delivered on 2026-03-14) is not an instant: read DATE columns as the
// 'YYYY-MM-DD' text they are, in raw queries too, instead of midnight in the server's time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface DataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  logger?: Logger;
  poolSize?: number;
  applicationName?: string;
  /** Defaults: DB_STATEMENT_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS, DB_IDLE_IN_TRANSACTION_TIMEOUT_MS or their defaults. */
  timeouts?: Partial<DatabaseTimeouts>;
}

export interface PeaceGraphDataSource {
  dataSource: DataSource;
  statements: SqlStatementCounter;
}

/**
 * The one way a subgraph talks to PostgreSQL. Schema changes come only from reviewed migrations:
 * `synchronize` is off and cannot be turned on from here. Every connection has a statement timeout,
 * an idle-in-transaction timeout and a bounded wait for the pool (timeouts.ts), and the statements of
 * a request whose caller left are cancelled (cancellation.ts).
 */
export function createDataSource(options: DataSourceOptions): PeaceGraphDataSource {
  const statements = new SqlStatementCounter(options.logger);
  const cancellation = new StatementCancellation(options.url, options.logger);
  statements.cancellation = cancellation;
  const timeouts = { ...databaseTimeouts(), ...options.timeouts };
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: statements,
    maxQueryExecutionTime: 500,
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      ...poolTimeouts(timeouts),
      // PostgreSQL compiles a statement it guesses to be costly (JIT); the statistics statements over
      // small, rarely analysed tables were guessed so and spent 100–125 ms compiling what runs in 9 ms.
      // Requests here are short: never worth compiling. An `options` in the URL still wins.
      options: '-c jit=off',
    },
  });
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await cancellation.close();
    await destroy();
  };
  return { dataSource, statements };
}

/**
 * Applies pending migrations; returns the names of those it ran. A migration may rightly take longer
 * than a request's statement (an index built on a large table), so its connection runs without the
 * statement timeout, which is restored before the connection goes back to the pool.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const ran = await executor.executePendingMigrations();
    return ran.map((m) => m.name);
  } finally {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
