import type { DataSource } from 'typeorm';

/** Answers kept per process; past it the least recently used goes. A search page is a few kB, a series or a country's participation some 100 kB: tens of MB at most. */
export const READ_CACHE_ENTRIES = 256;

/**
 * Answers that are the same for every caller who sends the same key — search pages and participation
 * figures (the key names the caller's organisation: its drafts, its forums counted exactly) and
 * implementation series (PUBLIC, drafts never counted) — kept while the forums' read generation
 * (migrations ReadGeneration and ParticipationGeneration) stays the same.
 *
 * Invalidation: every transaction that writes a table these answers read raises the generation in the
 * same transaction, and each request reads the committed generation before it looks here; an answer is
 * stored under the generation read before it was computed, so it may be newer than its key but never
 * older. A caller who wrote and then reads sees at least its write's generation: nothing older is
 * served. Another replica reads the same counter. Identical requests that arrive together share one
 * computation (the entry is its promise); a failure is not kept.
 */
export class ReadCache {
  private generationHeld = -1n;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly capacity = READ_CACHE_ENTRIES,
  ) {}

  /** The committed generation: read once per request, before anything it keys. */
  async generation(): Promise<bigint> {
    const rows = (await this.dataSource.query(`SELECT generation::text AS generation FROM forums_read_generation`)) as {
      generation: string;
    }[];
    return BigInt(rows[0]!.generation);
  }

  /** The answer for `key` at `generation`, computed once. An older generation than one already seen is computed and not kept. */
  get<T>(generation: bigint, key: string, compute: () => Promise<T>): Promise<T> {
    if (generation < this.generationHeld) return compute();
    if (generation > this.generationHeld) {
      this.entries.clear();
      this.generationHeld = generation;
    }
    const held = this.entries.get(key) as Promise<T> | undefined;
    if (held) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, held);
      return held;
    }
    const answer = compute();
    this.entries.set(key, answer);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    answer.catch(() => {
      if (this.entries.get(key) === answer) this.entries.delete(key);
    });
    return answer;
  }

  /** Answers held now (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
