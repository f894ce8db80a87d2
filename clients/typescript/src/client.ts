import { createHash } from 'node:crypto';
import { ClientErrorCode, PeaceGraphError, type GraphQLErrorJson } from './errors';

/**
 * A query or mutation text that carries its result and variables types, so `request` and `paginate`
 * infer them: `const Q = graphql<{ viewer: Viewer | null }>('{ viewer { kind } }')`.
 */
export type TypedDocument<TData, TVariables> = string & { readonly __types?: (variables: TVariables) => TData };
export type Variables = Record<string, unknown>;

export function graphql<TData, TVariables extends Variables = Record<string, never>>(text: string): TypedDocument<TData, TVariables> {
  return text as TypedDocument<TData, TVariables>;
}

export interface RetryOptions {
  /** Attempts in all, the first included (default 4: three retries). 1 turns retries off. */
  attempts?: number;
  /** The first pause; each next one doubles (default 1000 ms: 1 s, 2 s, 4 s …). */
  baseDelayMs?: number;
  /** The longest pause; a Retry-After asking for longer ends the retries (default 30,000 ms). */
  maxDelayMs?: number;
  /**
   * Also retry a mutation after a retryable GraphQL error or a network failure, where it may have been
   * written: safe only when every mutation sends a `clientMutationId` (the platform then answers a retry
   * with the first result). A mutation refused whole (HTTP 429 or 503) is always retried. Default false.
   */
  mutations?: boolean;
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A JWT of the caller (sent as `Authorization: Bearer …`). */
  token?: string;
  /** An API key `pgk_…` an admin issued (sent as `Authorization: Bearer …`). */
  apiKey?: string;
  /** Why the caller reads (X-Purpose): recorded with every sensitive read; a deployment may require it. */
  purpose?: string;
  /** Who is calling, for the platform's usage data (graphql-client-name / graphql-client-version). */
  clientName: string;
  clientVersion: string;
  retry?: RetryOptions;
  /** Longest wait for one attempt (default 30,000 ms). */
  timeoutMs?: number;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  /**
   * Send each document as its id, `{"documentId": "sha256:<hex of the text>"}`, never its text: for an
   * API key held to trusted documents, whose documents are registered in the schema registry exactly
   * as written here. An unregistered one is PERSISTED_QUERY_NOT_FOUND. Default false.
   */
  persistedDocuments?: boolean;
}

/** The id a document is registered under: `sha256:` and the hex SHA-256 of its text, as written. */
export function documentIdOf(document: string): string {
  return `sha256:${createHash('sha256').update(document, 'utf8').digest('hex')}`;
}

export interface RequestOptions {
  /** The operation to run, when the document holds several. */
  operationName?: string;
  /** X-Purpose for this request only. */
  purpose?: string;
  signal?: AbortSignal;
}

/** An answer with its errors, for callers who use partial data (a field of a subgraph that is down is null). */
export interface Result<TData> {
  data: TData | null;
  errors: PeaceGraphError[];
  status: number;
  requestId: string | undefined;
}

