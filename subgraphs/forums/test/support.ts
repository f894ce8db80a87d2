import { createLogger, remoteIdentityStore } from '@peacegraph/kit';
import { bearer, createTestDatabase, graphqlClient, TEST_AUTH, type TestDatabase } from '@peacegraph/kit/testing';
import { startForumsServer } from '../src/app';
import { entities, migrations } from '../src/database';
import { seedDemoData as seedDirectoryDemo } from '../../directory/src/seed/demo';
import { demoCommunityId } from '../../directory/src/seed/demo-data';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';

export { ORGS };
/** The Community Resilience Fund (a demo organisation of the directory) owns the forums of the tests. */
export const OWNER = '00000000-0000-4000-8000-000000000004';
export const OTHER_PARTNER = ORGS.educators;
/** Demo organisations that convene forums with the fund. */
export const ECOWAS = '00000000-0000-4000-8000-000000000007';
export const MINISTRY = '00000000-0000-4000-8000-000000000008';

/** Demo communities of the directory (fixed ids). */
export const COMMUNITIES = {
  kalana: demoCommunityId(0),
  douentza: demoCommunityId(6),
  djibo: demoCommunityId(8),
  dori: demoCommunityId(9),
  tera: demoCommunityId(11),
} as const;

type Client = ReturnType<typeof graphqlClient>;

export interface ForumsUnderTest {
  db: TestDatabase;
  url: string;
  /** Anonymous caller. */
  request: Client;
  /** The fund's staff: forums:write and forums:sensitive. */
  owner: Client;
  as: (organisationId: string, scope: string, subject?: string) => Promise<Client>;
  /** Rows in a table, to prove a refused write left nothing behind. */
  rows: (table: string) => Promise<number>;
  /** Rows of every table a write may touch, at once. */
  allRows: () => Promise<Record<string, number>>;
  stop: () => Promise<void>;
}

export const FORUM_TABLES = [
  'forum',
  'forum_participant_group',
  'forum_participant_origin',
  'working_group',
  'testimony',
  'declaration',
  'declaration_text',
  'declaration_recipient',
  'recommendation',
  'recommendation_text',
  'recommendation_follow_up',
  'audit_log',
] as const;

/** A real forums subgraph over HTTP, on a fresh migrated database, asking the given directory. */
export async function startForums(directoryUrl: string): Promise<ForumsUnderTest> {
  const db = await createTestDatabase({ entities, migrations });
  const server = await startForumsServer({
    dataSource: db.dataSource,
    statements: db.statements,
    // FORUMS_TEST_LOG=error shows the server's own log (hidden errors included) while a test runs.
    logger: createLogger('forums-test', process.env.FORUMS_TEST_LOG ?? 'silent'),
    port: 0,
    host: '127.0.0.1',
    auth: TEST_AUTH,
    directoryUrl,
    identity: remoteIdentityStore(directoryUrl, { apiKeyTtlMs: 0 }),
  });
  const as = async (organisationId: string, scope: string, subject?: string) =>
    graphqlClient(server.url, { authorization: await bearer(organisationId, scope, { subject }) });
  const rows = async (table: string) => {
    const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
    return row!.n;
  };
  return {
    db,
    url: server.url,
    request: graphqlClient(server.url),
    owner: await as(OWNER, 'forums:write forums:sensitive', 'rapporteur-1'),
    as,
    rows,
    allRows: async () => Object.fromEntries(await Promise.all(FORUM_TABLES.map(async (t) => [t, await rows(t)] as const))),
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}

export interface StackUnderTest {
  directory: DirectoryUnderTest;
  forums: ForumsUnderTest;
  stop: () => Promise<void>;
}

/** A directory with its demo organisations and communities, and a forums subgraph asking it. */
export async function startStack(): Promise<StackUnderTest> {
  const directory = await startDirectory();
  await seedDirectoryDemo(directory.db.dataSource);
  const forums = await startForums(directory.url);
  return {
    directory,
    forums,
    stop: async () => {
      await forums.stop();
      await directory.stop();
    },
  };
}
