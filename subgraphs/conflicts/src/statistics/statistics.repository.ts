import { onlyUuids } from '@peacegraph/kit/sql';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { STATUS_GROUPS } from '../common/values';
import { ConflictCaseSchema } from '../conflict-case/conflict-case.entity';
import { applyCaseFilter, type CaseFilter } from '../conflict-case/conflict-case.filter';
import { CaseFiguresRepository, rollupAnswers } from './case-figures.repository';

export const STATS_GROUPINGS = ['COUNTRY', 'ADMIN1', 'ADMIN2', 'TYPE', 'LEVEL', 'MONTH', 'YEAR'] as const;
export type StatsGrouping = (typeof STATS_GROUPINGS)[number];

/** Counts of one group of cases, before disclosure control. */
export interface StatsRow {
  key: string;
  reported: number;
  open: number;
  resolved: number;
  referred: number;
  unresolved: number;
  relapsed: number;
  /** Over the cases now resolved; null when none is. */
  medianDays: number | null;
  /** Cases counted that the viewer's organisation does not own: zero means exact figures. */
  notOwned: number;
}

/** Fixed SQL per grouping (never built from input). ADMIN2 puts cases known only at admin 1 under it. */
const GROUP_KEYS: Record<StatsGrouping, string> = {
  COUNTRY: 'c.country_code',
  ADMIN1: 'c.admin1_pcode',
  ADMIN2: 'coalesce(c.admin2_pcode, c.admin1_pcode)',
  TYPE: 'c.type',
  LEVEL: 'c.level',
  MONTH: "to_char(c.reported_on, 'YYYY-MM')",
  YEAR: "to_char(c.reported_on, 'YYYY')",
};

const inStatuses = (statuses: readonly string[]) => `c.status IN (${statuses.map((s) => `'${s}'`).join(', ')})`;

function selectFigures<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, viewerOrg: string | null): SelectQueryBuilder<T> {
  return (
    query
      .addSelect('count(*)::int', 'reported')
      .addSelect(`(count(*) FILTER (WHERE ${inStatuses(STATUS_GROUPS.open)}))::int`, 'open')
      .addSelect(`(count(*) FILTER (WHERE ${inStatuses(STATUS_GROUPS.resolved)}))::int`, 'resolved')
      .addSelect(`(count(*) FILTER (WHERE ${inStatuses(STATUS_GROUPS.referred)}))::int`, 'referred')
      .addSelect(`(count(*) FILTER (WHERE ${inStatuses(STATUS_GROUPS.unresolved)}))::int`, 'unresolved')
      .addSelect('(count(*) FILTER (WHERE c.ever_relapsed))::int', 'relapsed')
      // resolved_on is set exactly while a case is resolved, and percentile_cont skips nulls.
      .addSelect('percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolved_on - c.reported_on)', 'medianDays')
      .addSelect('(count(*) FILTER (WHERE c.owner_org IS DISTINCT FROM CAST(:viewerOrg AS uuid)))::int', 'notOwned')
      .setParameter('viewerOrg', viewerOrg)
  );
}

/**
 * Case counts for statistics: one statement per request, whatever the number of groups or parents.
 * The rollup (case-figures.repository.ts) answers what it can; type, level and the other filters it
 * does not keep are counted from the cases, as the tests also do to prove the rollup right.
 */
export class ConflictStatsRepository {
  private readonly figures: CaseFiguresRepository;

  constructor(private readonly dataSource: DataSource) {
    this.figures = new CaseFiguresRepository(dataSource);
  }

  /** Groups and, last, the total. */
  async grouped(filter: CaseFilter, groupBy: StatsGrouping, viewerOrg: string | null): Promise<{ groups: StatsRow[]; total: StatsRow }> {
    if (!rollupAnswers(filter, groupBy)) return this.groupedFromCases(filter, groupBy, viewerOrg);
    const rows = await this.figures.grouped(filter, groupBy, viewerOrg);
    return { groups: rows.filter((r) => r.isTotal === 0), total: rows.find((r) => r.isTotal === 1) ?? emptyStatsRow('') };
  }