/** A Relay connection as the platform's lists are: edges of nodes and where the page ends. */
export interface Connection<TNode> {
  edges: { node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface PeaceGraphClient {
  /** The data, or a PeaceGraphError (the first error, with all of them and any data) when there were errors. */
  request<TData, TVariables extends Variables = Variables>(
    document: TypedDocument<TData, TVariables> | string,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<TData>;
  /** The data and the errors side by side: throws only when no GraphQL answer came back. */
  execute<TData, TVariables extends Variables = Variables>(
    document: TypedDocument<TData, TVariables> | string,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<Result<TData>>;
  /**
   * Every node of a connection, page after page: asks again with `after` set to the page's
   * `pageInfo.endCursor` while `hasNextPage`. The document declares `$after: String` and passes it to
   * the list, and selects `pageInfo { hasNextPage endCursor }`; `first` is the caller's variable.
   */
  paginate<TData, TNode, TVariables extends Variables = Variables>(
    document: TypedDocument<TData, TVariables> | string,
    variables: TVariables,
    connectionOf: (data: TData) => Connection<TNode> | null | undefined,
    options?: RequestOptions,
  ): AsyncIterableIterator<TNode>;
}

const DEFAULTS = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, mutations: false };

/** What one attempt came to, for the retry decision. */
export type Attempt =
  | { kind: 'answer'; status: number; retryAfterMs: number | undefined; errors: PeaceGraphError[]; hasData: boolean }
  | { kind: 'network'; error: unknown };

/**
 * Whether to try again, and after how long (ms), or undefined to stop. `attempt` counts from 1.
 * - HTTP 429, or 503 from the platform (a GraphQL answer whose every error is retryable): the request
 *   was refused whole, nothing ran: retried, after Retry-After when given (one asking for more than
 *   `maxDelayMs` ends the retries), else after the back-off. A 503 with any other body may come from a
 *   proxy after the request went through: a mutation is then not retried without `retry.mutations`;
 * - an answer whose every error has `extensions.retryable: true` (the platform's fault), and a network
 *   failure: retried after the back-off — for a mutation only with `retry.mutations`;
 * - anything else is the caller's to fix: not retried.
 */
export function retryDelay(outcome: Attempt, attempt: number, isMutation: boolean, retry: RetryOptions = {}): number | undefined {
  const { attempts, baseDelayMs, maxDelayMs, mutations } = { ...DEFAULTS, ...retry };
  if (attempt >= attempts) return undefined;
  const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  if (outcome.kind === 'network') return isMutation && !mutations ? undefined : backoff;
  if (outcome.status === 429 || outcome.status === 503) {
    const refusedWhole =
      outcome.status === 429 || (outcome.errors.length > 0 && outcome.errors.every((e) => e.retryable) && !outcome.hasData);
    if (isMutation && !mutations && !refusedWhole) return undefined;
    if (outcome.retryAfterMs === undefined) return backoff;
    return outcome.retryAfterMs <= maxDelayMs ? outcome.retryAfterMs : undefined;
  }
  if (outcome.errors.length === 0 || !outcome.errors.every((e) => e.retryable)) return undefined;
  return isMutation && !mutations ? undefined : backoff;
}

/** Retry-After in ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Whether the operation run is a mutation (comments and strings left out). */
export function isMutation(document: string, operationName?: string): boolean {
  const text = document.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, ' ');
  const heads: string[] = [];
  let depth = 0;
  let head = '';
  for (const char of text) {
    if (char === '{') {
      if (depth === 0) heads.push(head.trim());
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) head = '';
    } else if (depth === 0) head += char;
  }
  const operations = heads
    .map((h) => /^(query|mutation|subscription|fragment)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/.exec(h) ?? [h, 'query', undefined])
    .filter((m) => m[1] !== 'fragment');
  const run = operationName === undefined ? operations[0] : operations.find((m) => m[2] === operationName);
  return run?.[1] === 'mutation';
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });

/** HTTP header values are Latin-1 text: anything else would fail every attempt, so it is refused at once. */
function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[\t\x20-\x7e\xa0-\xff]*$/.test(value)) {
      throw new TypeError(
        `The ${name} header may hold only Latin-1 characters without control characters: ${JSON.stringify(value.slice(0, 60))}`,
      );
    }
  }
}

