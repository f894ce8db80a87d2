import { SensitiveFields } from './sensitive-fields';
import type { SubgraphAnswer, SubgraphCall } from './subgraph-http';

/** Why a waiter stopped waiting: its caller left. Named like fetch's abort, which the data source knows. */
export class CallerLeftError extends Error {
  override name = 'AbortError';
  constructor() {
    super('The caller left before the subgraph answered');
  }
}

interface SharedCall {
  call: SubgraphCall;
  /** Callers still waiting for this answer; when the last one leaves, the call is aborted. */
  waiting: number;
  /** Takes the call out of the map, so that no later read joins it. */
  forget: () => void;
}

const NOTHING_TO_FORGET = () => undefined;

/**
 * Merging of identical subgraph reads in flight (README, "Merging identical reads"): a read whose key
 * — URL, body and every header that can change the answer, made by the data source — matches one
 * already sent waits for that one's answer instead of sending another. Nothing outlives the answer:
 * the entry goes the moment the answer (or its failure) arrives, so this is no cache.
 *
 * A write sent through this gateway must never be followed by a read that shows the state before it.
 * Every mutation moves the generation on when it is sent and again when its answer arrives, and a
 * read joins only a read of its own generation: one sent before the write, or while it ran, is never
 * joined by one sent after the writer saw its answer.
 */
export class ReadMerger {
  private generation = 0;
  private readonly inFlight = new Map<string, SharedCall>();
  /** Reads that joined one in flight instead of calling the subgraph, since the start. */
  merged = 0;
  /** The supergraph's SENSITIVE fields: a read of one is never merged (its caller needs its own audit row). */
  readonly sensitive = new SensitiveFields();

  constructor(readonly enabled: boolean) {}

  /** Around every mutation (and anything else that is not a plain read): no read of before it is joined after. */
  async writing<T>(send: () => Promise<T>): Promise<T> {
    this.generation += 1;
    try {
      return await send();
    } finally {
      this.generation += 1;
    }
  }

  /**
   * The answer to a read with this key: the one in flight, or a new call made by `send`; without a
   * key (a write), always a new call. `signal` is the caller's: when it aborts, this caller stops
   * waiting (CallerLeftError), and the call is aborted once no caller waits for it.
   */
  read(key: string | undefined, send: () => SubgraphCall, signal: AbortSignal | undefined): Promise<SubgraphAnswer> {
    if (!this.enabled || key === undefined) return this.waitFor({ call: send(), waiting: 1, forget: NOTHING_TO_FORGET }, signal);
    const fullKey = `${this.generation}\n${key}`;
    const existing = this.inFlight.get(fullKey);
    if (existing) {
      existing.waiting += 1;
      this.merged += 1;
      return this.waitFor(existing, signal);
    }
    const shared: SharedCall = {
      call: send(),
      waiting: 1,
      forget: () => {
        if (this.inFlight.get(fullKey) === shared) this.inFlight.delete(fullKey);
      },
    };
    this.inFlight.set(fullKey, shared);
    shared.call.answer.then(shared.forget, shared.forget);
    return this.waitFor(shared, signal);
  }

  /** Reads in flight now, for tests and diagnostics. */
  get size(): number {
    return this.inFlight.size;
  }

  private waitFor(shared: SharedCall, signal: AbortSignal | undefined): Promise<SubgraphAnswer> {
    if (!signal) return shared.call.answer;
    if (signal.aborted) return this.leave(shared);
    return new Promise<SubgraphAnswer>((resolve, reject) => {
      const onAbort = () => {
        this.leave(shared).catch(reject);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.call.answer.then(
        (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error as Error);
        },
      );
    });
  }

  /** This caller no longer waits; the last one to leave takes the call with it. */
  private leave(shared: SharedCall): Promise<never> {
    shared.waiting -= 1;
    if (shared.waiting === 0) {
      // Gone from the map first: a read arriving now sends its own call rather than join an aborted one.
      shared.forget();
      shared.call.abort(new CallerLeftError());
    }
    return Promise.reject(new CallerLeftError());
  }
}
