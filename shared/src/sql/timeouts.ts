import { env, readEnv } from '../server/env';

/**
 * Every pool the kit creates bounds how long the database may hold a request: a statement, a wait for
 * a connection, a transaction left open. Without them one runaway query (or one caller who left)
 * holds a connection for good and everyone behind it waits.
 */
export const databaseTimeoutEnv = {
  DB_STATEMENT_TIMEOUT_MS: env.integer('longest one SQL statement may run, in ms (0: no limit)', 20_000, 0),
  DB_CONNECT_TIMEOUT_MS: env.integer('longest wait for a database connection, new or from a full pool, in ms', 10_000, 1),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: env.integer('longest a transaction may stay open doing nothing, in ms (0: no limit)', 30_000, 0),
};

export interface DatabaseTimeouts {
  /** PostgreSQL's statement_timeout: a longer statement is stopped and the caller gets QUERY_TIMEOUT. */
  statementMs: number;
  /** pg-pool's connectionTimeoutMillis: connecting, or waiting for a free connection; then SERVICE_UNAVAILABLE. */
  connectMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout: a transaction forgotten open is ended, its locks freed. */
  idleInTransactionMs: number;
}

/** The timeouts from the environment (validated with the rest at a subgraph's start), or their defaults. */
export function databaseTimeouts(source: NodeJS.ProcessEnv = process.env): DatabaseTimeouts {
  const values = readEnv(databaseTimeoutEnv, source);
  return {
    statementMs: values.DB_STATEMENT_TIMEOUT_MS,
    connectMs: values.DB_CONNECT_TIMEOUT_MS,
    idleInTransactionMs: values.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

/**
 * node-postgres settings: the two server timeouts are sent when each connection starts (no extra
 * round trip per statement), the connection timeout is the pool's own.
 */
export function poolTimeouts(timeouts: DatabaseTimeouts): Record<string, number> {
  return {
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    connectionTimeoutMillis: timeouts.connectMs,
  };
}
