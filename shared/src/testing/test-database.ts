import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate, type DataSourceOptions } from '../sql/data-source';
import { ensureDatabase, dropDatabase, withDatabase } from '../sql/admin';
import type { SqlStatementCounter } from '../sql/statement-counter';
import { TEST_SERVER_ENV } from './global-setup';

export interface TestDatabase {
  url: string;
  name: string;
  dataSource: DataSource;
  statements: SqlStatementCounter;
  /** Closes the pool and drops the database. */
  drop: () => Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env[TEST_SERVER_ENV];
  if (!url) throw new Error(`${TEST_SERVER_ENV} is not set: run tests through jest so its global setup picks a server`);
  return url;
}

/**
 * A fresh database for one test file, on the server the run chose, with every migration applied
 * and then `prepare` (e.g. the reference-data import) run on it.
 */
export async function createTestDatabase(
  options: Omit<DataSourceOptions, 'url'> & { prepare?: (dataSource: DataSource) => Promise<void> },
): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await ensureDatabase(server, name);
  const url = withDatabase(server, name);
  const { dataSource, statements } = createDataSource({ ...options, url, poolSize: options.poolSize ?? 5 });
  await dataSource.initialize();
  await migrate(dataSource);
  await options.prepare?.(dataSource);
  return {
    url,
    name,
    dataSource,
    statements,
    drop: async () => {
      await dataSource.destroy();
      await dropDatabase(server, name);
    },
  };
}
