import { Pool } from 'pg';
import { createTestDatabase, graphqlClient, until, type TestDatabase } from '../src/testing';
import { PROBE_TABLE_SQL, startProbe, type Probe } from './support/probe-subgraph';

/**
 * Callers who leave take their SQL with them: statements running for them are cancelled
 * (pg_cancel_backend), statements not yet started are refused, a transaction cut short is rolled back,
 * and the subgraph serves the next caller as before. Checked in pg_stat_activity, not by the clock.
 */
const APPLICATION = `probe-cancellation-${process.pid}`;
const POOL = 4;

let db: TestDatabase;
let probe: Probe;
/** Looks at pg_stat_activity from outside the subgraph's pool, which the tests fill. */
let observer: Pool;

beforeAll(async () => {
  db = await createTestDatabase({ entities: [], migrations: [], poolSize: POOL, applicationName: APPLICATION });
  await db.dataSource.query(PROBE_TABLE_SQL);
  probe = await startProbe({ dataSource: db.dataSource, statements: db.statements });
  observer = new Pool({ connectionString: db.url, max: 1 });
});
afterAll(async () => {
  await observer?.end();
  await probe?.stop();
  await db?.drop();
});

async function backends(state: string, like = '%pg_sleep%'): Promise<number> {
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state = $2 AND query LIKE $3`,
    [APPLICATION, state, like],
  );
  return rows[0]!.n;
}

/** Sends `query` and gives up on it when `signal` aborts, as a partner's client with a deadline does. */
function abandoned(query: string, signal: AbortSignal): Promise<void> {
  return fetch(probe.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal,
  }).then(
    () => {
      throw new Error('the request was answered although its caller left');
    },
    (error: unknown) => {
      if ((error as Error).name !== 'AbortError') throw error;
    },
  );
}

describe('a caller who leaves', () => {
  it.each([4, 12, 30])('%i abandoned slow reads: running statements cancelled, queued ones never started', async (n) => {
    const counts = db.statements.cancellation!.counts;
    const before = { ...counts, abandoned: probe.abandoned() };
    const caller = new AbortController();
    const requests = Array.from({ length: n }, () => abandoned(`{ sleep(seconds: 60) }`, caller.signal));
    // Every pool connection is busy with a 60 s statement; the rest wait for one.
    await until(async () => (await backends('active')) === Math.min(n, POOL), 'the pool to be busy');

    caller.abort();
    await Promise.all(requests);

    await until(async () => (await backends('active')) === 0, 'no statement of theirs left running');
    await until(() => probe.abandoned() - before.abandoned === n, 'the subgraph to see every caller leave');
    await until(() => counts.cancelled - before.cancelled + counts.refused - before.refused === n, 'every statement cancelled or refused');
    // Those that held a connection were cancelled. A queued one that drew a freed connection before the
    // subgraph noticed its caller had gone was cancelled too; the others never started.
    expect(counts.cancelled - before.cancelled).toBeGreaterThanOrEqual(Math.min(n, POOL));

    // The next caller is served as usual.
    expect(await graphqlClient(probe.url)(`{ answer }`)).toEqual({ status: 200, data: { answer: 42 } });
  });

  it('a write cut short is rolled back, and its connection goes back to the pool clean', async () => {
    const caller = new AbortController();
    const writes = Array.from({ length: POOL }, (_, i) =>
      abandoned(`mutation { writeSlowly(note: "abandoned ${i}", seconds: 60) }`, caller.signal),
    );
    await until(async () => (await backends('active')) === POOL, 'the writes to be inside their transactions');
    caller.abort();
    await Promise.all(writes);
    await until(async () => (await backends('active')) === 0, 'the writes to stop');
    await until(
      async () => (await backends('idle in transaction', '%')) === 0 && (await backends('idle in transaction (aborted)', '%')) === 0,
      'no transaction left open',
    );
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM probe_note`)).toEqual([{ n: 0 }]);

    // Every pooled connection still works, and a write that is waited for commits.
    const client = graphqlClient(probe.url);
    const answers = await Promise.all(Array.from({ length: POOL * 2 }, () => client(`{ answer }`)));
    expect(answers.every((a) => a.status === 200 && (a.data as { answer: number }).answer === 42)).toBe(true);
    expect((await client(`mutation { writeSlowly(note: "kept", seconds: 0) }`)).data).toEqual({ writeSlowly: true });
    expect(await db.dataSource.query(`SELECT note FROM probe_note ORDER BY note`)).toEqual([{ note: 'kept' }, { note: 'kept (after)' }]);
  });

  it('a caller who stays is not cancelled: answers arrive beside abandoned requests', async () => {
    const leaving = new AbortController();
    const gone = Array.from({ length: 3 }, () => abandoned(`{ sleep(seconds: 60) }`, leaving.signal));
    const staying = graphqlClient(probe.url)(`{ sleep(seconds: 0.5) }`);
    await until(async () => (await backends('active')) === 4, 'all four statements running');
    leaving.abort();
    await Promise.all(gone);
    expect(await staying).toEqual({ status: 200, data: { sleep: true } });
  });

  it("cancels the same text on that backend only if it started before its caller left, not another request's", async () => {
    // The race, made to happen: a caller leaves, its connection goes back to the pool and another
    // request runs the very same text on that backend before the cancel lands (dashboards all send
    // the same query). The cancel is fed as the abort would feed it, with the time the caller left.
    const cancellation = db.statements.cancellation as unknown as {
      pending: { pid: number; text: string; leftAt: number }[];
      flush(): void;
    };
    const other = new Pool({ connectionString: db.url, max: 1 });
    const connection = await other.connect();
    try {
      const [{ pid }] = (await connection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
      const text = 'SELECT pg_sleep(0.6) AS the_same_dashboard_query';
      const running = async () =>
        (await observer.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND state = 'active'`, [pid]))
          .rows[0]!.n === 1;

      const leftAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const anotherRequest = connection.query(text);
      await until(running, 'the other request running');
      cancellation.pending.push({ pid, text, leftAt });
      cancellation.flush();
      await expect(anotherRequest).resolves.toBeDefined();

      const leaversOwn = connection.query(text).then(
        () => 'finished',
        (error: { code?: string }) => error.code,
      );
      await until(running, "the leaver's statement running");
      cancellation.pending.push({ pid, text, leftAt: performance.now() });
      cancellation.flush();
      expect(await leaversOwn).toBe('57014');
    } finally {
      connection.release();
      await other.end();
    }
  });
});
