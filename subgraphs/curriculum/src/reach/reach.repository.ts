import type { DataSource } from 'typeorm';
import { PCODE_PATTERN } from '@peacegraph/kit/server';
import { cutAtWholeMonths, onlyUuids } from '@peacegraph/kit/sql';
import {
  AUDIENCE_FIELDS,
  emptyAudienceCounts,
  emptyHeadcount,
  HEADCOUNT_CELLS,
  type AudienceCounts,
  type Headcount,
} from '../common/headcount';
import { ENROLLED, FIGURES, REACHED } from './reach-rollup';

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

/** Every figure of one group, whichever way it was computed. */
export interface ReachRow extends Grouped {
  cohortsCompleted: number;
  sessionsDelivered: number;
  makeUpSessionsDelivered: number;
  participantsReached: Headcount;
  participantsReachedByAudience: AudienceCounts;
  peopleReachedByMobilisation: Headcount;
}

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

  /**
   * Every figure per group: from the rollups, except for one community's figures (the rollups are
   * kept per admin area, and a community's few records are quickly counted where they are).
   */
  figures(filter: ReachFilter, groupBy: ReachGrouping | null, viewerOrg: string): Promise<ReachRow[]> {
    return filter.community ? this.counted(filter, groupBy, viewerOrg) : this.fromRollup(filter, groupBy, viewerOrg);
  }

  /**
   * Every figure per group in one statement: whole months from the monthly rollup (`reach_month`, a
   * row per owner, module, admin area and month, however many records), the days a period cuts off a
   * month at either end from the daily one (`reach_day`), summed per group. Rows that count nothing
   * any more (`records = 0`) are skipped, so a group appears, and counts towards `own`, exactly when it
   * holds a record.
   */
  async fromRollup(filter: ReachFilter, groupBy: ReachGrouping | null, viewerOrg: string): Promise<ReachRow[]> {
    const statement = new Statement();
    // Both rollups have the same place and owner columns: one set of conditions serves both.
    const place = ['records > 0'];
    if (filter.country) place.push(`country_code = ${statement.param(filter.country)}`);
    if (filter.adminArea) place.push(`admin_pcode LIKE ${statement.param(`${checkedPcode(filter.adminArea)}%`)}`);
    for (const [column, id] of [
      ['module_id', filter.module],
      ['owner_org', filter.organisation],
    ] as const) {
      if (id) place.push(onlyUuids([id]).length ? `${column} = ${statement.param(id)}` : 'false');
    }
    const cut = cutAtWholeMonths(filter.from ?? null, filter.to ?? null);
    const months = [...place];
    if (cut.wholeMonthsFrom) months.push(`month >= ${statement.param(cut.wholeMonthsFrom)}::date`);
    if (cut.wholeMonthsUntil) months.push(`month < ${statement.param(cut.wholeMonthsUntil)}::date`);
    const parts = [
      `SELECT ${keyOf(groupBy, 'month', '')} AS key, owner_org, ${FIGURES.join(', ')} FROM reach_month WHERE ${months.join(' AND ')}`,
    ];
    const days: string[] = [];
    if (cut.from && cut.wholeMonthsFrom)
      days.push(`(day >= ${statement.param(cut.from)}::date AND day < ${statement.param(cut.wholeMonthsFrom)}::date)`);
    if (cut.until && cut.wholeMonthsUntil)
      days.push(`(day >= ${statement.param(cut.wholeMonthsUntil)}::date AND day < ${statement.param(cut.until)}::date)`);
    if (days.length) {
      const where = [...place, `(${days.join(' OR ')})`];
      parts.push(
        `SELECT ${keyOf(groupBy, 'day', '')} AS key, owner_org, ${FIGURES.join(', ')} FROM reach_day WHERE ${where.join(' AND ')}`,
      );
    }
    const own = `coalesce(bool_and(owner_org = ${statement.param(viewerOrg)}), true) AS own`;
    const rows = (await this.dataSource.query(
      `SELECT key, ${own}, ${FIGURES.map((f) => `sum(${f})::int AS ${f}`).join(', ')}
       FROM (${parts.join('\nUNION ALL\n')}) counted
       GROUP BY key ORDER BY key`,
      statement.params,
    )) as (Grouped & Record<string, number>)[];
    return rows.map((r) => ({
      key: r.key,
      own: r.own,
      cohortsCompleted: r.cohorts_completed!,
      sessionsDelivered: r.sessions_delivered!,
      makeUpSessionsDelivered: r.make_up_sessions!,
      participantsReached: cellsOf(r, ENROLLED.slice(0, HEADCOUNT_CELLS.length)),
      participantsReachedByAudience: Object.fromEntries(
        AUDIENCE_FIELDS.map((field, i) => [field, r[ENROLLED[HEADCOUNT_CELLS.length + i]!]!]),
      ) as AudienceCounts,
      peopleReachedByMobilisation: cellsOf(r, REACHED),
    }));
  }

  /** Every figure per group counted over the records themselves: four grouped statements. */
  async counted(filter: ReachFilter, groupBy: ReachGrouping | null, viewerOrg: string): Promise<ReachRow[]> {
    const [completed, delivered, participants, mobilised] = await Promise.all([
      this.cohortsCompleted(filter, groupBy, viewerOrg),
      this.sessionsDelivered(filter, groupBy, viewerOrg),
      this.participantsReached(filter, groupBy, viewerOrg),
      this.reachedByMobilisation(filter, groupBy, viewerOrg),
    ]);
    const all = [...completed, ...delivered, ...participants, ...mobilised];
    const keys = [...new Set(all.map((r) => r.key))];
    return keys.map((key) => {
      const completedRow = completed.find((r) => r.key === key);
      const deliveredRow = delivered.find((r) => r.key === key);
      const participantRow = participants.find((r) => r.key === key);
      return {
        key,
        own: all.every((r) => r.key !== key || r.own),
        cohortsCompleted: completedRow?.count ?? 0,
        sessionsDelivered: deliveredRow?.count ?? 0,
        makeUpSessionsDelivered: deliveredRow?.makeUps ?? 0,
        participantsReached: headcountOf(participantRow),
        participantsReachedByAudience: audiencesOf(participantRow),
        peopleReachedByMobilisation: headcountOf(mobilised.find((r) => r.key === key)),
      };
    });
  }

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
    if (filter.adminArea) statement.where.push(`c.admin_pcode LIKE ${statement.param(`${checkedPcode(filter.adminArea)}%`)}`);
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

