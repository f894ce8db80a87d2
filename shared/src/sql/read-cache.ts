/** An answer with the version of the data it was computed from (read in the same snapshot); null: do not keep it. */
export interface Versioned<T> {
  version: bigint | null;
  answer: T;
}

/**
 * Answers kept by a process while a version counter stays where it was: the architecture's generation
 * rule (docs/ARCHITECTURE.md, Performance). The counter is one row that a trigger on every table the
 * answers read raises inside the writing transaction; this class only ever reads it.
 *
 * Why it is never stale: everything kept is at least as new as `newest`, the highest version this
 * process has seen committed. An answer is computed after that version was seen, so its statements see
 * at least that data; when a higher version is seen (read by a request, or reported by a computation)
 * everything kept is dropped. A request that read version v is answered with data at least as new as v:
 * newer than its read perhaps, older never. A caller who wrote sees its write at its next read, and
 * every replica reads the same counter.
 *
 * What that needs of every `compute`: it reads only from the database, in statements of its own issued
 * when it runs — never request-scoped state (a request's DataLoaders, anything cached or read earlier in
 * the request). Such state may predate a write that committed before the version was read, and the
 * answer would then be kept, and given to every later request, under a version newer than its data.
 *
 * What the key holds is the caller's business: everything the answer depends on, the viewer's
 * organisation included wherever its class or its exactness depends on who asks — nothing one viewer
 * may see reaches another through a key that does not name them.
 *
 * Bounded (least recently used out first); identical requests that arrive together share one
 * computation (a kept entry is its promise), unless one of them read a version newer than any seen when
 * the computation started (it may be older: that request computes its own); a failure is not kept (the
 * next request computes again).
 */
export class ReadCache {
  private newest = -1n;
  private readonly entries = new Map<string, Promise<unknown>>();
  private readonly readVersion: () => Promise<bigint>;
  private readonly capacity: number;

  /** `version` reads the committed counter (one statement); `entries`: at most that many answers kept. */
  constructor(options: { version: () => Promise<bigint>; entries: number }) {
    if (!Number.isInteger(options.entries) || options.entries < 1)
      throw new Error(`A read cache keeps at least one answer, not ${options.entries}`);
    this.readVersion = options.version;
    this.capacity = options.entries;
  }

  /** The committed version: read once per request, before anything it looks up with `get`. */
  async version(): Promise<bigint> {
    const version = await this.readVersion();
    this.advanceTo(version);
    return version;
  }

  /**
   * The answer for `key` for a request that read `version` (from `version()`) before: kept, in flight or
   * computed now. Several lookups of one request can share one read of the version.
   */
  get<T>(version: bigint, key: string, compute: () => Promise<T>): Promise<T> {
    this.advanceTo(version);
    return (this.use(key) as Promise<T> | undefined) ?? this.keep(key, compute());
  }

  /**
   * The answer for `key`, where the computation reads the version in the same statement (one snapshot)
   * as its answer and returns both: a miss costs no separate read, and the answer is kept under the
   * version it truly reflects. The version is read first only when something is held for `key`.
   */
  async getVersioned<T>(key: string, compute: () => Promise<Versioned<T>>): Promise<T> {
    if (this.entries.has(key)) {
      await this.version();
      const held = this.use(key) as Promise<T> | undefined;
      if (held) return held;
    }
    const entry: Promise<T> = compute().then(({ version, answer }) => {
      if (this.entries.get(key) === entry) {
        // Still kept, so computed after `newest` was seen: its version is at least that.
        if (version === null) this.entries.delete(key);
        else if (version > this.newest) {
          this.advanceTo(version);
          this.entries.set(key, entry);
        }
      }
      return answer;
    });
    return this.keep(key, entry);
  }

  /** Answers kept or in flight now (for tests and logs). */
  get size(): number {
    return this.entries.size;
  }

  /** A version above any seen: what is kept may be older than it, so it all goes. */
  private advanceTo(version: bigint): void {
    if (version <= this.newest) return;
    this.entries.clear();
    this.newest = version;
  }

  private use(key: string): Promise<unknown> | undefined {
    const held = this.entries.get(key);
    if (held) {
      // Most recently used last: a Map keeps insertion order, so the first key is the one to let go.
      this.entries.delete(key);
      this.entries.set(key, held);
    }
    return held;
  }

  private keep<T>(key: string, answer: Promise<T>): Promise<T> {
    this.entries.delete(key);
    this.entries.set(key, answer);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    answer.catch(() => {
      if (this.entries.get(key) === answer) this.entries.delete(key);
    });
    return answer;
  }
}