  /** Per admin area, the cases of the area and everything under it (by P-code prefix). */
  forAreas(pcodes: readonly string[], filter: CaseFilter, viewerOrg: string | null): Promise<StatsRow[]> {
    if (!rollupAnswers(filter, null)) return this.forAreasFromCases(pcodes, filter, viewerOrg);
    return this.figures.forAreas(pcodes, filter, viewerOrg);
  }

  /** Groups and, last, the total, counted from the cases (GROUPING SETS: both in one pass, and the total's median is a true median). */
  async groupedFromCases(
    filter: CaseFilter,
    groupBy: StatsGrouping,
    viewerOrg: string | null,
  ): Promise<{ groups: StatsRow[]; total: StatsRow }> {
    const key = GROUP_KEYS[groupBy];
    const query = this.dataSource
      .createQueryBuilder()
      .from(ConflictCaseSchema, 'c')
      .select(key, 'key')
      .addSelect(`GROUPING(${key})`, 'isTotal');
    selectFigures(query, viewerOrg);
    applyCaseFilter(query, 'c', filter).groupBy(`GROUPING SETS ((${key}), ())`).orderBy('"isTotal"', 'ASC').addOrderBy('key', 'ASC');
    const rows = (await query.getRawMany<StatsRow & { isTotal: number }>()).map(normalise);
    const total = rows.find((r) => r.isTotal === 1)!;
    return { groups: rows.filter((r) => r.isTotal === 0), total };
  }

  /**
   * Per admin area, counted from the cases of the area and everything under it (by P-code prefix). `LIKE p.prefix
   * || '%'` alone cannot use an index (its pattern is not a constant), so a list of areas would scan
   * every case once per area; the same prefix as a byte range (P-codes are letters and digits, all
   * below '[') lets each area read only its own slice of the text_pattern_ops index. LIKE stays as the
   * exact test. At 200,000 cases, Mali's 53 admin-2 areas take about a tenth of the time (~0.1 s, not ~1 s).
   */
  forAreasFromCases(pcodes: readonly string[], filter: CaseFilter, viewerOrg: string | null): Promise<StatsRow[]> {
    if (pcodes.length === 0) return Promise.resolve([]);
    const query = this.dataSource
      .createQueryBuilder()
      .from(ConflictCaseSchema, 'c')
      .innerJoin(
        '(SELECT unnest(CAST(:prefixes AS text[])) AS prefix)',
        'p',
        "c.admin_pcode ~>=~ p.prefix AND c.admin_pcode ~<~ (p.prefix || '[') AND c.admin_pcode LIKE p.prefix || '%'",
      )
      .setParameter('prefixes', pcodes)
      .select('p.prefix', 'key');
    selectFigures(query, viewerOrg);
    return applyCaseFilter(query, 'c', filter)
      .groupBy('p.prefix')
      .getRawMany<StatsRow>()
      .then((rows) => rows.map(normalise));
  }

  /** Per community, the cases reported there. */
  forCommunities(communityIds: readonly string[], filter: CaseFilter, viewerOrg: string | null): Promise<StatsRow[]> {
    const ids = onlyUuids(communityIds);
    if (ids.length === 0) return Promise.resolve([]);
    const query = this.dataSource
      .createQueryBuilder()
      .from(ConflictCaseSchema, 'c')
      .select('c.community_id::text', 'key')
      .where('c.community_id IN (:...communityIds)', { communityIds: ids });
    selectFigures(query, viewerOrg);
    return applyCaseFilter(query, 'c', filter)
      .groupBy('c.community_id')
      .getRawMany<StatsRow>()
      .then((rows) => rows.map(normalise));
  }
}

/** PostgreSQL returns percentile_cont as double precision (a number) and GROUPING as an integer. */
function normalise<T extends StatsRow & { isTotal?: number }>(row: T): T {
  return {
    ...row,
    medianDays: row.medianDays === null ? null : Number(row.medianDays),
    isTotal: row.isTotal === undefined ? undefined : Number(row.isTotal),
  };
}

/** Counts of a parent with no case at all. */
export function emptyStatsRow(key: string): StatsRow {
  return { key, reported: 0, open: 0, resolved: 0, referred: 0, unresolved: 0, relapsed: 0, medianDays: null, notOwned: 0 };
}