/** The group key of a row: its place columns (under `prefix`), or the period of `dateColumn`. */
function keyOf(groupBy: ReachGrouping | null, dateColumn: string, prefix = 'c.'): string {
  switch (groupBy) {
    case 'COUNTRY':
      return `${prefix}country_code::text`;
    case 'REGION':
      return `${prefix}region_pcode`;
    case 'ADMIN_AREA':
      return `${prefix}admin_pcode`;
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

/** The scalar already checked the P-code; letters and digits cannot carry LIKE wildcards. */
function checkedPcode(pcode: string): string {
  if (!PCODE_PATTERN.test(pcode)) throw new Error(`Not a P-code: ${pcode}`);
  return pcode;
}

function cellsOf(row: Record<string, unknown>, columns: readonly string[]): Headcount {
  return Object.fromEntries(HEADCOUNT_CELLS.map((cell, i) => [cell, row[columns[i]!] as number])) as Headcount;
}

function headcountOf(row: HeadcountRow | undefined): Headcount {
  const headcount = emptyHeadcount();
  if (row) for (const cell of HEADCOUNT_CELLS) headcount[cell] = row[cell];
  return headcount;
}

function audiencesOf(row: HeadcountRow | undefined): AudienceCounts {
  const counts = emptyAudienceCounts();
  if (row) for (const field of AUDIENCE_FIELDS) counts[field] = row[field] ?? 0;
  return counts;
}
