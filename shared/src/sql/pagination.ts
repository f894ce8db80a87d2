import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/errors';
import { decodeCursor, encodeCursor, type CursorKey, type CursorList } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A function, so the COUNT statement runs only when the client asks for totalCount. */
  totalCount: () => Promise<number>;
}

/**
 * The order of a list, as SQL expressions with what they hold and the matching values read from a row.
 * The last key must be unique (usually the id) so that every row has exactly one position. Types let a
 * cursor's values be checked before PostgreSQL sees them.
 */
export interface KeysetOrder<T> {
  keys: (CursorKey & { value: (node: T) => string | number | Date | null })[];
  direction?: 'ASC' | 'DESC';
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/**
 * Keyset ("seek") pagination over a filtered query: no OFFSET, so page 500 costs what page 1 costs,
 * and rows inserted meanwhile neither repeat nor vanish between pages.
 */
export async function keysetConnection<T extends ObjectLiteral>(
  query: SelectQueryBuilder<ObjectLiteral>,
  order: KeysetOrder<T>,
  args: PageArgs,
  /** `raw`: the query selects plain columns from a table with no entity (e.g. audit_log). */
  options: { raw?: boolean } = {},
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const direction = order.direction ?? 'ASC';
  const list: CursorList = { table: tableOf(query), keys: order.keys, direction };
  const counted = query.clone();
  const page = query.clone();

  if (args.after !== null && args.after !== undefined) {
    const values = decodeCursor(list, args.after, 'after');
    const params = Object.fromEntries(values.map((v, i) => [`__keyset${i}`, v]));
    const left = order.keys.map((k) => k.expression).join(', ');
    const right = values.map((_, i) => `:__keyset${i}`).join(', ');
    page.andWhere(`(${left}) ${direction === 'ASC' ? '>' : '<'} (${right})`, params);
  }
  order.keys.forEach((key, i) => {
    if (i === 0) page.orderBy(key.expression, direction);
    else page.addOrderBy(key.expression, direction);
  });
  const rows: T[] =
    first === 0 ? [] : options.raw ? await page.limit(first + 1).getRawMany<T>() : ((await page.limit(first + 1).getMany()) as T[]);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor(
      list,
      order.keys.map((k) => k.value(node)),
    ),
  }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () =>
      (total ??= options.raw
        ? counted
            .select('count(*)::int', 'n')
            .getRawOne<{ n: number }>()
            .then((row) => row?.n ?? 0)
        : counted.getCount()),
  };
}

/** The table a list reads (its entity's, or the one named in `from` for raw queries): part of its cursors' identity. */
function tableOf(query: SelectQueryBuilder<ObjectLiteral>): string {
  const main = query.expressionMap.mainAlias;
  if (!main) return '';
  return main.hasMetadata ? main.metadata.tablePath : (main.tablePath ?? main.name);
}
