import { Pool } from 'pg';
import { serviceUnavailable } from '@peacegraph/kit/errors';
import { createLogger } from '@peacegraph/kit/server';
import { createDataSource, type PeaceGraphDataSource } from '@peacegraph/kit/sql';
import {
  bearer,
  createSupergraphWorkspace,
  createTestDatabase,
  graphqlClient,
  until,
  type SupergraphWorkspace,
  type TestDatabase,
} from '@peacegraph/kit/testing';
import { composeSupergraph } from '@peacegraph/kit/composition';
import { startGateway, type RunningGateway } from '../src/gateway';
import { PROBE_SDL, PROBE_TABLE_SQL, startProbe, type Probe } from '../../shared/test/support/probe-subgraph';
import { startTcpProxy, type TcpProxy } from '../../shared/test/support/tcp-proxy';

/**
 * The gateway in front of a real kit subgraph on real PostgreSQL:
 * - a caller who leaves takes its subgraph calls with it, and the subgraph's SQL with them;
 * - the platform's faults reach the caller as retryable codes that say so, never INTERNAL_SERVER_ERROR.
 */
const APPLICATION = `gateway-probe-${process.pid}`;
const POOL = 4;
const ORG = '00000000-0000-4000-8000-0000000000a1';

let workspace: SupergraphWorkspace;
let db: TestDatabase;
let observer: Pool;
let proxy: TcpProxy;
let relayedSource: PeaceGraphDataSource;
/** On the database directly, with the usual timeouts. */
let probe: Probe;
/** Through a relay the test can cut, with a short statement timeout, and a directory that cannot be reached. */
let fragile: Probe;
const gateways: RunningGateway[] = [];

async function gatewayFor(url: string, subgraphTimeoutMs = 30_000, mergeReads = true): Promise<RunningGateway> {
  const gateway = await startGateway({
    supergraphPath: workspace.supergraphPath,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { probe: url },
    subgraphTimeoutMs,
    mergeReads,
    logger: createLogger('gateway-test', process.env.GATEWAY_TEST_LOG ?? 'silent'),
  });
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  workspace = await createSupergraphWorkspace({ probe: PROBE_SDL });
  await composeSupergraph({ configPath: workspace.configPath });
  db = await createTestDatabase({ entities: [], migrations: [], poolSize: POOL, applicationName: APPLICATION });
  await db.dataSource.query(PROBE_TABLE_SQL);
  observer = new Pool({ connectionString: db.url, max: 1 });
  probe = await startProbe({ dataSource: db.dataSource, statements: db.statements });

  proxy = await startTcpProxy(db.url);
  relayedSource = createDataSource({
    url: proxy.urlFor(db.url),
    entities: [],
    migrations: [],
    poolSize: 2,
    timeouts: { statementMs: 500, connectMs: 2_000 },
  });
  await relayedSource.dataSource.initialize();
  fragile = await startProbe({
    dataSource: relayedSource.dataSource,
    statements: relayedSource.statements,
    identity: {
      organisationExists: async () => {
        throw serviceUnavailable('The directory, which verifies callers, cannot be reached just now; retry in a few seconds');
      },
      verifyApiKey: async () => null,
    },
  });
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await fragile?.stop();
  await relayedSource?.dataSource.destroy().catch(() => undefined);
  await proxy?.close();
  await probe?.stop();
  await observer?.end();
  await db?.drop();
  await workspace?.remove();
});

