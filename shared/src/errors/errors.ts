import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { platformFaultOf } from './platform-faults';

/**
 * The only error codes a client ever sees. Anything else that escapes a resolver is a bug on our side
 * and is reported as INTERNAL_SERVER_ERROR without its message, stack or SQL.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  /**
   * This deployment requires a stated purpose (the X-Purpose header) to read sensitive data, and the
   * request gave none: send it again with one.
   */
  PURPOSE_REQUIRED: 'PURPOSE_REQUIRED',
  /**
   * The platform cannot answer just now: a service or database it needs is down, restarting or busy.
   * Not the caller's fault; `extensions.retryable` is true: try again after a pause.
   */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A statement of this request ran longer than the database allows; retryable (or ask for less). */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that say "not your fault, try again": they always carry `extensions.retryable: true`. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.QUERY_TIMEOUT]);

/** Codes that Apollo Server itself raises for malformed requests; they carry no private detail. */
export const PROTOCOL_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // The gateway's trusted documents: a caller held to them sent a query as text.
  'PERSISTED_QUERY_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
  // The kit's cost limit (graphql/cost.ts): the estimate and the limit are the caller's to see.
  'COST_LIMIT_EXCEEDED',
]);

export class PeaceGraphError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Bad input: names the offending input field (dotted path, e.g. `input.latitude`) in plain words. */
export function badInput(field: string, message: string, extra: Record<string, unknown> = {}): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.BAD_USER_INPUT, message, { field, ...extra });
}

export function notFound(type: string, id: string): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.NOT_FOUND, `No ${type} with id "${id}"`, { type });
}

export function forbidden(message: string): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.FORBIDDEN, message);
}

export function unauthenticated(message = 'A valid bearer token or API key is required'): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.UNAUTHENTICATED, message);
}

export function purposeRequired(coordinate: string): PeaceGraphError {
  return new PeaceGraphError(
    ErrorCode.PURPOSE_REQUIRED,
    `Reading ${coordinate} needs a stated purpose: send the header X-Purpose with why you read it (this deployment requires one for sensitive data)`,
  );
}

/** Optimistic-lock mismatch: the client edited an out-of-date copy. */
export function conflict(message: string, extra: Record<string, unknown> = {}): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.CONFLICT, message, extra);
}

/** The platform is at fault and a retry may succeed. The message names no host, table or statement. */
export function serviceUnavailable(message = 'The service is temporarily unavailable; retry in a few seconds'): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.SERVICE_UNAVAILABLE, message, { retryable: true });
}

export function queryTimeout(
  message = 'The request took longer than the database allows; retry in a few seconds, or ask for fewer records',
): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.QUERY_TIMEOUT, message, { retryable: true });
}

/**
 * The retryable error to give a caller for a failure that is the platform's fault (a database down
 * or refusing connections, a pool exhausted, a statement timeout), or undefined for anything else.
 */
export function retryableErrorFor(error: unknown): PeaceGraphError | undefined {
  const fault = platformFaultOf(error);
  if (fault === 'timeout') return queryTimeout();
  if (fault === 'unavailable') return serviceUnavailable();
  return undefined;
}

const KNOWN = new Set<string>(Object.values(ErrorCode));

/**
 * Apollo Server `formatError`: keeps our own errors and the protocol's, hides everything else.
 * `onHidden` receives the original so it can be logged server-side with its stack.
 */
export function createErrorFormatter(onHidden: (original: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = unwrapResolverError(error);
    const ours = original instanceof GraphQLError && typeof code === 'string' && KNOWN.has(code);
    const protocol = typeof code === 'string' && PROTOCOL_CODES.has(code);
    const clean = { ...formatted.extensions };
    delete clean.stacktrace;
    delete clean.exception;
    if ((ours && code !== ErrorCode.INTERNAL_SERVER_ERROR) || protocol) {
      return { ...formatted, extensions: clean };
    }
    onHidden(original);
    // Still logged above with its cause; the caller only learns it may retry.
    const retryable = retryableErrorFor(original);
    if (retryable) {
      return { message: retryable.message, locations: formatted.locations, path: formatted.path, extensions: { ...retryable.extensions } };
    }
    return {
      message: 'Internal error: the request could not be completed',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * Apollo Server answers a context error with its `extensions.http.status` and drops that key from the
 * body. `status` is for the caller's own fault (401 for credentials); when the platform is at fault
 * instead (the directory that verifies callers unreachable, a database down) the whole request is
 * answered 503 with a retryable code, so a partner system knows to try again.
 */
export function withHttpStatus(error: unknown, status: number): unknown {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  if (error instanceof GraphQLError && typeof code === 'string' && RETRYABLE_CODES.has(code)) {
    return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 503 } } });
  }
  if (error instanceof GraphQLError) {
    return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
  }
  const retryable = retryableErrorFor(error);
  if (retryable) return new GraphQLError(retryable.message, { extensions: { ...retryable.extensions, http: { status: 503 } } });
  return error;
}
