import { createLogger, remoteIdentityStore } from '@peacegraph/kit';
import { bearer, createTestDatabase, graphqlClient, TEST_AUTH, type TestDatabase } from '@peacegraph/kit/testing';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';
import { startCurriculumServer } from '../src/app';
import { entities, migrations } from '../src/database';

export { ORGS };

type Client = ReturnType<typeof graphqlClient>;

export interface CurriculumUnderTest {
  db: TestDatabase;
  url: string;
  /** A real directory subgraph: communities, languages, organisations and callers' identities. */
  directory: DirectoryUnderTest;
  /** Anonymous caller. */
  request: Client;
  /** The educators' staff with curriculum:write: the owner of what the tests record. */
  owner: Client;
  /** A caller with the given organisation and scopes. */
  as: (organisationId: string, scope: string) => Promise<Client>;
  /** Rows in a table, to prove a refused write left nothing behind. */
  rows: (table: string) => Promise<number>;
  stop: () => Promise<void>;
}

/**
 * The curriculum subgraph over HTTP on a fresh migrated database, beside a real directory: its own,
 * or the one given (end-to-end tests share one directory between subgraphs; its owner stops it).
 */
export async function startCurriculum(options: { directory?: DirectoryUnderTest } = {}): Promise<CurriculumUnderTest> {
  const directory = options.directory ?? (await startDirectory());
  const db = await createTestDatabase({ entities, migrations });
  const server = await startCurriculumServer({
    dataSource: db.dataSource,
    statements: db.statements,
    logger: createLogger('curriculum-test', 'silent'),
    port: 0,
    host: '127.0.0.1',
    auth: TEST_AUTH,
    directoryUrl: directory.url,
    identity: remoteIdentityStore(directory.url, { apiKeyTtlMs: 0 }),
  });
  const as = async (organisationId: string, scope: string) => graphqlClient(server.url, { authorization: await bearer(organisationId, scope) });
  return {
    db,
    url: server.url,
    directory,
    request: graphqlClient(server.url),
    owner: await as(ORGS.educators, 'curriculum:write'),
    as,
    rows: async (table) => {
      const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
      return row!.n;
    },
    stop: async () => {
      await server.stop();
      await db.drop();
      if (!options.directory) await directory.stop();
    },
  };
}
