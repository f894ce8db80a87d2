import { badInput } from '@peacegraph/kit/errors';
import { isoDate } from '@peacegraph/kit/input';
import { onlyUuids, whereWithinAdminArea } from '@peacegraph/kit/sql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CaseStatus, ConflictLevel, ConflictType } from '../common/values';
import type { ConflictCaseFilter } from '../generated/resolvers';

/** What case lists and statistics filter on; dates are ISO calendar dates, inclusive. */
export interface CaseFilter {
  status?: CaseStatus | null;
  type?: ConflictType | null;
  level?: ConflictLevel | null;
  community?: string | null;
  peaceCommission?: string | null;
  country?: string | null;
  adminArea?: string | null;
  reportedFrom?: string | null;
  reportedTo?: string | null;
}

/** Adds the filter's conditions on the case table under `alias`; each one has an index leading with its column. */
export function applyCaseFilter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  filter: CaseFilter,
): SelectQueryBuilder<T> {
  if (filter.status) query.andWhere(`${alias}.status = :filterStatus`, { filterStatus: filter.status });
  if (filter.type) query.andWhere(`${alias}.type = :filterType`, { filterType: filter.type });
  if (filter.level) query.andWhere(`${alias}.level = :filterLevel`, { filterLevel: filter.level });
  if (filter.community) {
    // An id that cannot be a uuid matches nothing, rather than failing the statement.
    if (onlyUuids([filter.community]).length === 0) query.andWhere('false');
    else query.andWhere(`${alias}.community_id = :filterCommunity`, { filterCommunity: filter.community });
  }
  if (filter.peaceCommission) {
    if (onlyUuids([filter.peaceCommission]).length === 0) query.andWhere('false');
    else query.andWhere(`${alias}.peace_commission_id = :filterCommission`, { filterCommission: filter.peaceCommission });
  }
  if (filter.country) query.andWhere(`${alias}.country_code = :filterCountry`, { filterCountry: filter.country });
  if (filter.adminArea) whereWithinAdminArea(query, `${alias}.admin_pcode`, filter.adminArea, 'filterArea');
  if (filter.reportedFrom) query.andWhere(`${alias}.reported_on >= :filterFrom`, { filterFrom: filter.reportedFrom });
  if (filter.reportedTo) query.andWhere(`${alias}.reported_on <= :filterTo`, { filterTo: filter.reportedTo });
  return query;
}

/** ConflictCaseFilter as the graph sends it (dates parsed by the Date scalar), as lists and figures take it. */
export function caseFilterFrom(input: ConflictCaseFilter | null | undefined): CaseFilter {
  const filter = { ...(input ?? {}) };
  const reportedFrom = filter.reportedFrom ? isoDate(filter.reportedFrom) : null;
  const reportedTo = filter.reportedTo ? isoDate(filter.reportedTo) : null;
  if (reportedFrom && reportedTo && reportedTo < reportedFrom) {
    throw badInput('filter.reportedTo', `The period ends (${reportedTo}) before it starts (${reportedFrom})`);
  }
  return { ...filter, reportedFrom, reportedTo };
}
