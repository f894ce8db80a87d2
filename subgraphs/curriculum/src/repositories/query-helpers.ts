import { onlyUuids } from '@peacegraph/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Filters on an id column. An id that is not a UUID matches nothing (sending it to PostgreSQL would
 * fail the statement with a type error instead).
 */
export function whereId<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, id: string, parameter: string): SelectQueryBuilder<T> {
  if (onlyUuids([id]).length === 0) return query.andWhere('1 = 0');
  return query.andWhere(`${column} = :${parameter}`, { [parameter]: id });
}

/** Date range on a column, both ends included. */
export function whereBetween<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, from: string | null, to: string | null): SelectQueryBuilder<T> {
  if (from) query.andWhere(`${column} >= :from`, { from });
  if (to) query.andWhere(`${column} <= :to`, { to });
  return query;
}

/**
 * The ids of the first `:first` rows of each parent, in one statement: rows are ranked within their
 * parent by the list's own order and the first ranks kept. Lists under 50 communities thus cost one
 * statement, not 50.
 */
export function firstOfEach(table: string, partitionBy: string, orderBy: string, where: string): string {
  return `SELECT ranked.id FROM (
    SELECT ${table}.id, row_number() OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy}) AS rank
    FROM ${table} WHERE ${where}
  ) ranked WHERE ranked.rank <= :first`;
}
