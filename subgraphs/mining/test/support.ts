import { createLogger, remoteIdentityStore } from '@peacegraph/kit';
import { bearer, createTestDatabase, graphqlClient, TEST_AUTH, type TestDatabase } from '@peacegraph/kit/testing';
import { seedDemoData as seedDirectoryDemo } from '../../directory/src/seed/demo';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../directory/test/support';
import { startMiningServer } from '../src/app';
import { entities, migrations } from '../src/database';
import { COMMUNITIES, ECOWAS_COMMISSION, RECONCILIATION_MINISTRY, WACSMF, demoCommunityId } from '../src/seed/demo-data';

export { ORGS };
/** The mining forum (a demo organisation of the directory) owns what the tests record; the mediators are another partner. */
export const OWNER = WACSMF;
export const OTHER_PARTNER = ORGS.mediators;
export { COMMUNITIES, ECOWAS_COMMISSION, RECONCILIATION_MINISTRY };
export const FINKOLO = demoCommunityId(3);
export const DOUENTZA = demoCommunityId(7);

type Client = ReturnType<typeof graphqlClient>;

export interface MiningUnderTest {
  db: TestDatabase;
  url: string;
  /** A real directory subgraph with its demo organisations and communities. */
  directory: DirectoryUnderTest;
  /** Anonymous caller. */
  request: Client;
  /** The forum's staff with mining:write: the owner of what the tests record. */
  owner: Client;
  /** A caller with the given organisation and scopes. */
  as: (organisationId: string, scope: string, subject?: string) => Promise<Client>;
  /** Rows in a table, to prove a refused write left nothing behind. */
  rows: (table: string) => Promise<number>;
  /** Rows of every table a write touches, at once. */
  allRows: () => Promise<Record<string, number>>;
  stop: () => Promise<void>;
}

export const TABLES = [
  'legal_instrument',
  'provision',
  'mining_site',
  'community_consultation',
  'consultation_participant_group',
  'mining_training',
  'training_participant_group',
  'policy_dialogue',
  'dialogue_participant_group',
  'policy_commitment',
  'commitment_status_change',
  'media_intervention',
  'publication',
  'audit_log',
] as const;

/**
 * The mining subgraph over HTTP on a fresh migrated database, beside a real directory holding its demo
 * organisations and communities: its own, or the one given (end-to-end tests share one directory
 * between subgraphs; its owner stops it).
 */
export async function startMining(options: { directory?: DirectoryUnderTest } = {}): Promise<MiningUnderTest> {
  const directory = options.directory ?? (await startDirectory());
  if (!options.directory) await seedDirectoryDemo(directory.db.dataSource);
  const db = await createTestDatabase({ entities, migrations });
  const server = await startMiningServer({
    dataSource: db.dataSource,
    statements: db.statements,
    logger: createLogger('mining-test', 'silent'),
    port: 0,
    host: '127.0.0.1',
    auth: TEST_AUTH,
    directoryUrl: directory.url,
    identity: remoteIdentityStore(directory.url, { apiKeyTtlMs: 0 }),
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
    directory,
    request: graphqlClient(server.url),
    owner: await as(OWNER, 'mining:write mining:sensitive', 'trainer-1'),
    as,
    rows,
    allRows: async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await rows(t)] as const))),
    stop: async () => {
      await server.stop();
      await db.drop();
      if (!options.directory) await directory.stop();
    },
  };
}
