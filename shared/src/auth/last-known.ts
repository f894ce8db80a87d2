/**
 * Answers remembered from a source that can go away (the directory, for every other service), so that
 * verifying callers does not stop when the source does, within bounds that are written down:
 *
 * - younger than `freshMs`: served as is;
 * - older: the source is asked again. With `revalidate: 'background'` the caller gets the remembered
 *   answer at once and the refresh runs behind it (stale-while-revalidate); with `'first'` the caller
 *   waits for the new answer (for API keys: a revocation must be seen within `freshMs`);
 * - the source cannot answer: a remembered answer younger than `maxStaleMs` is served; an older one, or
 *   none, is a failure the caller can retry (`unavailable`). Only `keepWhenStale` answers are ever
 *   served stale, and refusals ("this key is unknown") are remembered apart: a flood of invented keys
 *   cannot push the real ones out of memory.
 *
 * One load per key is in flight at a time, however many callers wait for it. After the source fails,
 * callers stop waiting for it for `retryMs` (they get the remembered answer at once), and each key is
 * tried again at most once per `retryMs`: a dead directory costs neither latency nor a storm of calls.
 */
export interface Windows {
  freshMs: number;
  maxStaleMs: number;
  retryMs: number;
  revalidate: 'background' | 'first';
}

interface Entry<T> {
  value: T;
  /** When the source last confirmed this answer. */
  at: number;
  /** When the source last failed to confirm it: no background retry before `retryMs` after. */
  failedAt?: number;
}

/**
 * `key` names the answer in memory; `input` is what the source is asked with (for an API key: the
 * key itself, remembered under its hash only).
 */
export class LastKnownAnswers<T, I = string> {
  /** Answers that may be served stale (an organisation exists, a key's identity), oldest first. */
  private readonly kept = new Map<string, Entry<T>>();
  /** Refusals (unknown organisation or key), served while fresh only, in a map of their own. */
  private readonly refused = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, Promise<T>>();
  private sourceDownUntil = 0;

  constructor(
    private readonly windows: Windows,
    private readonly load: (input: I) => Promise<T>,
    private readonly options: {
      keepWhenStale: (value: T) => boolean;
      unavailable: () => Error;
      now?: () => number;
      /** Most answers remembered in each of the two maps. */
      maxEntries?: number;
      /** Told when the source stops or starts answering again (once per change, not per call). */
      onSourceChange?: (up: boolean, error?: unknown) => void;
    },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async get(key: string, input: I): Promise<T> {
    const now = this.now();
    const refusal = this.refused.get(key);
    if (refusal && now - refusal.at < this.windows.freshMs) return refusal.value;
    const entry = this.kept.get(key);
    const age = entry ? now - entry.at : Infinity;
    if (entry && age < this.windows.freshMs) return entry.value;

    const usable = entry !== undefined && age < this.windows.maxStaleMs;
    if (usable && (this.windows.revalidate === 'background' || now < this.sourceDownUntil)) {
      this.refreshInBackground(key, input, entry);
      return entry.value;
    }
    try {
      return await this.refresh(key, input);
    } catch (error) {
      // Read again: a refresh that finished while we waited may have brought a newer answer.
      const latest = this.kept.get(key);
      if (latest && this.now() - latest.at < this.windows.maxStaleMs) return latest.value;
      throw error;
    }
  }

  /** How many answers are remembered, refusals included (for tests and metrics). */
  get size(): number {
    return this.kept.size + this.refused.size;
  }

  private refreshInBackground(key: string, input: I, entry: Entry<T>): void {
    if (this.loading.has(key)) return;
    if (entry.failedAt !== undefined && this.now() - entry.failedAt < this.windows.retryMs) return;
    this.refresh(key, input).catch(() => {
      // Recorded on the entry: the remembered answer keeps serving until maxStaleMs.
    });
  }

  private refresh(key: string, input: I): Promise<T> {
    const running = this.loading.get(key);
    if (running) return running;
    const attempt = this.load(input).then(
      (value) => {
        this.remember(key, value);
        this.sourceAnswered();
        return value;
      },
      (error: unknown) => {
        const entry = this.kept.get(key);
        if (entry) entry.failedAt = this.now();
        this.sourceFailed(error);
        throw this.options.unavailable();
      },
    );
    const tracked = attempt.finally(() => this.loading.delete(key));
    // A background refresh has no one awaiting it; its failure is recorded above, not unhandled.
    tracked.catch(() => {});
    this.loading.set(key, tracked);
    return tracked;
  }

  private remember(key: string, value: T): void {
    const keep = this.options.keepWhenStale(value);
    const into = keep ? this.kept : this.refused;
    // A key revoked (or an organisation removed) is no longer served from the other map.
    (keep ? this.refused : this.kept).delete(key);
    into.delete(key);
    into.set(key, { value, at: this.now() });
    const max = this.options.maxEntries ?? 10_000;
    // Maps iterate in insertion order, and an answer is re-inserted when confirmed: the first is the oldest.
    while (into.size > max) into.delete(into.keys().next().value as string);
  }

  private sourceAnswered(): void {
    if (this.sourceDownUntil !== 0) {
      this.sourceDownUntil = 0;
      this.options.onSourceChange?.(true);
    }
  }

  private sourceFailed(error: unknown): void {
    if (this.sourceDownUntil === 0) this.options.onSourceChange?.(false, error);
    this.sourceDownUntil = this.now() + this.windows.retryMs;
  }
}
