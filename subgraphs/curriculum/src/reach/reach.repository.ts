import type { DataSource } from 'typeorm';
import { PCODE_PATTERN } from '@peacegraph/kit/server';
import { onlyUuids } from '@peacegraph/kit/sql';
import type { AudienceCounts, Headcount } from '../common/headcount';

export type ReachGrouping = 'COUNTRY' | 'REGION' | 'ADMIN_AREA' | 'YEAR' | 'QUARTER' | 'MONTH';

export interface ReachFilter {
  country?: string | null;
  adminArea?: string | null;
  community?: string | null;
  module?: string | null;
  organisation?: string | null;
  from?: string | null;
  to?: string | null;
}

/** One group's figures from one statement; `own` is true when the viewer's organisation owns every cohort counted. */
interface Grouped {
  key: string;
  own: boolean;
}
export type CountRow = Grouped & { count: number; makeUps: number };
export type HeadcountRow = Grouped & Headcount & Partial<AudienceCounts>;

const HEADCOUNT_SUMS = (prefix: string, table: string) =>
  ['female_children', 'female_youth', 'female_adults', 'male_children', 'male_youth', 'male_adults']
    .map((cell) => `sum(${table}.${prefix}_${cell})::int AS "${cell.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}"`)
    .join(', ');

const AUDIENCE_SUMS = ['men', 'women', 'adolescents_and_children', 'cmc_members', 'religious_leaders']
  .map((a) => `sum(c.enrolled_${a})::int AS "${a.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}"`)
  .join(', ');

/** SQL with numbered parameters, built clause by clause. */
class Statement {
  readonly params: unknown[] = [];
  readonly where: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/**
 * The curriculum's aggregates, each one grouped statement over the cohorts a filter selects. Each
 * figure is counted on its own date (completion, delivery, start, mobilisation); place filters and
 * groups are the cohort's.
 */
export class ReachRepository {
  constructor(private readonly dataSource: DataSource) {}

  cohortsCompleted(filter: ReachFilter, groupBy: ReachGrouping | null, viewerOrg: string): Promise<CountRow[]> {
    return this.grouped(filter, groupBy, viewerOrg, 'c.completed_on', `count(*)::int AS count, 0 AS "makeUps"`, 'cohort c', [
      `c.status = 'COMPLETED'`,
    ]);
  }

  sessionsDelivered(filter: ReachFilter, groupBy: ReachGrouping | null, viewerOrg: string): Promise<CountRow[]> {
    return this.grouped(
      filter,
      groupBy,
      viewerOrg,
      'd.delivered_on',
      `(count(*) FILTER (WHERE NOT d.make_up))::int AS count, (count(*) FILTER (WHERE d.make_up))::int AS "makeUps"`,
      'session_delivery d JOIN cohort c ON c.id = d.cohort_id',
    );
  }

  participantsReached(filter: ReachFilter, groupBy: ReachGrouping | null, viewerOrg: string): Promise<HeadcountRow[]> {
    return this.grouped(filter, groupBy, viewerOrg, 'c.started_on', `${HEADCOUNT_SUMS('enrolled', 'c')}, ${AUDIENCE_SUMS}`, 'cohort c', [
      'c.started_on IS NOT NULL',
    ]);
  }

  reachedByMobilisation(filter: ReachFilter, groupBy: ReachGrouping | null, viewerOrg: string): Promise<HeadcountRow[]> {
    return this.grouped(
      filter,
      groupBy,
      viewerOrg,
      'm.held_on',
      HEADCOUNT_SUMS('reached', 'm'),
      'social_mobilisation m JOIN cohort c ON c.id = m.cohort_id',
    );
  }

  private async grouped<R>(
    filter: ReachFilter,
    groupBy: ReachGrouping | null,
    viewerOrg: string,
    dateColumn: string,
    figures: string,
    from: string,
    conditions: string[] = [],
  ): Promise<R[]> {
    const statement = new Statement();
    statement.where.push(...conditions);
    if (filter.country) statement.where.push(`c.country_code = ${statement.param(filter.country)}`);
    if (filter.adminArea) {
      // The scalar already checked the P-code; letters and digits cannot carry LIKE wildcards.
      if (!PCODE_PATTERN.test(filter.adminArea)) throw new Error(`Not a P-code: ${filter.adminArea}`);
      statement.where.push(`c.admin_pcode LIKE ${statement.param(`${filter.adminArea}%`)}`);
    }
    for (const [column, id] of [
      ['c.community_id', filter.community],
      ['c.module_id', filter.module],
      ['c.owner_org', filter.organisation],
    ] as const) {
      if (!id) continue;
      statement.where.push(onlyUuids([id]).length ? `${column} = ${statement.param(id)}` : 'false');
    }
    if (filter.from) statement.where.push(`${dateColumn} >= ${statement.param(filter.from)}`);
    if (filter.to) statement.where.push(`${dateColumn} <= ${statement.param(filter.to)}`);
    const key = keyOf(groupBy, dateColumn);
    const own = `coalesce(bool_and(c.owner_org = ${statement.param(viewerOrg)}), true) AS own`;
    return this.dataSource.query(
      `SELECT ${key} AS key, ${own}, ${figures}
       FROM ${from}
       ${statement.where.length ? `WHERE ${statement.where.join(' AND ')}` : ''}
       GROUP BY 1 ORDER BY 1`,
      statement.params,
    );
  }
}

function keyOf(groupBy: ReachGrouping | null, dateColumn: string): string {
  switch (groupBy) {
    case 'COUNTRY':
      return 'c.country_code::text';
    case 'REGION':
      return 'c.region_pcode';
    case 'ADMIN_AREA':
      return 'c.admin_pcode';
    case 'YEAR':
      return `to_char(${dateColumn}, 'YYYY')`;
    case 'QUARTER':
      return `to_char(${dateColumn}, 'YYYY-"Q"Q')`;
    case 'MONTH':
      return `to_char(${dateColumn}, 'YYYY-MM')`;
    case null:
      return `'all'`;
  }
}
