import type { DataSource } from 'typeorm';
import { cutAtWholeMonths, onlyUuids, numberedBinder, pcodesOnly, withinAreaOf, withinArea } from '@peacegraph/kit/sql';
import type { AwarenessSessionFilter } from '../awareness/awareness.repository';
import {
  DISPLACEMENT_SEXES,
  REINTEGRATION_AGE_GROUPS,
  REINTEGRATION_ASSISTANCE_KINDS,
  REINTEGRATION_CATEGORIES,
  REINTEGRATION_STATUSES,
} from '../common/displacement-values';
import { CASE_COUNTS_SQL, CASELOAD_BREAKDOWN_COLUMNS, CASELOAD_COUNT_COLUMNS } from './caseload-rollup';

export type DisplacementInterval = 'MONTH' | 'QUARTER' | 'YEAR';
export type ReintegrationLevel = 'COUNTRY' | 'ADMIN1' | 'ADMIN2';
export type ReintegrationBreakdown = 'CATEGORY' | 'SEX' | 'AGE_GROUP' | 'STATUS';

/** `own`: the viewer's organisation owns every record counted (figures may then be exact). */
export interface StockRow {
  key: string;
  areas: number;
  asOf: string | null;
  idpIndividuals: number | null;
  idpHouseholds: number | null;
  returneeIndividuals: number | null;
  returneeHouseholds: number | null;
  own: boolean;
}

export interface PeriodRow extends Omit<StockRow, 'key'> {
  periodStart: string;
  periodEnd: string;
}

/** Cases of one admin-2 area with one value of a breakdown, or (ASSISTANCE) given one kind of assistance. */
export interface CaseloadRow {
  country: string;
  admin1: string;
  admin2: string;
  breakdown: ReintegrationBreakdown | 'ASSISTANCE';
  key: string;
  cases: number;
  own: boolean;
}

export interface ParticipantRow {
  sex: string;
  ageGroup: string;
  people: number;
}

/** Which cases a caseload counts, areas aside. */
export interface CaseloadSelection {
  programme?: string | null;
  organisation?: string | null;
  registeredFrom?: string | null;
  registeredTo?: string | null;
}

