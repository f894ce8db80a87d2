import { createLogger } from '@peacegraph/kit';
import { createTestDatabase, graphqlClient, type TestDatabase } from '@peacegraph/kit/testing';
import { startDirectoryServer } from '../src/app';
import { entities, migrations } from '../src/database';
import { importReferenceData } from '../src/reference/import';

export interface DirectoryUnderTest {
  db: TestDatabase;
  url: string;
  request: ReturnType<typeof graphqlClient>;
  /** Number of rows in a table, to prove a refused write left nothing behind. */
  rows: (table: string) => Promise<number>;
  stop: () => Promise<void>;
}

/** A real directory subgraph over HTTP, on a fresh migrated database with the reference data. */
export async function startDirectory(): Promise<DirectoryUnderTest> {
  const db = await createTestDatabase({
    entities,
    migrations,
    prepare: async (dataSource) => {
      await importReferenceData(dataSource);
    },
  });
  const server = await startDirectoryServer({
    dataSource: db.dataSource,
    statements: db.statements,
    logger: createLogger('directory-test', 'silent'),
    port: 0,
    host: '127.0.0.1',
  });
  return {
    db,
    url: server.url,
    request: graphqlClient(server.url),
    rows: async (table) => {
      const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
      return row!.n;
    },
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}
