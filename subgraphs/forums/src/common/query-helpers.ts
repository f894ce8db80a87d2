import { onlyUuids, whereWithinAdminArea } from '@peacegraph/kit/sql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Published records are anyone's; a draft (an unpublished declaration, recommendation or testimony) is
 * its owner's only. `viewerOrg` is null for anonymous callers.
 */
export function whereVisible<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  viewerOrg: string | null,
): SelectQueryBuilder<T> {
  if (!viewerOrg) return query.andWhere(`${alias}.published_on IS NOT NULL`);
  return query.andWhere(`(${alias}.published_on IS NOT NULL OR ${alias}.owner_org = :visibleTo)`, { visibleTo: viewerOrg });
}

/** `column = id`, or nothing at all when the id cannot be a uuid (rather than a failed statement). */
export function whereId<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  id: string | null | undefined,
  parameter: string,
): SelectQueryBuilder<T> {
  if (!id) return query;
  if (onlyUuids([id]).length === 0) return query.andWhere('false');
  return query.andWhere(`${column} = :${parameter}`, { [parameter]: id });
}

/** Where the record's forum was held: host country, and the venue's area and everything under it. */
export interface ForumPlaceFilter {
  country?: string | null;
  adminArea?: string | null;
}

export function whereForumPlace<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  filter: ForumPlaceFilter,
): SelectQueryBuilder<T> {
  if (!filter.country && !filter.adminArea) return query;
  const forums = query.subQuery().select('fp.id').from('forum', 'fp');
  if (filter.country) forums.andWhere('fp.country_code = :placeCountry');
  if (filter.adminArea) whereWithinAdminArea(forums, 'fp.admin_pcode', filter.adminArea, 'placeArea');
  query.andWhere(`${column} IN ${forums.getQuery()}`);
  if (filter.country) query.setParameter('placeCountry', filter.country);
  if (filter.adminArea) query.setParameter('placeArea', `${filter.adminArea}%`);
  return query;
}

/**
 * The first `first` ids per parent in one statement: `ranked` selects `id` and `n`, a row_number over
 * each parent's rows in list order. The caller wraps it as `alias.id IN (…)`.
 */
export function firstPerParent(ranked: string): string {
  return `(SELECT ranked.id FROM (${ranked}) ranked WHERE ranked.n <= :perParent)`;
}

/**
 * Per P-code prefix, rows of the area and everything under it: `LIKE prefix || '%'` alone cannot use
 * an index (its pattern is no constant), so the same prefix as a byte range (P-codes are letters and
 * digits, all below '[') reads only its slice of the text_pattern_ops index; LIKE stays the exact test.
 */
export function prefixJoin(column: string, prefix: string): string {
  return `${column} ~>=~ ${prefix} AND ${column} ~<~ (${prefix} || '[') AND ${column} LIKE ${prefix} || '%'`;
}
