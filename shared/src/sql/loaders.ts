import DataLoader from 'dataloader';

/**
 * One row per key (or null), in the order DataLoader asked for them: `fetch` may return rows in any
 * order and may omit unknown keys.
 */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
  options: { maxBatchSize?: number } = {},
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: options.maxBatchSize ?? 1000 },
  );
}

/**
 * Every row belonging to each key (e.g. children of an admin area), in the order `fetch` returned
 * them. `keysOf` may name several keys when a row belongs to several groups (a language spoken in
 * three countries).
 */
export function groupedLoader<K extends string | number, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keysOf: (row: V) => K | readonly K[],
  options: { maxBatchSize?: number } = {},
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
      for (const row of rows) {
        const keys = keysOf(row);
        for (const key of Array.isArray(keys) ? keys : [keys as K]) groups.get(key)?.push(row);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: options.maxBatchSize ?? 1000 },
  );
}

/** Loads many keys through a loader and drops the unknown ones. */
export async function loadPresent<K, V>(loader: DataLoader<K, V | null>, keys: readonly K[]): Promise<V[]> {
  const rows = await loader.loadMany(keys);
  return rows.filter((row): row is V => row !== null && !(row instanceof Error));
}

/**
 * The row a non-null field points at, which a foreign key or the write rules guarantee: one missing is
 * the platform's fault, an internal error naming the key, where graphql-js would report the same null
 * as an internal error without saying which row.
 */
export async function loadExisting<K, V>(loader: DataLoader<K, V | null>, key: K): Promise<V> {
  const row = await loader.load(key);
  if (row === null) throw new Error(`Nothing has the key ${String(key)} that a non-null field refers to`);
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids that can exist in a uuid column. Anything else is simply not found: sending it to PostgreSQL
 * would fail the whole batch with a type error instead.
 */
export function onlyUuids(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}

/**
 * A loader per argument set, for list fields with arguments under many parents (`cohorts(first:)` under
 * 50 communities): each distinct set batches its parents into one statement.
 */
export function perArguments<A, K, V>(make: (args: A) => DataLoader<K, V>): ((args: A) => DataLoader<K, V>) & { clearAll: () => void } {
  const loaders = new Map<string, DataLoader<K, V>>();
  const get = (args: A) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(args)));
    return loader;
  };
  return Object.assign(get, { clearAll: () => loaders.clear() });
}

/**
 * One value for the whole request, whoever asks (figures of every area decided together): loaded on
 * the first call, forgotten with the other loaders after a write.
 */
export function loadedOnce<V>(load: () => Promise<V>): (() => Promise<V>) & { clearAll: () => void } {
  let loaded: Promise<V> | undefined;
  return Object.assign(() => (loaded ??= load()), { clearAll: () => (loaded = undefined) });
}
