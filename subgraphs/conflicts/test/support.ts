import { createLogger, remoteIdentityStore } from '@peacegraph/kit';
import { bearer, createTestDatabase, graphqlClient, TEST_AUTH, type TestDatabase } from '@peacegraph/kit/testing';
import { startConflictsServer } from '../src/app';
import { entities, migrations } from '../src/database';
import { seedDemoData as seedDirectoryDemo } from '../../directory/src/seed/demo';
import { demoCommunityId } from '../../directory/src/seed/demo-data';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';

export { ORGS };
/** The test directory's peace commissions network owns the cases; the educators are another partner. */
export const OWNER = ORGS.mediators;
export const OTHER_PARTNER = ORGS.educators;

/** Demo communities of the directory (fixed ids), where the tests record commissions and cases. */
export const COMMUNITIES = {
  kalana: demoCommunityId(0),
  nampala: demoCommunityId(1),
  douentza: demoCommunityId(6),
  ansongo: demoCommunityId(7),
  djibo: demoCommunityId(8),
  dori: demoCommunityId(9),
  goromGorom: demoCommunityId(10),
  tera: demoCommunityId(11),
  ayorou: demoCommunityId(12),
} as const;

type Client = ReturnType<typeof graphqlClient>;

export interface ConflictsUnderTest {
  db: TestDatabase;
  url: string;
  /** Anonymous caller. */
  request: Client;
  /** The owner's staff: conflicts:write and conflicts:sensitive. */
  owner: Client;
  as: (organisationId: string, scope: string, subject?: string) => Promise<Client>;
  /** Rows in a table, to prove a refused write left nothing behind. */
  rows: (table: string) => Promise<number>;
  /** Rows of every table a case write touches, at once. */
  allRows: () => Promise<Record<string, number>>;
  stop: () => Promise<void>;
}

export const CASE_TABLES = [
  'peace_commission',
  'conflict_case',
  'conflict_party',
  'case_status_change',
  'mediation_session',
  'referral',
  'resolution',
  'follow_up_check',
  'case_reference_sequence',
  'audit_log',
] as const;

/** A real conflicts subgraph over HTTP, on a fresh migrated database, asking the given directory. */
export async function startConflicts(directoryUrl: string): Promise<ConflictsUnderTest> {
  const db = await createTestDatabase({ entities, migrations });
  const server = await startConflictsServer({
    dataSource: db.dataSource,
    statements: db.statements,
    logger: createLogger('conflicts-test', 'silent'),
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
    owner: await as(OWNER, 'conflicts:write conflicts:sensitive', 'mediator-1'),
    as,
    rows,
    allRows: async () => Object.fromEntries(await Promise.all(CASE_TABLES.map(async (t) => [t, await rows(t)] as const))),
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}

export interface StackUnderTest {
  directory: DirectoryUnderTest;
  conflicts: ConflictsUnderTest;
  stop: () => Promise<void>;
}

/** A directory with its demo organisations and communities, and a conflicts subgraph asking it. */
export async function startStack(): Promise<StackUnderTest> {
  const directory = await startDirectory();
  await seedDirectoryDemo(directory.db.dataSource);
  const conflicts = await startConflicts(directory.url);
  return {
    directory,
    conflicts,
    stop: async () => {
      await conflicts.stop();
      await directory.stop();
    },
  };
}
