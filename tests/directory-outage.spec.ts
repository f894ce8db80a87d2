import path from 'node:path';
import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger, startSubgraph, type RunningServer } from '@peacegraph/kit/server';
import { graphqlClient, serveSubgraphForTest, TEST_AUTH, bearer, type ServedForTest, type TestDatabase } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';
import { subgraph as directorySubgraph } from '../subgraphs/directory/src/subgraph';
import { createDirectoryDatabase } from '../subgraphs/directory/test/support';
import { seedDemoData as seedDirectoryDemo } from '../subgraphs/directory/src/seed/demo';
import { subgraph as conflictsSubgraph } from '../subgraphs/conflicts/src/subgraph';
import { COMMUNITIES, ORGS } from '../subgraphs/conflicts/test/support';
import { MEMBERSHIP, daysAgo } from '../subgraphs/conflicts/test/fixtures';
import { ROOT } from './support';

/**
 * The directory verifies every caller's organisation and API key for the other services. When it
 * stops, callers it confirmed keep working from the last known answers (within the documented
 * windows, here shortened), callers it never confirmed get a retryable SERVICE_UNAVAILABLE (503), and
 * once it answers again a key revoked meanwhile stops working within the retry window.
 */
const WINDOWS = { organisationTtlMs: 300, apiKeyTtlMs: 300, organisationMaxStaleMs: 120_000, apiKeyMaxStaleMs: 120_000, retryMs: 250 };
const NOWHERE = 'http://127.0.0.1:1/graphql';

let directoryDb: TestDatabase;
let directory: RunningServer;
let directoryPort: number;
let conflicts: ServedForTest & { db: TestDatabase };
let gateway: RunningGateway;
let key: { id: string; key: string };

async function startTheDirectory(port = 0): Promise<RunningServer> {
  return startSubgraph(directorySubgraph, {
    dataSource: directoryDb.dataSource,
    statements: directoryDb.statements,
    logger: createLogger('directory-test', 'silent'),
    port,
    host: '127.0.0.1',
    auth: TEST_AUTH,
    directoryUrl: NOWHERE,
  });
}

beforeAll(async () => {
  directoryDb = await createDirectoryDatabase(seedDirectoryDemo);
  directory = await startTheDirectory();
  directoryPort = directory.port;
  const directoryUrl = `http://127.0.0.1:${directoryPort}/graphql`;

  conflicts = await serveSubgraphForTest(conflictsSubgraph, { directoryUrl, identity: remoteIdentityStore(directoryUrl, WINDOWS) });
  const others = Object.fromEntries(['curriculum', 'forums', 'mining', 'displacement'].map((name) => [name, NOWHERE]));
  gateway = await startGateway({
    supergraphPath: path.join(ROOT, 'supergraph.graphql'),
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directoryUrl, conflicts: conflicts.url, ...others },
    logger: createLogger('gateway-test', 'silent'),
    authenticate: await createAuthenticator(TEST_AUTH, remoteIdentityStore(directoryUrl, WINDOWS)),
  });

  // While the directory is up: a commission recorded, an API key issued.
  const owner = await conflicts.as(ORGS.mediators, 'conflicts:write');
  const created = await owner(`mutation ($input: CreatePeaceCommissionInput!) { createPeaceCommission(input: $input) { id } }`, {
    input: { community: COMMUNITIES.dori, managementCommittee: 'CGC de Dori', establishedOn: daysAgo(900), membership: MEMBERSHIP },
  });
  expect(created.errors).toBeUndefined();
  const admin = graphqlClient(directoryUrl, { authorization: await bearer(ORGS.platform, 'admin') });
  const issued = await admin<{ createApiKey: { key: string; apiKey: { id: string } } }>(
    `mutation ($org: ID!) { createApiKey(input: { organisation: $org, name: "case sync", scope: "conflicts:read" }) { key apiKey { id } } }`,
    { org: ORGS.mediators },
  );
  key = { id: issued.data!.createApiKey.apiKey.id, key: issued.data!.createApiKey.key };
});

afterAll(async () => {
  await gateway?.stop();
  await conflicts?.stop();
  await directory?.stop();
  await directoryDb?.drop();
});

const READ = `{ peaceCommissions(first: 5) { totalCount edges { node { managementCommittee } } } }`;
const EXPECTED = { peaceCommissions: { totalCount: 1, edges: [{ node: { managementCommittee: 'CGC de Dori' } }] } };

