import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RATE_LIMIT_HEADER, formatRateLimitHeader, type Logger } from '@peacegraph/kit/server';
import { subgraphTimeout, subgraphUnavailable } from './errors';
import type { GatewayContext } from './context';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  logger: Logger;
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;

/** Codes a subgraph may answer with a non-2xx status that belong to the caller, not to us. */
const CALLER_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT']);

/**
 * A subgraph's own "retry later" (its database or the directory unreachable: HTTP 503): kept as it is,
 * so the caller learns what the subgraph knows, not a vaguer SUBGRAPH_UNAVAILABLE.
 */
const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']);

/**
 * The signal of the caller whose operation is being fetched. Apollo's data source calls its fetcher
 * with the request only, not the caller's context, so `process` puts the signal where the fetcher
 * (run inside it) can find it.
 */
const callerSignal = new AsyncLocalStorage<AbortSignal | undefined>();

/**
 * One subgraph as the gateway calls it: with the caller's credentials, purpose, request id and
 * rate-limit state (`peacegraph-rate-limit`, for `viewer { rateLimit }`), and
 * never for longer than `timeoutMs` — a slow domain costs its own fields, not the whole request. A
 * caller who leaves takes its subgraph calls with it: they are aborted, so the subgraph sees its
 * connection close and stops its SQL (the kit cancels it), instead of working for nobody.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly timeoutMs: number;
  private readonly log: Logger;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.subgraph = options.name;
    this.timeoutMs = options.timeoutMs;
    this.log = options.logger;
    this.fetcher = timedFetch(options.timeoutMs);
  }

  override willSendRequest(options: ProcessOptions): void {
    if (!fromCaller(options)) return;
    const headers = options.request.http?.headers;
    const caller = options.context;
    if (!headers) return;
    if (caller.authorization) headers.set('authorization', caller.authorization);
    if (caller.purpose) headers.set('x-purpose', caller.purpose);
    headers.set('x-request-id', caller.requestId);
    // Set by the gateway alone: what a client sent under this name never reaches a subgraph.
    if (caller.rateLimit) headers.set(RATE_LIMIT_HEADER, formatRateLimitHeader(caller.rateLimit));
    else headers.delete(RATE_LIMIT_HEADER);
  }

  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      const signal = fromCaller(options) ? options.context.signal : undefined;
      return await callerSignal.run(signal, () => super.process(options));
    } catch (error) {
      throw this.explain(error, options);
    }
  }

  /** Non-2xx answers: keep a refusal of the caller (credentials, a value) as the caller's error, log the rest. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = firstGraphQLError(body);
    const code = first && callersCode(first);
    if (first && code) return new GraphQLError(first.message, { extensions: { code, serviceName: this.subgraph } });
    const retryable = first?.extensions?.code;
    if (first && typeof retryable === 'string' && RETRYABLE_CODES.has(retryable)) {
      return new GraphQLError(first.message, { extensions: { code: retryable, serviceName: this.subgraph, retryable: true } });
    }
    this.log.warn({ subgraph: this.subgraph, status: response.status, body }, 'subgraph answered with an error status');
    return subgraphUnavailable(this.subgraph, `answered HTTP ${response.status}`);
  }

  private explain(error: unknown, options: ProcessOptions): unknown {
    if (error instanceof GraphQLError) return error;
    const requestId = fromCaller(options) ? options.context.requestId : undefined;
    // By name, not instanceof DOMException: the error may come from another realm (test sandboxes).
    if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
      this.log.warn({ subgraph: this.subgraph, timeoutMs: this.timeoutMs, requestId }, 'subgraph call timed out');
      return subgraphTimeout(this.subgraph, this.timeoutMs);
    }
    if (fromCaller(options) && options.context.signal?.aborted) {
      // Nobody reads this answer; not a fault of the subgraph, so not a warning.
      this.log.debug({ subgraph: this.subgraph, requestId }, 'subgraph call aborted: the caller left');
      return subgraphUnavailable(this.subgraph, 'was not waited for: the caller left');
    }
    this.log.warn({ subgraph: this.subgraph, err: error, requestId }, 'subgraph call failed');
    return subgraphUnavailable(this.subgraph, 'could not be reached');
  }
}

/**
 * Node's own fetch, so that the abort signal covers reading the body too: a subgraph that sends its
 * headers and then stalls still times out. The call ends at the timeout or when the caller leaves,
 * whichever comes first; aborting closes the connection, which is what the subgraph notices.
 */
function timedFetch(timeoutMs: number): Fetcher {
  const fetcher = (url: string, init?: Parameters<Fetcher>[1]) => {
    const caller = callerSignal.getStore();
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(url, { ...(init as RequestInit), signal: caller ? AbortSignal.any([timeout, caller]) : timeout });
  };
  return fetcher as unknown as Fetcher;
}

/** Health checks and schema loading carry no caller; only operations do. */
function fromCaller(options: ProcessOptions): options is Extract<ProcessOptions, { incomingRequestContext: unknown }> {
  return 'incomingRequestContext' in options;
}

interface SubgraphError {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * The code to give the caller when the refusal is theirs, else undefined. Among refusals: a value
 * only the subgraph could judge. The supergraph knows a custom scalar (PCode, CountryCode…) by name
 * only, so the gateway passes "BF" on as a P-code and the subgraph refuses the operation with HTTP
 * 400: as a variable (BAD_USER_INPUT) or as a literal ("Expected value of type…", a validation
 * error, given to the caller as BAD_USER_INPUT). Any other validation failure means the gateway built
 * an operation the subgraph does not accept (its running schema differs from the supergraph): that
 * stays ours, logged and reported as unavailable.
 */
function callersCode(error: SubgraphError): string | undefined {
  const code = error.extensions?.code;
  if (typeof code === 'string' && CALLER_CODES.has(code)) return code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && error.message.startsWith('Expected value of type')) return 'BAD_USER_INPUT';
  return undefined;
}

function firstGraphQLError(body: unknown): SubgraphError | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return undefined;
  const first: unknown = body.errors[0];
  if (typeof first === 'object' && first !== null && 'message' in first && typeof first.message === 'string') {
    return first as SubgraphError;
  }
  return undefined;
}
