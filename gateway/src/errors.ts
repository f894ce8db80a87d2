import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createErrorFormatter } from '@peacegraph/kit/errors';

/**
 * Codes only the gateway raises: a subgraph that did not answer in time or at all. The client learns
 * which domain failed (its data is null) but not where that subgraph runs, and that it may retry
 * (`extensions.retryable: true`): the fault is the platform's, not the caller's.
 */
export const GatewayErrorCode = {
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The caller has used up its requests for now (HTTP 429, Retry-After): see README, "Rate limits". */
  RATE_LIMITED: 'RATE_LIMITED',
} as const;
export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

const GATEWAY_CODES = new Set<string>(Object.values(GatewayErrorCode));

export function subgraphTimeout(subgraph: string, timeoutMs: number): GraphQLError {
  return new GraphQLError(`The ${subgraph} service did not answer within ${timeoutMs} ms`, {
    extensions: { code: GatewayErrorCode.SUBGRAPH_TIMEOUT, serviceName: subgraph, retryable: true },
  });
}

export function subgraphUnavailable(subgraph: string, why: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service ${why}`, {
    extensions: { code: GatewayErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: subgraph, retryable: true },
  });
}

/** Retryable by definition: the same request succeeds once the caller's bucket has refilled. */
export function rateLimited(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: GatewayErrorCode.RATE_LIMITED, retryable: true } });
}

/**
 * The kit's formatter (known codes pass, everything else becomes a bare INTERNAL_SERVER_ERROR), taught
 * two things about the gateway:
 * - its own subgraph codes pass;
 * - an error a subgraph returned reaches Apollo Server as a GraphQLError whose `originalError` is the
 *   subgraph's JSON error, not a GraphQLError instance, so the kit would hide a subgraph's
 *   BAD_USER_INPUT. It is judged by its code instead: the subgraph already hid what it had to. Its
 *   retryable codes (SERVICE_UNAVAILABLE, QUERY_TIMEOUT) pass the same way, with `retryable`.
 */
export function createGatewayErrorFormatter(onHidden: (original: unknown) => void) {
  const kitFormatter = createErrorFormatter(onHidden);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GATEWAY_CODES.has(code)) {
      return {
        message: formatted.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code,
          ...(formatted.extensions?.serviceName ? { serviceName: formatted.extensions.serviceName } : {}),
          retryable: true,
        },
      };
    }
    if (fromSubgraph(error)) {
      return kitFormatter(formatted, new GraphQLError(formatted.message, { extensions: formatted.extensions }));
    }
    return kitFormatter(formatted, error);
  };
}

function fromSubgraph(error: unknown): boolean {
  return (
    error instanceof GraphQLError &&
    typeof error.extensions.serviceName === 'string' &&
    error.originalError !== undefined &&
    !(error.originalError instanceof Error)
  );
}