/** The four callers of the test: by token and by API key, at the gateway and at the subgraph. */
async function callers() {
  const token = await bearer(ORGS.mediators, 'conflicts:read');
  return {
    'token at the gateway': graphqlClient(gateway.url, { authorization: token }),
    'token at the subgraph': graphqlClient(conflicts.url, { authorization: token }),
    'API key at the gateway': graphqlClient(gateway.url, { authorization: `Bearer ${key.key}` }),
    'API key at the subgraph': graphqlClient(conflicts.url, { authorization: `Bearer ${key.key}` }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the directory stopped', () => {
  it('callers it confirmed keep working, from the last known answers, at the gateway and at the subgraph', async () => {
    const clients = await callers();
    for (const client of Object.values(clients)) expect(await client(READ)).toEqual({ status: 200, data: EXPECTED });

    await directory.stop();
    const served: Record<string, number> = {};
    // Over ten retry windows past the fresh window: every answer stale, every refresh refused.
    for (let round = 0; round < 10; round += 1) {
      await sleep(WINDOWS.retryMs);
      for (const [who, client] of Object.entries(clients)) {
        const response = await client(READ);
        expect({ who, ...response }).toEqual({ who, status: 200, data: EXPECTED });
        served[who] = (served[who] ?? 0) + 1;
      }
    }
    expect(Object.values(served)).toEqual([10, 10, 10, 10]);
  });

  it('a caller it never confirmed gets a retryable SERVICE_UNAVAILABLE (HTTP 503), not an internal error', async () => {
    const never = [
      ['a new organisation', await bearer(ORGS.educators, 'conflicts:read')],
      ['an API key never seen', 'Bearer pgk_neverseen_0123456789abcdef0123456789abcdef'],
    ];
    for (const [, authorization] of never) {
      for (const url of [gateway.url, conflicts.url]) {
        const response = await graphqlClient(url, { authorization: authorization! })(READ);
        expect(response.status).toBe(503);
        expect(response.data ?? null).toBeNull();
        expect(response.errors).toEqual([
          {
            message: expect.stringMatching(/cannot be reached just now; retry/),
            extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
          },
        ]);
        expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed|stack/);
      }
    }
  });

  it('a write that needs the directory to place it is refused as retryable, and writes nothing', async () => {
    const owner = await conflicts.as(ORGS.mediators, 'conflicts:write');
    const before = await conflicts.rows('peace_commission');
    for (const client of [owner, graphqlClient(gateway.url, { authorization: await bearer(ORGS.mediators, 'conflicts:write') })]) {
      const response = await client(`mutation ($input: CreatePeaceCommissionInput!) { createPeaceCommission(input: $input) { id } }`, {
        input: { community: COMMUNITIES.djibo, managementCommittee: 'CGC de Djibo', establishedOn: daysAgo(800), membership: MEMBERSHIP },
      });
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ createPeaceCommission: null });
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    }
    expect(await conflicts.rows('peace_commission')).toBe(before);
  });

  it('back again: a key revoked meanwhile stops working within the retry window; the others keep working', async () => {
    await directoryDb.dataSource.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [key.id]);
    directory = await startTheDirectory(directoryPort);
    const back = Date.now();

    const clients = await callers();
    const keyClients = [clients['API key at the gateway'], clients['API key at the subgraph']];
    const refusedAfter: number[] = [];
    for (const client of keyClients) {
      for (;;) {
        const response = await client(READ);
        if (response.status === 401) {
          expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
          refusedAfter.push(Date.now() - back);
          break;
        }
        expect(response.data).toEqual(EXPECTED);
        if (Date.now() - back > 10_000) throw new Error('the revoked key still works 10 s after the directory came back');
        await sleep(20);
      }
      // And stays refused.
      for (let i = 0; i < 5; i += 1) expect((await client(READ)).status).toBe(401);
    }
    // Documented: within retryMs of the directory answering (plus a request's own time).
    for (const ms of refusedAfter) expect(ms).toBeLessThan(WINDOWS.retryMs + 1_000);

    expect(await clients['token at the gateway'](READ)).toEqual({ status: 200, data: EXPECTED });
    expect(await clients['token at the subgraph'](READ)).toEqual({ status: 200, data: EXPECTED });
    // The organisation the directory never confirmed is known now.
    const educators = graphqlClient(gateway.url, { authorization: await bearer(ORGS.educators, 'conflicts:read') });
    expect((await educators(READ)).status).toBe(200);
  });
});
