import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import { TEST_AUTH, bearer, createTestDatabase, graphqlClient, type Client, type TestDatabase } from '@peacegraph/kit/testing';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../subgraphs/directory/test/support';
import { REGISTRY_MIGRATIONS } from '../src/database';
import type { ConsoleOptions } from '../src/http/console-route';
import { startRegistry, type RunningRegistry } from '../src/server';

export { ORGS };

export interface RegistryUnderTest {
  running: RunningRegistry;
  db: TestDatabase;
  directory: DirectoryUnderTest;
  base: string;
  /** The platform's admin. */
  admin: Client;
  /** Staff of the educators (owners of what the tests register) and of the mediators. */
  educators: Client;
  mediators: Client;
  /** A gateway's credential: may report usage. */
  gatewayAuthorization: string;
  as: (organisationId: string, scope: string, subject?: string) => Promise<Client>;
  rows: (table: string) => Promise<number>;
  stop: () => Promise<void>;
}

/** The registry over HTTP on a fresh database, verifying callers against a real directory. */
export async function startRegistryForTest(
  options: {
    usageDays?: number;
    /** A directory already running (the platform's), else one of its own. */
    directory?: DirectoryUnderTest;
    console?: ConsoleOptions;
  } = {},
): Promise<RegistryUnderTest> {
  const directory = options.directory ?? (await startDirectory());
  const db = await createTestDatabase({ entities: [], migrations: REGISTRY_MIGRATIONS });
  const identity = remoteIdentityStore(directory.url, { apiKeyTtlMs: 0 });
  const running = await startRegistry({
    dataSource: db.dataSource,
    logger: createLogger('registry-test', process.env.REGISTRY_TEST_LOG ?? 'silent'),
    authenticate: await createAuthenticator(TEST_AUTH, identity),
    organisationExists: (id) => identity.organisationExists(id),
    port: 0,
    host: '127.0.0.1',
    usageDays: options.usageDays ?? 30,
    retentionDays: 90,
    // The tests say when waiting versions are looked at (verifyNow).
    verifyIntervalMs: 3_600_000,
    servedTimeoutMs: 2000,
    maxSdlBytes: 256 * 1024,
    console: options.console,
  });
  const as = async (organisationId: string, scope: string, subject?: string) =>
    graphqlClient(running.url, { authorization: await bearer(organisationId, scope, { subject }) });
  return {
    running,
    db,
    directory,
    base: running.url.replace(/\/graphql$/, ''),
    admin: await as(ORGS.platform, 'admin', 'platform-admin'),
    educators: await as(ORGS.educators, 'curriculum:write', 'educator-1'),
    mediators: await as(ORGS.mediators, 'conflicts:write', 'mediator-1'),
    gatewayAuthorization: await bearer(ORGS.platform, 'usage:write', { subject: 'gateway' }),
    as,
    rows: async (table) => Number(((await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n),
    stop: async () => {
      await running.stop();
      await db.drop();
      if (!options.directory) await directory.stop();
    },
  };
}
