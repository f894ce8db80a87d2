import { onlyUuids, PCODE_PATTERN } from '@peacegraph/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Filters on an id column; an id that is not a UUID matches nothing rather than failing the statement. */
export function whereIdIs<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, id: string, parameter: string): SelectQueryBuilder<T> {
  if (onlyUuids([id]).length === 0) return query.andWhere('1 = 0');
  return query.andWhere(`${column} = :${parameter}`, { [parameter]: id });
}

/** Date range on a column, both ends included. */
export function whereDatesBetween<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, from: string | null | undefined, to: string | null | undefined): SelectQueryBuilder<T> {
  if (from) query.andWhere(`${column} >= :from`, { from });
  if (to) query.andWhere(`${column} <= :to`, { to });
  return query;
}

/**
 * The ids of the first `:first` rows of each parent, in one statement: rows ranked within their
 * parent by the list's own order. Lists under 50 parents cost one statement, not 50.
 */
export function firstOfEachParent(from: string, partitionBy: string, orderBy: string, where: string): string {
  return `SELECT ranked.id FROM (
    SELECT row_number() OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy}) AS rank, id FROM ${from} WHERE ${where}
  ) ranked WHERE ranked.rank <= :first`;
}

/** Binds values to `$n` placeholders of a raw statement. */
export function binder(): { bind: (value: unknown) => string; params: unknown[] } {
  const params: unknown[] = [];
  return {
    params,
    bind: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** Only well-formed P-codes reach SQL (letters and digits: no LIKE wildcard). */
export function pcodesOnly(pcodes: readonly string[]): string[] {
  return pcodes.filter((p) => PCODE_PATTERN.test(p));
}

/**
 * `column` lies in the area `key` or below, for a `key` that is itself a column (a join): a range on
 * the text_pattern_ops index, which LIKE uses only for a constant. P-codes sort before '~'.
 */
export function withinAreaKey(column: string, key: string): string {
  return `(${column} ~>=~ ${key} AND ${column} ~<~ (${key} || '~'))`;
}

/** `column` lies in the area (or country) whose code is bound: a prefix. */
export function withinPrefix(column: string, prefix: string, bind: (value: unknown) => string): string {
  if (!/^[A-Z]{2}[0-9]{0,12}$/.test(prefix)) throw new Error(`Not a P-code or country: ${prefix}`);
  return `${column} LIKE ${bind(`${prefix}%`)}`;
}
