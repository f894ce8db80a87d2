import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RATE_LIMIT_HEADER, formatRateLimitHeader, type Logger } from '@peacegraph/kit/server';
import { cacheHintOf } from './cache-hint';
import { subgraphTimeout, subgraphUnavailable } from './errors';
import type { ReadMerger } from './read-merging';
import type { SubgraphAnswer, SubgraphHttp } from './subgraph-http';
import type { GatewayContext, KeptCalls } from './context';
import type { SubgraphFetch } from './kept-answers';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  logger: Logger;
  /** The pooled client to this subgraph's URL (one per URL, shared across supergraph reloads). */
  http: SubgraphHttp;
  /** Merges identical reads in flight, gateway-wide; its generation moves on with every mutation. */
  merger: ReadMerger;
}

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type CallerOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

/** Codes a subgraph may answer with a non-2xx status that belong to the caller, not to us. */
const CALLER_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT']);

/**
 * A subgraph's own "retry later" (its database or the directory unreachable: HTTP 503): kept as it is,
 * so the caller learns what the subgraph knows, not a vaguer SUBGRAPH_UNAVAILABLE.
 */
const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']);

/** The operation the planner sent is a read: `{ … }` or `query …`. Anything else is taken as a write. */
const READ = /^\s*(?:\{|query\b)/;

/**
 * The only field whose answer depends on `peacegraph-rate-limit` is the directory's
 * `viewer { rateLimit }`: the header is part of a read's key only when the read names that field, so
 * a caller's identical reads still merge although each carries its own remaining budget.
 */
const READS_RATE_LIMIT = 'rateLimit';

/** A call whose answer the subgraph did not tag: the request's answer is not kept (kept-answers.ts). */
const UNTAGGED: SubgraphFetch = {
  etag: undefined,
  call: '',
  size: 0,
  askAgain: () => Promise.reject(new Error('an untagged call is never asked again')),
};

/** Headers no subgraph answers differently for: left out of a read's key. */
const NOT_IN_KEY = new Set(['x-request-id', 'content-type']);

/**
 * One subgraph as the gateway calls it: with the caller's credentials, purpose, request id and
 * rate-limit state (`peacegraph-rate-limit`, for `viewer { rateLimit }`), and never waiting longer
 * than `timeoutMs` for a connection, the answer's headers or the next piece of its body — a slow
 * domain costs its own fields, not the whole request. A caller who leaves takes its subgraph calls
 * with it: they are aborted (a call merged for several callers, once the last of them left), so the
 * subgraph sees its connection close and stops its SQL (the kit cancels it), instead of working for
 * nobody.
 *
 * Apollo's own `process` is replaced whole: it built a node-fetch Headers, a Request nobody read and a
 * Response per call, and took a fetch with two abort signals; here a call is a plain header object
 * and a string on a pooled keep-alive connection (SubgraphHttp), its answer parsed once per caller.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly timeoutMs: number;
  private readonly log: Logger;
  private readonly http: SubgraphHttp;
  private readonly merger: ReadMerger;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.subgraph = options.name;
    this.timeoutMs = options.timeoutMs;
    this.log = options.logger;
    this.http = options.http;
    this.merger = options.merger;
  }

  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    try {
      const headers = headersFor(options);
      // The same shape, key order included, as Apollo's data source sent.
      const body = JSON.stringify({
        query: request.query,
        variables: request.variables,
        operationName: request.operationName,
        extensions: request.extensions,
      });
      const kept = fromCaller(options) ? options.context.kept : undefined;
      const answer = (kept && (await this.askedAlready(kept, body))) ?? (await this.send(options, headers, body));
      if (kept && READ.test(request.query)) this.record(kept, request.query, request.http?.headers, answer, body);
      return this.judge(answer, options);
    } catch (error) {
      throw this.explain(error, options);
    }
  }

  private send(options: ProcessOptions, headers: Record<string, string>, body: string): Promise<SubgraphAnswer> {
    if (!fromCaller(options)) return this.http.post(headers, body).answer;
    const signal = options.context.signal;
    if (!READ.test(options.request.query!)) {
      return this.merger.writing(() => this.merger.read(undefined, () => this.http.post(headers, body), signal));
    }
    // With merging off, or for a read that must reach the subgraph itself, no key is built: it copies the whole body.
    const key = this.merger.enabled && mayMerge(this.merger, options.request.query!, headers) ? keyOf(this.url!, headers, body) : undefined;
    return this.merger.read(key, () => this.http.post(headers, body), signal);
  }

  /**
   * This call's answer when it was already sent for this request, while checking a kept answer that no
   * longer held (kept-answers.ts): a new answer, an error or a timeout is this call's; a 304 has no body,
   * so the call is sent as usual.
   */
  private async askedAlready(kept: KeptCalls, body: string): Promise<SubgraphAnswer | undefined> {
    if (kept.asked.size === 0) return undefined;
    const call = this.callKey(body);
    const asked = kept.asked.get(call);
    if (!asked) return undefined;
    kept.asked.delete(call);
    const answer = await asked;
    return answer.status === 304 ? undefined : answer;
  }

  /**
   * Notes the call for the gateway's kept answers (kept-answers.ts): the subgraph's strong tag for its
   * answer (a weak one, such as express gives every body, promises no byte-for-byte equality), and how
   * to send the same call again for a later caller with `If-None-Match` — merged with identical checks
   * in flight, as any read.
   */
  private record(
    kept: KeptCalls,
    query: string,
    planned: Iterable<[string, string]> | undefined,
    answer: SubgraphAnswer,
    body: string,
  ): void {
    const etag = answer.status === 200 && answer.etag && !answer.etag.startsWith('W/') ? answer.etag : undefined;
    // An untagged call only says the answer cannot be kept: nothing of it is copied or closed over.
    if (!etag) {
      kept.fetches.push(UNTAGGED);
      return;
    }
    kept.fetches.push({
      etag,
      call: this.callKey(body),
      size: body.length + answer.body.length,
      askAgain: (caller) => {
        const headers = { ...callerHeaders(plannedHeaders(planned), caller), 'if-none-match': etag };
        const key = this.merger.enabled && mayMerge(this.merger, query, headers) ? keyOf(this.url!, headers, body) : undefined;
        return this.merger.read(key, () => this.http.post(headers, body), caller.signal);
      },
    });
  }

  /** What identifies one call of a request: the subgraph and the body sent. */
  private callKey(body: string): string {
    return `${this.url!}\n${body}`;
  }

  /** A 2xx answer becomes the GraphQL response (parsed here: each caller its own objects); others an error. */
  private judge(answer: SubgraphAnswer, options: ProcessOptions): GatewayGraphQLResponse {
    if (answer.status < 200 || answer.status > 299) throw this.errorFromAnswer(answer);
    const parsed: unknown = isJson(answer.contentType) ? JSON.parse(answer.body) : answer.body;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`Expected a JSON object from the ${this.subgraph} subgraph (content-type ${answer.contentType ?? 'none'})`);
    }
    const policy = fromCaller(options) ? options.incomingRequestContext.overallCachePolicy : undefined;
    // As Apollo's data source did: the subgraph's Cache-Control bounds the cacheability of the whole answer.
    if (policy && 'restrict' in policy) policy.restrict(cacheHintOf(answer.cacheControl));
    return parsed as GatewayGraphQLResponse;
  }

  /** Non-2xx answers: keep a refusal of the caller (credentials, a value) as the caller's error, log the rest. */
  private errorFromAnswer(answer: SubgraphAnswer): GraphQLError {
    const body = bodyOf(answer);
    const first = firstGraphQLError(body);
    const code = first && callersCode(first);
    if (first && code) return new GraphQLError(first.message, { extensions: { code, serviceName: this.subgraph } });
    const retryable = first?.extensions?.code;
    if (first && typeof retryable === 'string' && RETRYABLE_CODES.has(retryable)) {
      return new GraphQLError(first.message, { extensions: { code: retryable, serviceName: this.subgraph, retryable: true } });
    }
    this.log.warn({ subgraph: this.subgraph, status: answer.status, body }, 'subgraph answered with an error status');
    return subgraphUnavailable(this.subgraph, `answered HTTP ${answer.status}`);
  }

  private explain(error: unknown, options: ProcessOptions): unknown {
    if (error instanceof GraphQLError) return error;
    const requestId = fromCaller(options) ? options.context.requestId : undefined;
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
 * The headers of one subgraph call: those the planner set (Apollo's trace request, when on), then the
 * caller's credentials, purpose, request id and rate-limit state. Nothing else a client sent reaches a
 * subgraph — in particular not its own `peacegraph-rate-limit`, which the gateway alone sets.
 */
function headersFor(options: ProcessOptions): Record<string, string> {
  const headers = plannedHeaders(options.request.http?.headers);
  return fromCaller(options) ? callerHeaders(headers, options.context) : headers;
}

function plannedHeaders(planned: Iterable<[string, string]> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (planned) for (const [name, value] of planned) headers[name.toLowerCase()] = value;
  headers['content-type'] = 'application/json';
  return headers;
}

/** `headers` with the caller's credentials, purpose, request id and rate-limit state. */
function callerHeaders(headers: Record<string, string>, caller: GatewayContext): Record<string, string> {
  if (caller.authorization) headers.authorization = caller.authorization;
  else delete headers.authorization;
  if (caller.purpose) headers['x-purpose'] = caller.purpose;
  headers['x-request-id'] = caller.requestId;
  if (caller.rateLimit) headers[RATE_LIMIT_HEADER] = formatRateLimitHeader(caller.rateLimit);
  else delete headers[RATE_LIMIT_HEADER];
  return headers;
}

/**
 * A read is merged only when no subgraph audits it per caller. A subgraph writes an audit row, with
 * the caller's request id and purpose, for every sensitive value it serves: a read stating a purpose
 * (X-Purpose, which callers send for sensitive reads) or naming a SENSITIVE field of the supergraph
 * (audited with or without a purpose) goes to the subgraph for each caller, so each has its own row.
 */
function mayMerge(merger: ReadMerger, query: string, headers: Record<string, string>): boolean {
  return headers['x-purpose'] === undefined && !merger.sensitive.selectedBy(query);
}

/**
 * What makes two reads the same read: the URL, the body, and every header that can change what the
 * subgraph answers — the credentials (and so the data class the caller may see), the purpose, and any
 * header not known to be harmless; the request id is left out, and the rate-limit state unless the
 * read asks for it.
 */
function keyOf(url: string, headers: Record<string, string>, body: string): string {
  let key = url;
  for (const name in headers) {
    if (NOT_IN_KEY.has(name)) continue;
    if (name === RATE_LIMIT_HEADER && !body.includes(READS_RATE_LIMIT)) continue;
    key += `\n${name}: ${headers[name]}`;
  }
  return `${key}\n\n${body}`;
}

function isJson(contentType: string | undefined): boolean {
  return (
    contentType !== undefined && (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'))
  );
}

/** An error answer's body: its JSON when it says it is JSON and parses, else its text. */
function bodyOf(answer: SubgraphAnswer): unknown {
  if (!isJson(answer.contentType)) return answer.body;
  try {
    return JSON.parse(answer.body) as unknown;
  } catch {
    return undefined;
  }
}

/** Health checks and schema loading carry no caller; only operations do. */
function fromCaller(options: ProcessOptions): options is CallerOptions {
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
