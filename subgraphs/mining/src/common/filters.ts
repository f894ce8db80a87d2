import { isoDate, type DateInput } from '@peacegraph/kit/input';
import { whereId, whereWithinAdminArea } from '@peacegraph/kit/sql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

type Dated<F> = Omit<F, 'from' | 'to'> & { from?: DateInput | null; to?: DateInput | null };

/** Date filters arrive as Dates from the scalar (DateInput in the generated types); lists compare SQL dates. */
export function dates<F extends object>(filter: Dated<F> | null | undefined): F {
  const { from, to, ...rest } = filter ?? ({} as Dated<F>);
  return { ...rest, from: from ? isoDate(from) : null, to: to ? isoDate(to) : null } as unknown as F;
}

/** Where a record lies, as lists filter it: its community, its country, and an admin area it is in (or below). */
export interface PlaceFilter {
  community?: string | null;
  country?: string | null;
  adminArea?: string | null;
}

/** The place filter on the record columns of `alias` (community_id, country_code, admin_pcode). */
export function wherePlace(query: SelectQueryBuilder<ObjectLiteral>, alias: string, filter: PlaceFilter): void {
  if (filter.community) whereId(query, `${alias}.community_id`, filter.community, 'community');
  if (filter.country) query.andWhere(`${alias}.country_code = :country`, { country: filter.country });
  if (filter.adminArea) whereWithinAdminArea(query, `${alias}.admin_pcode`, filter.adminArea);
}
