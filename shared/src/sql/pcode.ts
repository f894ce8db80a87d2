import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PCODE_PATTERN } from '../server/scalars';

/**
 * Restricts a query to one admin area and everything under it. OCHA P-codes are hierarchical (a
 * child's P-code starts with its parent's), so every subgraph can do this from the P-code it stores,
 * without a copy of the directory's tables; a `text_pattern_ops` index on the column serves it.
 */
export function whereWithinAdminArea<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  pcode: string,
  parameter = 'withinPcode',
): SelectQueryBuilder<T> {
  // The pattern admits only letters and digits, so the value cannot carry LIKE wildcards.
  if (!PCODE_PATTERN.test(pcode)) throw new Error(`Not a P-code: ${pcode}`);
  return query.andWhere(`${column} LIKE :${parameter}`, { [parameter]: `${pcode}%` });
}

/**
 * A record that lists several areas (a corridor crossing them, a programme covering them) is found
 * "in this area or below" through a stored array of every prefix of its P-codes, GIN-indexed:
 * `area_keys @> ARRAY['BF56']` is an index lookup, where LIKE over unnest() of the list reads every
 * row. Every prefix, not only real parents, keeps the answer the same as LIKE 'BF56%' on each P-code
 * (levels have different widths in different countries); the extra keys cost a few bytes a row.
 */
export const PCODE_PREFIXES_SQL = `CREATE FUNCTION pcode_prefixes(pcodes text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT left(p, n)), '{}') FROM unnest(pcodes) AS p, generate_series(2, length(p)) AS n $$`;