const STEP: Record<DisplacementInterval, string> = { MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' };
/** The values of each breakdown in the order of its rollup columns. */
const CASELOAD_KEYS: Record<CaseloadRow['breakdown'], readonly string[]> = {
  CATEGORY: REINTEGRATION_CATEGORIES,
  SEX: DISPLACEMENT_SEXES,
  AGE_GROUP: REINTEGRATION_AGE_GROUPS,
  STATUS: REINTEGRATION_STATUSES,
  ASSISTANCE: REINTEGRATION_ASSISTANCE_KINDS,
};

const SUMS = `count(l.admin_pcode)::int AS areas, max(l.data_date)::text AS "asOf",
  sum(l.idp_individuals)::int AS "idpIndividuals", sum(l.idp_households)::int AS "idpHouseholds",
  sum(l.returnee_individuals)::int AS "returneeIndividuals", sum(l.returnee_households)::int AS "returneeHouseholds"`;

/** The subgraph's figures: one statement each, for one area or fifty. */
export class DisplacementAggregates {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * IDPs are a stock: per period, each reporting area's latest report in the period, summed over the
   * areas under `prefix`; rounds are never added to each other.
   */
  idpsOverTime(prefix: string, interval: DisplacementInterval, from: string, to: string, viewerOrg: string): Promise<PeriodRow[]> {
    const { bind, params } = numberedBinder();
    const start = bind(from);
    const end = bind(to);
    const unit = bind(interval.toLowerCase());
    const step = bind(STEP[interval]);
    const area = withinArea('r.admin_pcode', prefix, bind);
    const viewer = bind(viewerOrg);
    return this.dataSource.query(
      `WITH period AS (
         SELECT p::date AS start, (p + CAST(${step} AS interval))::date - 1 AS finish
         FROM generate_series(date_trunc(${unit}, CAST(${start} AS date)), CAST(${end} AS date), CAST(${step} AS interval)) AS p
       ), latest AS (
         SELECT DISTINCT ON (period.start, r.admin_pcode) period.start, r.*
         FROM period JOIN displacement_report r
           ON r.data_date BETWEEN greatest(period.start, CAST(${start} AS date)) AND least(period.finish, CAST(${end} AS date))
         WHERE ${area}
         ORDER BY period.start, r.admin_pcode, r.data_date DESC, r.round_number DESC, r.updated_at DESC
       )
       SELECT period.start::text AS "periodStart", period.finish::text AS "periodEnd", ${SUMS},
              coalesce(bool_and(l.owner_org = ${viewer}), true) AS own
       -- A region's own report stands only where none of its admin-2 areas reported in the period:
       -- nobody is counted at two levels.
       FROM period LEFT JOIN latest l ON l.start = period.start AND (l.admin_level = 2 OR NOT EXISTS (
         SELECT 1 FROM latest finer WHERE finer.start = l.start AND finer.admin_level = 2 AND finer.admin1_pcode = l.admin_pcode))
       GROUP BY period.start, period.finish ORDER BY period.start`,
      params,
    );
  }

  /** The latest figures of each area and everything under it (optionally as of a date). */
  latestOfAreas(pcodes: readonly string[], asOf: string | null, viewerOrg: string): Promise<StockRow[]> {
    const { bind, params } = numberedBinder();
    const areas = bind(pcodesOnly(pcodes));
    const asOfDate = asOf ? bind(asOf) : null;
    const dated = (x: string) => (asOfDate ? `AND ${x}.data_date <= ${asOfDate}` : '');
    const viewer = bind(viewerOrg);
    return this.dataSource.query(
      `SELECT k.key, ${SUMS}, coalesce(bool_and(l.owner_org = ${viewer}), true) AS own
       FROM unnest(CAST(${areas} AS text[])) AS k(key)
       LEFT JOIN LATERAL (
         SELECT snapshot.* FROM (
           SELECT DISTINCT ON (r.admin_pcode) r.* FROM displacement_report r
           WHERE ${withinAreaOf('r.admin_pcode', 'k.key')} ${dated('r')}
           ORDER BY r.admin_pcode, r.data_date DESC, r.round_number DESC, r.updated_at DESC
         ) AS snapshot
         -- As over time: a region's own report stands only where none of its admin-2 areas reported.
         WHERE snapshot.admin_level = 2 OR NOT EXISTS (
           SELECT 1 FROM displacement_report finer
           WHERE finer.admin_level = 2 AND ${withinAreaOf('finer.admin_pcode', 'snapshot.admin_pcode')} ${dated('finer')}
         )
       ) AS l ON true
       GROUP BY k.key`,
      params,
    );
  }

  /**
   * Cases of each admin-2 area (with its region and country) by every breakdown at once, and cases
   * given each kind of assistance: what disclosure control decides on together (see Caseload). Areas
   * are not filtered here: a selection inside an area reads its part of the same pattern. Whole months
   * of registration come from the rollup `reintegration_caseload` (caseload-rollup.ts), the days of a
   * month cut by the period from the cases themselves.
   */
  async caseload(filter: CaseloadSelection, viewerOrg: string): Promise<CaseloadRow[]> {
    return (await this.caseloadAtVersion(filter, viewerOrg)).rows;
  }

  /** The rollup's version: moved by every write to the cases or their assistance, in its transaction. */
  async caseloadVersion(): Promise<bigint> {
    const [row] = (await this.dataSource.query(`SELECT version::text FROM reintegration_caseload_version`)) as { version: string }[];
    return BigInt(row!.version);
  }

  /** The caseload and the rollup's version it was read at (one statement, one snapshot); version null when no area has cases. */
  async caseloadAtVersion(filter: CaseloadSelection, viewerOrg: string): Promise<{ version: bigint | null; rows: CaseloadRow[] }> {
    const { bind, params } = numberedBinder();
    const cut = cutAtWholeMonths(filter.registeredFrom ?? null, filter.registeredTo ?? null);
    const chosen = (alias: string) => caseConditions({ programme: filter.programme, organisation: filter.organisation }, bind, alias);
    const months = ['r.cases > 0'];
    if (cut.wholeMonthsFrom) months.push(`r.registered_month >= ${bind(cut.wholeMonthsFrom)}`);
    if (cut.wholeMonthsUntil) months.push(`r.registered_month < ${bind(cut.wholeMonthsUntil)}`);
    const days: string[] = [];
    if (cut.from) days.push(`(c.registered_on >= ${bind(cut.from)} AND c.registered_on < ${bind(cut.wholeMonthsFrom)})`);
    if (cut.until) days.push(`(c.registered_on >= ${bind(cut.wholeMonthsUntil)} AND c.registered_on < ${bind(cut.until)})`);
    const sums = CASELOAD_COUNT_COLUMNS.map((column) => `sum(${column})::int AS ${column}`).join(', ');
    const rows = (await this.dataSource.query(
      `SELECT country_code::text AS country, admin1_pcode AS admin1, admin_pcode AS admin2, bool_and(owner_org = ${bind(viewerOrg)}) AS own, ${sums},
              (SELECT version::text FROM reintegration_caseload_version) AS version
       FROM (
         SELECT r.owner_org, r.country_code, r.admin1_pcode, r.admin_pcode, ${CASELOAD_COUNT_COLUMNS.map((column) => `r.${column}`).join(', ')}
         FROM reintegration_caseload r WHERE ${chosen('r')} AND ${months.join(' AND ')}
         ${
           days.length
             ? `UNION ALL
         SELECT c.owner_org, c.country_code, c.admin1_pcode, c.admin_pcode, ${CASE_COUNTS_SQL}
         FROM reintegration_case c WHERE ${chosen('c')} AND (${days.join(' OR ')})`
             : ''
         }
       ) AS counted
       GROUP BY 1, 2, 3`,
      params,
    )) as (Record<string, number> & { country: string; admin1: string; admin2: string; own: boolean; version: string })[];
    return {
      version: rows[0] ? BigInt(rows[0].version) : null,
      rows: rows.flatMap((row) =>
        Object.entries(CASELOAD_BREAKDOWN_COLUMNS).flatMap(([breakdown, columns]) =>
          columns.map(({ column }, k) => ({
            country: row.country,
            admin1: row.admin1,
            admin2: row.admin2,
            breakdown: breakdown as CaseloadRow['breakdown'],
            key: CASELOAD_KEYS[breakdown as CaseloadRow['breakdown']][k]!,
            cases: row[column]!,
            own: row.own,
          })),
        ),
      ),
    };
  }

  /** Participants of the selected sessions by sex and age group, the sessions and whether the viewer owns them all. */
  async awarenessParticipants(
    filter: AwarenessSessionFilter,
    viewerOrg: string,
  ): Promise<{ sessions: number; own: boolean; groups: ParticipantRow[] }> {
    const { bind, params } = numberedBinder();
    const where = sessionConditions(filter, bind);
    const viewer = bind(viewerOrg);
    const [row] = (await this.dataSource.query(
      `WITH chosen AS (SELECT s.* FROM awareness_session s WHERE ${where})
       SELECT (SELECT count(*)::int FROM chosen) AS sessions,
              (SELECT coalesce(bool_and(owner_org = ${viewer}), true) FROM chosen) AS own,
              coalesce((SELECT json_agg(json_build_object('sex', g.sex, 'ageGroup', g."ageGroup", 'people', g.people))
                        FROM (SELECT p.sex, p."ageGroup", sum(p.people)::int AS people
                              FROM chosen CROSS JOIN LATERAL jsonb_to_recordset(chosen.participants) AS p(sex text, "ageGroup" text, people int)
                              GROUP BY 1, 2) AS g), '[]') AS groups`,
      params,
    )) as { sessions: number; own: boolean; groups: ParticipantRow[] }[];
    return row!;
  }
}

/** Programme and organisation conditions on the cases or the rollup (`alias`), which share those columns. */
function caseConditions(
  filter: Pick<CaseloadSelection, 'programme' | 'organisation'>,
  bind: (value: unknown) => string,
  alias: string,
): string {
  const where = ['true'];
  if (filter.programme) where.push(onlyUuids([filter.programme]).length ? `${alias}.programme_id = ${bind(filter.programme)}` : 'false');
  if (filter.organisation)
    where.push(onlyUuids([filter.organisation]).length ? `${alias}.owner_org = ${bind(filter.organisation)}` : 'false');
  return where.join(' AND ');
}

function sessionConditions(filter: AwarenessSessionFilter, bind: (value: unknown) => string): string {
  const where = ['true'];
  const id = (column: string, value: string) => (onlyUuids([value]).length ? `${column} = ${bind(value)}` : 'false');
  if (filter.community) where.push(id('s.community_id', filter.community));
  if (filter.organisation) where.push(id('s.owner_org', filter.organisation));
  if (filter.facilitator)
    where.push(onlyUuids([filter.facilitator]).length ? `s.facilitator_ids @> ARRAY[CAST(${bind(filter.facilitator)} AS uuid)]` : 'false');
  if (filter.adminArea) where.push(withinArea('s.admin_pcode', filter.adminArea, bind));
  if (filter.kind) where.push(`s.kind = ${bind(filter.kind)}`);
  if (filter.from) where.push(`s.held_on >= ${bind(filter.from)}`);
  if (filter.to) where.push(`s.held_on <= ${bind(filter.to)}`);
  return where.join(' AND ');
}