export function createClient(options: ClientOptions): PeaceGraphClient {
  if (options.token && options.apiKey) throw new Error('createClient: give a token or an API key, not both');
  const credential = options.token ?? options.apiKey;
  const baseHeaders: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    'graphql-client-name': options.clientName,
    'graphql-client-version': options.clientVersion,
    ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    ...options.headers,
  };
  checkHeaders({ ...baseHeaders, ...(options.purpose ? { 'x-purpose': options.purpose } : {}) });
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function once(
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<Attempt & { raw?: unknown }> {
    const attemptSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(options.url, { method: 'POST', headers, body, signal: attemptSignal });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      return { kind: 'network', error };
    }
    const requestId = response.headers.get('x-request-id') ?? undefined;
    let json: { data?: unknown; errors?: GraphQLErrorJson[] } | undefined;
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      json = undefined;
    }
    const retryAfter = retryAfterMs(response.headers.get('retry-after'));
    if (!json || typeof json !== 'object' || (json.data === undefined && !Array.isArray(json.errors))) {
      const error = new PeaceGraphError(`The gateway answered HTTP ${response.status} without a GraphQL answer`, {
        code: ClientErrorCode.BAD_RESPONSE,
        status: response.status,
        requestId,
        extensions: { body: text.slice(0, 500) },
      });
      return { kind: 'answer', status: response.status, retryAfterMs: retryAfter, errors: [error], hasData: false };
    }
    const errors = (json.errors ?? []).map((e) => PeaceGraphError.fromJson(e, response.status, requestId));
    return {
      kind: 'answer',
      status: response.status,
      retryAfterMs: retryAfter,
      errors,
      hasData: json.data != null,
      raw: { json, requestId },
    };
  }

  async function execute<TData>(document: string, variables?: Variables, request: RequestOptions = {}): Promise<Result<TData>> {
    const body = JSON.stringify({
      ...(options.persistedDocuments ? { documentId: documentIdOf(document) } : { query: document }),
      variables: variables ?? {},
      ...(request.operationName ? { operationName: request.operationName } : {}),
    });
    const purpose = request.purpose ?? options.purpose;
    const headers = { ...baseHeaders, ...(purpose ? { 'x-purpose': purpose } : {}) };
    checkHeaders(headers);
    const mutation = isMutation(document, request.operationName);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await once(body, headers, request.signal);
      const delay = retryDelay(outcome, attempt, mutation, options.retry);
      if (delay === undefined) {
        if (outcome.kind === 'network') {
          const cause = outcome.error as Error;
          throw new PeaceGraphError(`No answer from ${options.url} after ${attempt} attempt(s): ${cause?.message ?? cause}`, {
            code: ClientErrorCode.NETWORK_ERROR,
            extensions: { retryable: true },
            cause,
          });
        }
        const raw = outcome.raw as { json: { data?: TData | null }; requestId?: string } | undefined;
        if (!raw) throw PeaceGraphError.of(outcome.errors, undefined);
        return { data: raw.json.data ?? null, errors: outcome.errors, status: outcome.status, requestId: raw.requestId };
      }
      await sleep(delay, request.signal);
    }
  }

  async function requestData<TData>(document: string, variables?: Variables, request?: RequestOptions): Promise<TData> {
    const result = await execute<TData>(document, variables, request);
    if (result.errors.length > 0) throw PeaceGraphError.of(result.errors, result.data);
    return result.data as TData;
  }

  async function* paginate<TData, TNode>(
    document: string,
    variables: Variables,
    connectionOf: (data: TData) => Connection<TNode> | null | undefined,
    request?: RequestOptions,
  ): AsyncIterableIterator<TNode> {
    let after: string | null | undefined = (variables.after as string | null | undefined) ?? null;
    const seen = new Set<string>();
    for (;;) {
      const data = await requestData<TData>(document, { ...variables, after }, request);
      const connection = connectionOf(data);
      if (!connection) return;
      for (const edge of connection.edges) yield edge.node;
      const { hasNextPage, endCursor } = connection.pageInfo;
      if (!hasNextPage) return;
      if (!endCursor || seen.has(endCursor)) {
        throw new PeaceGraphError('The list says it has a next page but gave no new endCursor: select pageInfo { hasNextPage endCursor }', {
          code: ClientErrorCode.BAD_RESPONSE,
        });
      }
      seen.add(endCursor);
      after = endCursor;
    }
  }

  return {
    request: requestData,
    execute,
    paginate: paginate as PeaceGraphClient['paginate'],
  } as PeaceGraphClient;
}
