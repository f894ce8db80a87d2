import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

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
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that Apollo Server itself raises for malformed requests; they carry no private detail. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
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

/** Optimistic-lock mismatch: the client edited an out-of-date copy. */
export function conflict(message: string, extra: Record<string, unknown> = {}): PeaceGraphError {
  return new PeaceGraphError(ErrorCode.CONFLICT, message, extra);
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
    return {
      message: 'Internal error: the request could not be completed',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Apollo Server answers a context error with its `extensions.http.status` and drops that key from the body. */
export function withHttpStatus(error: unknown, status: number): unknown {
  if (error instanceof GraphQLError) {
    return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
  }
  return error;
}
