import { decodeCursor, encodeCursor, type CursorList } from '@peacegraph/kit/sql';

/** Lists ordered newest first by (created_at, id): the one keyset order of versions and checks. */
export function newestFirst(table: string): CursorList {
  return {
    table,
    keys: [
      { expression: `${table}.created_at`, type: 'timestamp' },
      { expression: `${table}.id`, type: 'uuid' },
    ],
    direction: 'DESC',
  };
}

/** The WHERE condition that continues a newest-first list after a cursor, with its two values. */
export function afterCondition(list: CursorList, after: string | null, firstParameter: number): { sql: string; values: unknown[] } {
  if (!after) return { sql: 'TRUE', values: [] };
  const [at, id] = decodeCursor(list, after);
  const [a, b] = [firstParameter, firstParameter + 1];
  return { sql: `(${list.keys[0]!.expression}, ${list.keys[1]!.expression}) < ($${a}::timestamptz, $${b}::uuid)`, values: [at, id] };
}

export function pageOf<T extends { id: string; createdAt: Date }>(list: CursorList, rows: T[], first: number) {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(list, [last.createdAt, last.id]) : null },
  };
}

/** `first` bounded as every list of the platform: 1 to 100. */
export function pageSizeOf(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  return Math.min(Math.max(Math.trunc(size), 1), 100);
}
