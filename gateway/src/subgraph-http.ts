import { Pool, type Dispatcher } from 'undici';

/** A subgraph's raw answer: what the data source needs to judge it, the body still unparsed. */
export interface SubgraphAnswer {
  status: number;
  contentType: string | undefined;
  cacheControl: string | undefined;
  /** The answer's entity tag, when the subgraph gives one (a kept answer: kit kept-answers.ts). */
  etag: string | undefined;
  /** The body as text (UTF-8): each caller parses its own copy from it. */
  body: string;
}

/** One call to a subgraph, under way: `answer` settles once; `abort` closes its connection. */
export interface SubgraphCall {
  answer: Promise<SubgraphAnswer>;
  abort: (reason: Error) => void;
}

/** The name the data source knows a timeout by, as `AbortSignal.timeout` named it before. */
export class SubgraphTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** undici's own timeout codes: waiting for a connection, for the answer's headers, between two pieces of its body. */
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * The gateway's HTTP client to one subgraph: a pool of keep-alive connections (undici), so a call is
 * a write on a connection already open, not a `fetch` with its streams, Request and Response objects,
 * and abort signals. The timeout is undici's own, per phase — connecting, waiting for the headers,
 * waiting for each piece of the body — each at most `timeoutMs`; its timers are shared, not one per
 * call. A call is aborted by closing its connection, which the subgraph sees (the kit then cancels
 * the SQL running for it).
 */
export class SubgraphHttp {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(url: string, timeoutMs: number) {
    const target = new URL(url);
    this.path = `${target.pathname}${target.search}`;
    this.pool = new Pool(target.origin, {
      connectTimeout: timeoutMs,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  post(headers: Record<string, string>, body: string): SubgraphCall {
    const handler = new AnswerCollector();
    this.pool.dispatch({ path: this.path, method: 'POST', headers, body }, handler);
    return { answer: handler.answer, abort: (reason) => handler.abort(reason) };
  }

  /** Closes every connection, waiting for none: calls still under way fail. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** Collects one answer from undici's low-level handler calls; the text is decoded once, at the end. */
class AnswerCollector implements Dispatcher.DispatchHandler {
  readonly answer: Promise<SubgraphAnswer>;
  private resolve!: (answer: SubgraphAnswer) => void;
  private reject!: (error: Error) => void;
  private controller: Dispatcher.DispatchController | undefined;
  private abortedWith: Error | undefined;
  private status = 0;
  private contentType: string | undefined;
  private cacheControl: string | undefined;
  private etag: string | undefined;
  private chunks: Buffer[] = [];

  constructor() {
    this.answer = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // The caller may never read a failed answer it gave up on.
    this.answer.catch(() => undefined);
  }

  abort(reason: Error): void {
    if (this.abortedWith) return;
    this.abortedWith = reason;
    // Before the request started there is no controller yet: onRequestStart aborts it then.
    this.controller?.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortedWith) controller.abort(this.abortedWith);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    this.contentType = single(headers['content-type']);
    this.cacheControl = single(headers['cache-control']);
    this.etag = single(headers.etag);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    const body = this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    this.chunks = [];
    this.resolve({ status: this.status, contentType: this.contentType, cacheControl: this.cacheControl, etag: this.etag, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.chunks = [];
    const code = (error as { code?: unknown }).code;
    this.reject(typeof code === 'string' && TIMEOUT_CODES.has(code) ? new SubgraphTimeoutError(error.message) : error);
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * One client per subgraph URL for the gateway's life: a new supergraph (file or registry) builds new
 * data sources, which keep using the connections already open.
 */
export class SubgraphClients {
  private readonly byUrl = new Map<string, SubgraphHttp>();

  constructor(private readonly timeoutMs: number) {}

  for(url: string): SubgraphHttp {
    let client = this.byUrl.get(url);
    if (!client) {
      client = new SubgraphHttp(url, this.timeoutMs);
      this.byUrl.set(url, client);
    }
    return client;
  }

  async close(): Promise<void> {
    const clients = [...this.byUrl.values()];
    this.byUrl.clear();
    await Promise.all(clients.map((client) => client.close()));
  }
}
