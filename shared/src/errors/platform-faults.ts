/**
 * Failures that are the platform's fault, not the caller's, and pass if the caller tries again: a
 * database down, restarting or refusing connections, a pool with no free connection, a statement
 * stopped by its timeout. Recognised here once, so every subgraph answers them with the same
 * retryable code instead of an opaque internal error.
 *
 * - `unavailable`: the service cannot reach what it needs just now (SERVICE_UNAVAILABLE);
 * - `timeout`: this request's statement ran longer than the database allows (QUERY_TIMEOUT).
 */
export type PlatformFault = 'unavailable' | 'timeout';

/** Node's socket errors when a server is down, unreachable or drops the connection. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'ECONNABORTED',
]);

/**
 * PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * class 08 connection exception, class 53 insufficient resources (53300 too many connections),
 * 57P01–57P03 administrator/crash shutdown and "cannot connect now" (starting up or in recovery),
 * 57P04 database dropped, 25P03 idle-in-transaction timeout, 40001/40P01 serialization failure and
 * deadlock (the transaction was rolled back and may simply be run again), class 28 the platform's own
 * database credentials refused, 3D000 the configured database does not exist.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '57P04', '57P05', '25P03', '40001', '40P01', '3D000']);
const UNAVAILABLE_CLASSES = new Set(['08', '53', '28']);

/** Messages node-postgres and its pool raise without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /not currently accepting connections/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** TypeORM's errors when its pool is not (or no longer) connected. */
const UNAVAILABLE_NAMES = new Set([
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
  'QueryRunnerAlreadyReleasedError',
  'RequestAbandonedError',
]);

export function platformFaultOf(error: unknown): PlatformFault | undefined {
  return search(error, 0);
}

/** Follows the wrappers a fault arrives in: TypeORM's `driverError`, `cause`, AggregateError's `errors`, GraphQL's `originalError`. */
function search(error: unknown, depth: number): PlatformFault | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const own = classify(error as Record<string, unknown>);
  if (own) return own;
  const e = error as { driverError?: unknown; cause?: unknown; errors?: unknown; originalError?: unknown };
  const inner = [e.driverError, e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const next of inner) {
    const found = search(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * graphql-js replaces a thrown value that is not an Error of its own realm (an error raised by Node's
 * sockets, seen from a test sandbox) by `Unexpected error value: <the value, inspected>`; the code
 * written in it is all that is left of the original.
 */
const INSPECTED_CODE = /^Unexpected error value: .*\bcode: ['"]([0-9A-Z]{5}|E[A-Z_]+)['"]/s;

function classify(error: Record<string, unknown>): PlatformFault | undefined {
  const message = typeof error.message === 'string' ? error.message : '';
  const code = typeof error.code === 'string' ? error.code : INSPECTED_CODE.exec(message)?.[1];
  // Before SQLSTATEs: EPIPE is five capitals too.
  if (code && SOCKET_CODES.has(code)) return 'unavailable';
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    // 57014 query_canceled: by statement_timeout, or by the kit for a caller who left; 55P03 lock_timeout.
    if (code === '57014') return /statement timeout/i.test(message) ? 'timeout' : 'unavailable';
    if (code === '55P03') return 'timeout';
    if (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_CLASSES.has(code.slice(0, 2))) return 'unavailable';
    if (code === '55000' && /not currently accepting connections/i.test(message)) return 'unavailable';
    // Any other SQLSTATE is a statement the database refused: a bug on our side, not a fault to retry.
    return undefined;
  }
  if (typeof error.name === 'string' && UNAVAILABLE_NAMES.has(error.name)) return 'unavailable';
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return 'unavailable';
  return undefined;
}
