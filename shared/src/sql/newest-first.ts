import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { keysetConnection, type Connection, type KeysetOrder, type PageArgs } from './pagination';
import { firstOfEach } from './query-helpers';

/** A row partners record as having happened on a day (or at a time), with a uuid id. */
type Dated = { id: string };

/**
 * The order of a list of things that happened (sessions, plans, reports, observations): newest first
 * by their date or time, then by id so that rows of one day keep one order across pages.
 */
export function newestFirstOrder<T extends Dated>(
  alias: string,
  date: string,
  value: (row: T) => string | Date | null,
  type: 'date' | 'timestamp' = 'date',
): KeysetOrder<T> {
  return {
    direction: 'DESC',
    keys: [
      { expression: `${alias}.${date}`, type, value },
      { expression: `${alias}.id`, type: 'uuid', value: (row) => row.id },
    ],
  };
}

/**
 * A page of a filtered query, newest first (`newestFirstOrder` over the query's alias): the cursors are
 * those a `keysetConnection` with the same keys hands out, so a cursor given before still reads on.
 */
export function newestFirst<T extends Dated>(
  query: SelectQueryBuilder<ObjectLiteral>,
  date: string,
  value: (row: T) => string | Date | null,
  page: PageArgs,
  type: 'date' | 'timestamp' = 'date',
): Promise<Connection<T>> {
  return keysetConnection(query, newestFirstOrder(query.alias, date, value, type), page);
}

/** Where `latestOfEach` ranks: a table, each row's parent, its date column. */
export interface LatestOfEach {
  table: string;
  /**
   * The column naming each row's parent, or a uuid[] column listing several: a session facilitated
   * by several organisations is among the latest of each of them.
   */
  parent: string | { listedIn: string };
  date: string;
  /** The rows to rank, when not those of the parents asked (`<parent> = ANY(:ids)`): one more condition. */
  where?: string;
}

/**
 * The latest `:first` rows of each parent (community, organisation …) by date then id, newest first,
 * in one statement however many parents a loader asks about. `params` binds `:ids` and `:first` and
 * whatever `where` names.
 */
export function latestOfEach<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  { table, parent, date, where }: LatestOfEach,
  params: { ids: readonly string[]; first: number } & Record<string, unknown>,
): Promise<T[]> {
  const order = `${date} DESC, id DESC`;
  const ranked =
    typeof parent === 'string'
      ? firstOfEach(table, parent, order, where ?? `${parent} = ANY(:ids)`)
      : firstOfEach(
          `${table} CROSS JOIN LATERAL unnest(${parent.listedIn}) AS listed`,
          'listed',
          order,
          // The overlap is what the array's GIN index answers; the unnest ranks a row under each parent asked.
          where ?? `${parent.listedIn} && CAST(:ids AS uuid[]) AND listed = ANY(CAST(:ids AS uuid[]))`,
        );
  return query
    .where(`${query.alias}.id IN (${ranked})`, params)
    .orderBy(`${query.alias}.${date}`, 'DESC')
    .addOrderBy(`${query.alias}.id`, 'DESC')
    .getMany();
}
