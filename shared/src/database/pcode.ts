import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PCODE_PATTERN } from '../scalars';

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