async function sleeping(): Promise<number> {
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query LIKE '%pg_sleep%'`,
    [APPLICATION],
  );
  return rows[0]!.n;
}

describe('callers who leave, through the gateway', () => {
  // Merging off: each of these identical reads is its own subgraph call (merged, they would be one; below).
  it.each([5, 50])('%i abandoned reads: the gateway aborts every subgraph call and the subgraph stops their SQL', async (n) => {
    const gateway = await gatewayFor(probe.url, 30_000, false);
    const counts = db.statements.cancellation!.counts;
    const before = { done: counts.cancelled + counts.refused, abandoned: probe.abandoned(), started: probe.started() };
    const caller = new AbortController();
    const requests = Array.from({ length: n }, () =>
      fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ sleep(seconds: 60) }' }),
        signal: caller.signal,
      }).catch((error: unknown) => (error as Error).name),
    );
    await until(async () => (await sleeping()) === Math.min(n, POOL), 'the subgraph pool to be busy');
    await until(() => probe.started() - before.started === n, 'every call to reach the subgraph');

    caller.abort();
    expect(new Set(await Promise.all(requests))).toEqual(new Set(['AbortError']));

    await until(() => probe.abandoned() - before.abandoned === n, 'every subgraph call to be aborted by the gateway');
    await until(async () => (await sleeping()) === 0, 'no statement left running for them');
    await until(() => counts.cancelled + counts.refused - before.done === n, 'each statement cancelled or refused');

    // The next caller is served as usual.
    expect(await graphqlClient(gateway.url)(`{ answer }`)).toEqual({ status: 200, data: { answer: 42 } });
  });
});

describe('callers who leave a merged read', () => {
  const sleepFor = (gateway: RunningGateway, signal: AbortSignal) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sleep(seconds: 60) }' }),
      signal,
    }).catch((error: unknown) => (error as Error).name);

  it('10 identical reads are one subgraph call; it runs on while one caller waits, and is aborted when the last leaves', async () => {
    const gateway = await gatewayFor(probe.url);
    const counts = db.statements.cancellation!.counts;
    const before = { done: counts.cancelled + counts.refused, abandoned: probe.abandoned(), started: probe.started() };
    const leaving = new AbortController();
    const staying = new AbortController();
    const requests = [...Array.from({ length: 9 }, () => sleepFor(gateway, leaving.signal)), sleepFor(gateway, staying.signal)];
    await until(async () => (await sleeping()) === 1, 'the one subgraph call to run its statement');

    leaving.abort();
    expect(new Set(await Promise.all(requests.slice(0, 9)))).toEqual(new Set(['AbortError']));
    // One caller still waits: the call and its statement go on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sleeping()).toBe(1);
    expect(probe.abandoned() - before.abandoned).toBe(0);

    staying.abort();
    expect(await requests[9]).toBe('AbortError');
    await until(() => probe.abandoned() - before.abandoned === 1, 'the shared call to be aborted');
    await until(async () => (await sleeping()) === 0, 'no statement left running for it');
    await until(() => counts.cancelled + counts.refused - before.done === 1, 'its statement cancelled');
    expect(probe.started() - before.started).toBe(1);
    expect(await graphqlClient(gateway.url)(`{ answer }`)).toEqual({ status: 200, data: { answer: 42 } });
  });
});

describe('faults of the platform, through the gateway', () => {
  it("keeps a subgraph's QUERY_TIMEOUT, retryable, with the subgraph's name", async () => {
    const gateway = await gatewayFor(fragile.url);
    const response = await graphqlClient(gateway.url)(`{ sleep(seconds: 5) answer }`);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ sleep: null, answer: 42 });
    expect(response.errors).toEqual([
      {
        message: expect.stringMatching(/longer than the database allows/),
        path: ['sleep'],
        extensions: { code: 'QUERY_TIMEOUT', retryable: true, serviceName: 'probe' },
      },
    ]);
  });

  it("keeps a subgraph's SERVICE_UNAVAILABLE when its database is unreachable, and recovers with it", async () => {
    const gateway = await gatewayFor(fragile.url);
    await proxy.down();
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, () => graphqlClient(gateway.url)(`{ answer }`)));
      for (const response of answers) {
        expect(response.status).toBe(200);
        expect(response.data).toEqual({ answer: null });
        expect(response.errors![0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true, serviceName: 'probe' });
        expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|ECONN|SELECT|stack/i);
      }
    } finally {
      await proxy.up();
    }
    await until(
      async () => (await graphqlClient(gateway.url)<{ answer: number }>(`{ answer }`)).data?.answer === 42,
      'the subgraph to answer again',
    );
  });

  it("keeps a subgraph's HTTP 503 (it could not verify the caller) as SERVICE_UNAVAILABLE, not the caller's fault", async () => {
    const gateway = await gatewayFor(fragile.url);
    const response = await graphqlClient(gateway.url, { authorization: await bearer(ORG, 'probe:read') })(`{ myOrganisation }`);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ myOrganisation: null });
    expect(response.errors).toEqual([
      {
        message: 'The directory, which verifies callers, cannot be reached just now; retry in a few seconds',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, serviceName: 'probe' },
      },
    ]);
  });

  it('marks its own SUBGRAPH_UNAVAILABLE and SUBGRAPH_TIMEOUT retryable', async () => {
    const nowhere = await gatewayFor('http://127.0.0.1:1/graphql');
    const unavailable = await graphqlClient(nowhere.url)(`{ answer }`);
    expect(unavailable.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'probe', retryable: true });

    const impatient = await gatewayFor(probe.url, 300);
    const slow = await graphqlClient(impatient.url)(`{ sleep(seconds: 3) }`);
    expect(slow.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'probe', retryable: true });
    // The timed-out call was aborted like a caller who left: its statement does not run on.
    await until(async () => (await sleeping()) === 0, 'the timed-out statement to be cancelled');
  });
});
