import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { types } from 'pg';
import { SnakeNamingStrategy } from './naming';
import { SqlStatementCounter } from './statement-counter';
import type { Logger } from '../logger';

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
}

export interface PeaceGraphDataSource {
  dataSource: DataSource;
  statements: SqlStatementCounter;
}

/**
 * The one way a subgraph talks to PostgreSQL. Schema changes come only from reviewed migrations:
 * `synchronize` is off and cannot be turned on from here.
 */
export function createDataSource(options: DataSourceOptions): PeaceGraphDataSource {
  const statements = new SqlStatementCounter(options.logger);
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
    extra: { max: options.poolSize ?? 10 },
  });
  return { dataSource, statements };
}

/** Applies pending migrations; returns the names of those it ran. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
}
