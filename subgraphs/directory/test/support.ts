import { createLogger } from '@peacegraph/kit';
import { bearer, createTestDatabase, graphqlClient, TEST_AUTH, type TestDatabase } from '@peacegraph/kit/testing';
import { startDirectoryServer } from '../src/app';
import { entities, migrations } from '../src/database';
import { importReferenceData } from '../src/reference/import';

/** Organisations every directory test database has: two partners and the platform. */
export const ORGS = {
  platform: '00000000-0000-4000-8000-000000000001',
  educators: '00000000-0000-4000-8000-0000000000a1',
  mediators: '00000000-0000-4000-8000-0000000000b2',
} as const;

export interface DirectoryUnderTest {
  db: TestDatabase;
  url: string;
  /** Anonymous caller. */
  request: ReturnType<typeof graphqlClient>;
  /** The educators' staff with directory:write. */
  writer: ReturnType<typeof graphqlClient>;
  /** A caller with the given organisation and scopes. */
  as: (organisationId: string, scope: string) => Promise<ReturnType<typeof graphqlClient>>;
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
      await dataSource.query(
        // The platform's own organisation comes with the reference data.
        `INSERT INTO organisation (id, name, acronym, kind, country_codes, domains) VALUES
           ($1, 'Village Educators Network', 'VEN', 'NGO', '{SN,GM,ML}', '{CURRICULUM}'),
           ($2, 'Sahel Mediators', 'SM', 'CSO_NETWORK', '{ML,BF,NE}', '{CONFLICTS}')`,
        [ORGS.educators, ORGS.mediators],
      );
    },
  });
  const server = await startDirectoryServer({
    dataSource: db.dataSource,
    statements: db.statements,
    logger: createLogger('directory-test', 'silent'),
    port: 0,
    host: '127.0.0.1',
    auth: TEST_AUTH,
  });
  const as = async (organisationId: string, scope: string) =>
    graphqlClient(server.url, { authorization: await bearer(organisationId, scope) });
  return {
    db,
    url: server.url,
    request: graphqlClient(server.url),
    writer: await as(ORGS.educators, 'directory:write'),
    as,
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
