import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { RequestAbandonedError } from '../server/caller-signal';
import type { Logger } from '../server/logger';

/**
 * Stops the SQL of requests whose caller left (the kit's request signal, see callerLeft).
 *
 * The design, and why it is enough:
 * - The statement counter already sees every statement of a request (it is TypeORM's logger, and
 *   knows the request through AsyncLocalStorage), with the query runner that runs it. It hands both
 *   here, so each request knows the runners (hence the pg backends) it is using.
 * - A runner holds its pool connection until it is released, so while a request's runner is not
 *   released, the backend behind it runs this request's statements and nobody else's. On abort, every
 *   such backend that is active on one of this request's statements gets `pg_cancel_backend`.
 * - The cancel goes through a separate one-connection pool: the request's own pool may be exhausted
 *   (by the very statements to cancel), and a cancel must not queue behind them.
 * - From then on the counter refuses to start any new statement for the request, so resolvers that
 *   were still queued (DataLoader batches, the next page) fail at once; ROLLBACK still runs, so a
 *   transaction cut short is rolled back and its connection goes back to the pool clean.
 *
 * - A statement may finish between the decision and the cancel landing, and its connection be taken
 *   by another request that runs the same text (every caller of a dashboard sends the same query: the
 *   bench hit it a few times a run). The cancel therefore names how long ago the caller left, and hits
 *   only a statement that started before then by the database's own clock (statement_timestamp()
 *   minus that age, so the two machines' clocks never meet). What is left is a window of half a
 *   round trip to the database after the caller left; a statement caught there gets a retryable
 *   SERVICE_UNAVAILABLE, never a wrong answer.
 */
export class StatementCancellation {
  /** Statements cancelled and statements refused because their caller had left (for tests and metrics). */
  readonly counts = { cancelled: 0, refused: 0 };
  private readonly requests = new WeakMap<AbortSignal, Map<QueryRunner, string[]>>();
  private canceller: Pool | undefined;
  private pending: { pid: number; text: string; leftAt: number }[] = [];
  private flushing = false;

  constructor(
    private readonly url: string,
    private readonly logger?: Logger,
  ) {}

  /**
   * Called before each statement of a request that has a signal: refuses it when the caller has left,
   * otherwise remembers which runner runs it.
   */
  beforeStatement(signal: AbortSignal, runner: QueryRunner | undefined, query: string): void {
    if (signal.aborted) {
      if (ENDS_TRANSACTION.test(query)) return;
      this.counts.refused += 1;
      throw new RequestAbandonedError();
    }
    if (!runner) return;
    let runners = this.requests.get(signal);
    if (!runners) {
      runners = new Map();
      this.requests.set(signal, runners);
      const ofRequest = runners;
      signal.addEventListener('abort', () => this.cancel(ofRequest), { once: true });
    }
    const texts = runners.get(runner) ?? [];
    // A runner of a transaction may run many statements; the one running now is among the last.
    texts.push(query.slice(0, MATCHED_LENGTH));
    if (texts.length > 16) texts.shift();
    runners.set(runner, texts);
  }

  /** Ends the canceller's connection; the data source calls it when it is destroyed. */
  async close(): Promise<void> {
    const canceller = this.canceller;
    this.canceller = undefined;
    await canceller?.end();
  }

  private cancel(runners: Map<QueryRunner, string[]>): void {
    const leftAt = performance.now();
    for (const [runner, statements] of runners) {
      const pid = (runner as QueryRunner & { databaseConnection?: { processID?: number } }).databaseConnection?.processID;
      if (runner.isReleased || typeof pid !== 'number') continue;
      for (const text of statements) this.pending.push({ pid, text, leftAt });
    }
    runners.clear();
    if (this.pending.length === 0 || this.flushing) return;
    // Callers who leave together (a client's pool closing, a network cut) are cancelled in one statement.
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    const batch = this.pending.splice(0);
    this.flushing = false;
    if (batch.length === 0) return;
    // The age is taken once the canceller holds its connection: a connection still being opened
    // (the idle one is closed after 10 s) would otherwise widen the window by the time it takes.
    this.pool()
      .connect()
      .then(async (connection) => {
        try {
          const sentAt = performance.now();
          const secondsAgo = batch.map((t) => (sentAt - t.leftAt) / 1000);
          const { rows } = await connection.query<{ cancelled: boolean }>(CANCEL_SQL, [
            batch.map((t) => t.pid),
            batch.map((t) => t.text),
            secondsAgo,
          ]);
          const cancelled = rows.filter((row) => row.cancelled).length;
          this.counts.cancelled += cancelled;
          if (cancelled) this.logger?.debug({ cancelled }, 'statements cancelled: their caller left');
        } finally {
          connection.release();
        }
      })
      .catch((error: unknown) => {
        // The statement timeout still bounds what could not be cancelled.
        this.logger?.warn({ reason: (error as Error).message }, 'could not cancel the statements of a caller who left');
      });
  }

  private pool(): Pool {
    if (this.canceller) return this.canceller;
    this.canceller = new Pool({
      connectionString: this.url,
      max: 1,
      idleTimeoutMillis: 10_000,
      // An idle canceller must not keep a process (or a test worker) alive.
      allowExitOnIdle: true,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 5_000,
      application_name: 'peacegraph-canceller',
    });
    // An idle connection dropped by the server must not become an uncaught error.
    this.canceller.on('error', (error) => this.logger?.warn({ reason: error.message }, 'canceller connection lost'));
    return this.canceller;
  }
}

/** ROLLBACK (and ROLLBACK TO SAVEPOINT) always run: a transaction cut short must end clean. */
const ENDS_TRANSACTION = /^\s*ROLLBACK\b/i;

/**
 * pg_stat_activity.query holds the statement text as sent, cut at track_activity_query_size (1024
 * bytes by default): the first 100 characters fit even when each takes four bytes.
 */
const MATCHED_LENGTH = 100;

const CANCEL_SQL = `
SELECT pg_cancel_backend(a.pid) AS cancelled
FROM pg_stat_activity a
WHERE a.state = 'active'
  AND EXISTS (
    SELECT 1 FROM unnest($1::int[], $2::text[], $3::float8[]) AS t(pid, query, seconds_ago)
    WHERE t.pid = a.pid AND left(a.query, ${MATCHED_LENGTH}) = t.query
      -- Started before its caller left, by the database's clock: not another request's same text.
      AND a.query_start <= statement_timestamp() - make_interval(secs => t.seconds_ago))`;
