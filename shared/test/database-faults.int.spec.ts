import { createDataSource, type PeaceGraphDataSource } from '../src/sql/data-source';
import { createTestDatabase, graphqlClient, until, type TestDatabase } from '../src/testing';
import type { DatabaseTimeouts } from '../src/sql/timeouts';
import { startProbe, type Probe } from './support/probe-subgraph';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

/**
 * A subgraph whose database fails under it — unreachable, its connections terminated, its pool
 * exhausted, a statement too long — answers a stable retryable code, never INTERNAL_SERVER_ERROR,
 * and in bounded time. The subgraph reaches PostgreSQL through a relay the test can cut.
 */
let db: TestDatabase;
let proxy: TcpProxy;

beforeAll(async () => {
  db = await createTestDatabase({ entities: [], migrations: [] });
  proxy = await startTcpProxy(db.url);
});
afterAll(async () => {
  await proxy?.close();
  await db?.drop();
});

interface Relayed {
  probe: Probe;
  source: PeaceGraphDataSource;
  request: ReturnType<typeof graphqlClient>;
  application: string;
  stop: () => Promise<void>;
}

let serial = 0;
async function relayedProbe(timeouts: Partial<DatabaseTimeouts>, poolSize = 2): Promise<Relayed> {
  serial += 1;
  const application = `probe-faults-${process.pid}-${serial}`;
  const source = createDataSource({
    url: proxy.urlFor(db.url),
    entities: [],
    migrations: [],
    poolSize,
    timeouts,
    applicationName: application,
  });
  await source.dataSource.initialize();
  const probe = await startProbe({ dataSource: source.dataSource, statements: source.statements });
  return {
    probe,
    source,
    request: graphqlClient(probe.url),
    application,
    stop: async () => {
      await probe.stop();
      await source.dataSource.destroy().catch(() => undefined);
    },
  };
}

/** Backends of one application that are running a statement, seen from outside the relay. */
async function activeStatements(application: string): Promise<number> {
  const [row] = (await db.dataSource.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'`,
    [application],
  )) as { n: number }[];
  return row!.n;
}

function expectRetryable(response: { status: number; errors?: { message: string; extensions?: Record<string, unknown> }[] }, code: string) {
  expect(response.status).toBe(200);
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions).toEqual({ code, retryable: true });
  // Nothing about where the database is or what failed inside.
  expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|ECONN|pg_sleep|SELECT|terminat|timeout exceeded|stack/i);
}

describe('a subgraph whose database fails under it', () => {
  it('answers QUERY_TIMEOUT for a statement longer than the statement timeout, and serves the next request', async () => {
    const relayed = await relayedProbe({ statementMs: 300 });
    try {
      for (const seconds of [0.5, 2, 30]) {
        const response = await relayed.request<{ sleep: boolean | null }>(`query ($s: Float!) { sleep(seconds: $s) }`, { s: seconds });
        expectRetryable(response, 'QUERY_TIMEOUT');
        expect(response.data).toEqual({ sleep: null });
      }
      expect((await relayed.request(`{ answer }`)).data).toEqual({ answer: 42 });
    } finally {
      await relayed.stop();
    }
  });

  it('answers SERVICE_UNAVAILABLE when its connections are terminated mid-statement (pg_terminate_backend)', async () => {
    const relayed = await relayedProbe({}, 3);
    try {
      const running = Array.from({ length: 3 }, () => relayed.request(`{ sleep(seconds: 60) }`));
      await until(async () => (await activeStatements(relayed.application)) === 3, 'three statements running');
      await db.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [
        relayed.application,
      ]);
      for (const response of await Promise.all(running)) expectRetryable(response, 'SERVICE_UNAVAILABLE');
      // The pool replaces the terminated connections; a request that drew one of them before the pool
      // noticed is itself answered SERVICE_UNAVAILABLE, and its retry succeeds.
      await until(async () => {
        const response = await relayed.request<{ answer: number | null }>(`{ answer }`);
        if (response.data?.answer === 42) return true;
        expectRetryable(response, 'SERVICE_UNAVAILABLE');
        return false;
      }, 'the subgraph to answer again');
    } finally {
      await relayed.stop();
    }
  });

  it('answers SERVICE_UNAVAILABLE when no pool connection frees up within the connection timeout', async () => {
    const relayed = await relayedProbe({ connectMs: 300, statementMs: 20_000 }, 2);
    try {
      const holding = [relayed.request(`{ sleep(seconds: 3) }`), relayed.request(`{ sleep(seconds: 3) }`)];
      await until(async () => (await activeStatements(relayed.application)) === 2, 'the pool to be taken');
      const waiting = await Promise.all(Array.from({ length: 5 }, () => relayed.request(`{ answer }`)));
      for (const response of waiting) expectRetryable(response, 'SERVICE_UNAVAILABLE');
      for (const response of await Promise.all(holding)) expect(response.data).toEqual({ sleep: true });
    } finally {
      await relayed.stop();
    }
  });

  it('answers SERVICE_UNAVAILABLE while the database is unreachable, at once, and recovers when it is back', async () => {
    const relayed = await relayedProbe({ connectMs: 2_000 }, 4);
    try {
      expect((await relayed.request(`{ answer }`)).data).toEqual({ answer: 42 });
      await proxy.down();
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 20 }, () => relayed.request(`{ answer sleep(seconds: 0.01) }`)));
      for (const response of answers) {
        expect(response.status).toBe(200);
        expect(response.data).toEqual({ answer: null, sleep: null });
        for (const error of response.errors!) expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      }
      // Refused connections fail at once; nothing waits for a timeout. (A bound, not a speed claim.)
      expect(Date.now() - started).toBeLessThan(10_000);

      await proxy.up();
      await until(
        async () => (await relayed.request<{ answer: number }>(`{ answer }`)).data?.answer === 42,
        'the subgraph to answer again',
      );
    } finally {
      await proxy.up().catch(() => undefined);
      await relayed.stop();
    }
  });
});
