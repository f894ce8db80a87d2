import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from '../server/logger';
import type { StatementCancellation } from './cancellation';

/** One request's statements: how many ran, and its caller's signal when it should stop if the caller leaves. */
export interface RequestStatements {
  statements: number;
  signal?: AbortSignal;
}

/**
 * Counts SQL statements. It is the TypeORM logger of every data source, so N+1 regressions can be
 * caught in tests (`counter.count` around one request) and seen in production (`statements` per
 * request in the request log, through `run`). Seeing every statement of a request before it starts,
 * with its query runner, it also tells `cancellation` which backends a request uses, and lets it
 * refuse statements of a request whose caller has left.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  private total = 0;
  private readonly perRequest = new AsyncLocalStorage<RequestStatements>();
  /** Set by createDataSource. */
  cancellation?: StatementCancellation;

  constructor(
    private readonly logger?: Logger,
    private readonly slowMs = 500,
  ) {}

  get count(): number {
    return this.total;
  }

  reset(): void {
    this.total = 0;
  }

  /**
   * Counts the statements of everything `fn` starts (an HTTP request's middleware chain) into `bucket`;
   * with `bucket.signal`, they are cancelled when it aborts.
   */
  run(bucket: RequestStatements, fn: () => void): void {
    this.perRequest.run(bucket, fn);
  }

  /** TypeORM calls this before each statement, after taking its connection: a throw stops it there. */
  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    this.total += 1;
    const bucket = this.perRequest.getStore();
    if (!bucket) return;
    bucket.statements += 1;
    if (bucket.signal && this.cancellation) this.cancellation.beforeStatement(bucket.signal, queryRunner, query);
  }

  logQueryError(error: string | Error, query: string): void {
    // A statement cancelled because its caller left is not a fault worth an error line.
    const level = this.perRequest.getStore()?.signal?.aborted ? 'debug' : 'error';
    // The statement text goes to the server log only; clients get a masked error from the formatter.
    this.logger?.[level]({ err: error, query: abridged(query) }, 'SQL statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    if (time >= this.slowMs) this.logger?.warn({ ms: time, query: abridged(query) }, 'slow SQL statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger?.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, _runner?: QueryRunner): void {
    if (level === 'warn') this.logger?.warn({ typeorm: message }, 'typeorm warning');
  }
}

/** Enough of a statement to recognise it: a multi-row INSERT would otherwise fill the log with placeholders. */
export function abridged(query: string, max = 400): string {
  const flat = query.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${flat.length} characters)`;
}
