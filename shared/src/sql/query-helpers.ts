import { onlyUuids } from './loaders';
import { PCODE_PATTERN } from '../server/scalars';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Filters on an id column. An id that is not a UUID matches nothing (sending it to PostgreSQL would
 * fail the statement with a type error instead).
 */
export function whereId<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  id: string,
  parameter: string,
): SelectQueryBuilder<T> {
  if (onlyUuids([id]).length === 0) return query.andWhere('1 = 0');
  return query.andWhere(`${column} = :${parameter}`, { [parameter]: id });
}

/** Date range on a column, both ends included. */
export function whereBetween<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  from: string | null | undefined,
  to: string | null | undefined,
): SelectQueryBuilder<T> {
  if (from) query.andWhere(`${column} >= :from`, { from });
  if (to) query.andWhere(`${column} <= :to`, { to });
  return query;
}

/**
 * The ids of the first `:first` rows of each parent, in one statement: rows are ranked within their
 * parent by the list's own order and the first ranks kept. Lists under 50 communities thus cost one
 * statement, not 50. `from` is a table, or a table with a lateral unnest of the parents it lists
 * (a session facilitated by several organisations counts for each); only the table has an `id`.
 */
export function firstOfEach(from: string, partitionBy: string, orderBy: string, where: string): string {
  return `SELECT ranked.id FROM (
    SELECT id, row_number() OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy}) AS rank
    FROM ${from} WHERE ${where}
  ) ranked WHERE ranked.rank <= :first`;
}

/** Binds a value to a placeholder: `:name` for the query builder, `$n` for a raw statement. */
export type Bind = (value: unknown) => string;

export function namedBinder(prefix: string): { bind: Bind; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  return {
    params,
    bind: (value) => {
      const key = `${prefix}${Object.keys(params).length}`;
      params[key] = value;
      return `:${key}`;
    },
  };
}

export function numberedBinder(): { bind: Bind; params: unknown[] } {
  const params: unknown[] = [];
  return {
    params,
    bind: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** `column = id`, or false for an id that cannot exist. */
export function idEquals(column: string, id: string, bind: Bind): string {
  return onlyUuids([id]).length ? `${column} = ${bind(id)}` : 'false';
}

/**
 * This admin area (or country: its P-codes start with its code) and everything under it. The scalars
 * checked the code; letters and digits carry no LIKE wildcard.
 */
export function withinArea(column: string, pcode: string, bind: Bind): string {
  return `${column} LIKE ${bind(`${areaCode(pcode)}%`)}`;
}

/**
 * A record listing several areas has one of them in this area or below: `prefixesColumn` is the
 * GIN-indexed `pcode_prefixes()` of the list (see PCODE_PREFIXES_SQL).
 */
export function listsAreaWithin(prefixesColumn: string, pcode: string, bind: Bind): string {
  return `${prefixesColumn} @> ARRAY[${bind(areaCode(pcode))}]::text[]`;
}

function areaCode(pcode: string): string {
  if (!/^[A-Z]{2}[0-9]{0,12}$/.test(pcode)) throw new Error(`Not a P-code or country code: ${pcode}`);
  return pcode;
}

/** Only well-formed P-codes reach SQL (letters and digits: no LIKE wildcard). */
export function pcodesOnly(pcodes: readonly string[]): string[] {
  return pcodes.filter((p) => PCODE_PATTERN.test(p));
}

/** Array column holding the id (a GIN index serves `@>`). */
export function holdsId(column: string, id: string, type: 'uuid' | 'text', bind: Bind): string {
  if (type === 'uuid' && onlyUuids([id]).length === 0) return 'false';
  return `${column} @> ARRAY[${bind(id)}]::${type}[]`;
}

/**
 * `column` lies in the area `key` or below, for a `key` that is itself a column or parameter (a join):
 * a range on the text_pattern_ops index instead of LIKE, which an index serves only for a constant.
 * P-codes hold letters and digits only, all sorting before '~'.
 */
export function withinAreaOf(column: string, key: string): string {
  return `(${column} ~>=~ ${key} AND ${column} ~<~ (${key} || '~'))`;
}
