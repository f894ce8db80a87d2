import { cutAtWholeMonths, numberedBinder, withinArea, type Bind } from '@peacegraph/kit/sql';
import type { DataSource, EntityManager } from 'typeorm';
import { STATUS_GROUPS } from '../common/values';
import { ALL_TIME, figureDeltas, type CountedCase, type FigureDelta } from './case-figures';
import type { CaseFilter } from '../conflict-case/conflict-case.filter';
import type { StatsGrouping, StatsRow } from './statistics.repository';

/**
 * The case figures rollup (table `case_figures`, see the migration CaseFigures1765400000000): counts
 * per place, owner, report month (and over all time) and days to resolution, kept in the transaction
 * of every write that changes a counted value. Statistics read a few hundred of its rows instead of
 * tens of thousands of cases; the days to resolution are a histogram, so medians stay exact.
 */

/** The rollup's key, in the order every writer takes its rows' locks (two writers never wait on each other in a circle). */
const KEY = 'month, country_code, admin_pcode, admin1_pcode, admin2_pcode, owner_org, resolution_days';
const KEY_ORDER = 'month, country_code, admin_pcode, admin1_pcode, admin2_pcode NULLS FIRST, owner_org, resolution_days NULLS FIRST';
const COUNTS = ['reported', 'open', 'resolved', 'referred', 'unresolved', 'relapsed'] as const;
const ADD_COUNTS = `ON CONFLICT (${KEY}) DO UPDATE SET ${COUNTS.map((c) => `${c} = case_figures.${c} + EXCLUDED.${c}`).join(', ')}`;

const inGroup = (alias: string, statuses: readonly string[]) => `${alias}.status IN (${statuses.map((s) => `'${s}'`).join(', ')})`;

/** A case's counts, as columns of one row per case (`alias` is conflict_case). */
const caseCounts = (alias: string) =>
  `1, (${inGroup(alias, STATUS_GROUPS.open)})::int, (${inGroup(alias, STATUS_GROUPS.resolved)})::int,
   (${inGroup(alias, STATUS_GROUPS.referred)})::int, (${inGroup(alias, STATUS_GROUPS.unresolved)})::int, ${alias}.ever_relapsed::int`;

/**
 * Adds the cases `where` selects (on conflict_case) to the rollup: the migration fills it with every
 * case this way, and the bench with the cases it generates. Writes through the API add their cases
 * with `applyFigureDeltas` instead, which the tests prove gives the same rows.
 */
export function addToCaseFiguresSql(where: string): string {
  return `INSERT INTO case_figures (${KEY}, ${COUNTS.join(', ')})
     SELECT m.month, c.country_code, c.admin_pcode, c.admin1_pcode, c.admin2_pcode, c.owner_org,
            c.resolved_on - c.reported_on AS resolution_days,
            ${COUNTS.map((column, i) => `sum(cell.n${i})::int`).join(', ')}
     FROM conflict_case c
       CROSS JOIN LATERAL (VALUES (date_trunc('month', c.reported_on)::date), ('${ALL_TIME}'::date)) AS m(month)
       CROSS JOIN LATERAL (SELECT ${caseCounts('c')}) AS cell(${COUNTS.map((_, i) => `n${i}`).join(', ')})
     WHERE ${where}
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY ${KEY_ORDER}
     ${ADD_COUNTS}`;
}

/**
 * How `npm run rollups` (scripts/rollups.ts) rebuilds the rollup when the cases were written around the
 * services (a DELETE by hand, an old replica): with the cases locked against writes, every row removed
 * and the migration's fill run again. A row whose counts are all zero counts nothing: writes leave
 * such rows, a fill makes none.
 */
export const CASE_FIGURES_REBUILD = {
  sources: ['conflict_case'],
  rollups: [{ table: 'case_figures', empty: COUNTS.map((c) => `${c} = 0`).join(' AND ') }],
  fill: [addToCaseFiguresSql('true')],
};

/**
 * Applies a write's deltas (figureDeltas) in the write's own transaction, in one statement: the rows
 * go in key order, and `count = count + delta` re-reads a row another transaction changed meanwhile,
 * so concurrent writes to the same rows add up instead of overwriting each other.
 */
export async function applyFigureDeltas(manager: EntityManager, deltas: readonly FigureDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const column = <K extends keyof FigureDelta>(key: K) => deltas.map((d) => d[key]);
  await manager.query(
    `INSERT INTO case_figures (${KEY}, ${COUNTS.join(', ')})
     SELECT * FROM unnest($1::date[], $2::char(2)[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::int[],
                          $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[]) AS d(${KEY}, ${COUNTS.join(', ')})
     ORDER BY ${KEY_ORDER}
     ${ADD_COUNTS}`,
    [
      column('month'),
      column('countryCode'),
      column('adminPcode'),
      column('admin1Pcode'),
      column('admin2Pcode'),
      column('ownerOrg'),
      column('resolutionDays'),
      ...COUNTS.map((count) => column(count)),
    ],
  );
}

/**
 * Counts a case's write in the rollup, in the write's transaction: `before` as it was (null when just
 * reported), `after` as it is now (null if it were removed). Every write of a case calls it.
 */
export function countCaseChange(manager: EntityManager, before: CountedCase | null, after: CountedCase | null): Promise<void> {
  return applyFigureDeltas(manager, figureDeltas(before, after));
}

/** Group keys on the rollup (`f`) and on the cases (`c`): the same text either way. */
const GROUP_KEYS: Partial<Record<StatsGrouping, { figures: string; cases: string }>> = {
  COUNTRY: { figures: 'f.country_code', cases: 'c.country_code' },
  ADMIN1: { figures: 'f.admin1_pcode', cases: 'c.admin1_pcode' },
  ADMIN2: { figures: 'coalesce(f.admin2_pcode, f.admin1_pcode)', cases: 'coalesce(c.admin2_pcode, c.admin1_pcode)' },
  MONTH: { figures: "to_char(f.month, 'YYYY-MM')", cases: "to_char(c.reported_on, 'YYYY-MM')" },
  YEAR: { figures: "to_char(f.month, 'YYYY')", cases: "to_char(c.reported_on, 'YYYY')" },
};

/**
 * Whether the rollup answers this question: it has no type, level, status, community or commission,
 * so those filters and the TYPE and LEVEL groupings are counted from the cases (covering indexes).
 */
export function rollupAnswers(filter: CaseFilter, groupBy: StatsGrouping | null): boolean {
  if (groupBy && !GROUP_KEYS[groupBy]) return false;
  return !filter.type && !filter.level && !filter.status && !filter.community && !filter.peaceCommission;
}

interface Cells {
  /** The rollup's rows and, for the days of a month cut by the period, the cases', as one list of cells. */
  sql: string;
  params: unknown[];
}

/**
 * The cells of the figures: rollup rows (the all-time ones when no period or month matters, else the
 * whole months of the period) and the cases of the days a period cuts off a month. `keys` gives each
 * cell's group; `join` adds a table both parts join (the areas asked for).
 */
function cells(
  filter: CaseFilter,
  byMonth: boolean,
  viewerOrg: string | null,
  keys: { figures: string; cases: string },
  join: (alias: string, bind: Bind) => string = () => '',
): Cells {
  const { bind, params } = numberedBinder();
  const viewer = bind(viewerOrg);
  const where = (alias: string) =>
    [
      filter.country ? `${alias}.country_code = ${bind(filter.country)}` : 'true',
      filter.adminArea ? withinArea(`${alias}.admin_pcode`, filter.adminArea, bind) : 'true',
    ].join(' AND ');
  const periodGiven = Boolean(filter.reportedFrom || filter.reportedTo);
  // Open ends as dates PostgreSQL compares with every other, so that one statement serves every period.
  const cut = cutAtWholeMonths(filter.reportedFrom, filter.reportedTo);
  const from = cut.from ?? '-infinity';
  const wholeFrom = cut.wholeMonthsFrom ?? '-infinity';
  const wholeUntil = cut.wholeMonthsUntil ?? 'infinity';
  const until = cut.until ?? 'infinity';
  const months =
    byMonth || periodGiven
      ? `f.month > '${ALL_TIME}' AND f.month >= ${bind(wholeFrom)}::date AND f.month < ${bind(wholeUntil)}::date`
      : `f.month = '${ALL_TIME}'`;
  const figures = `SELECT ${keys.figures} AS key, f.resolution_days AS days, ${COUNTS.map((c) => `f.${c}`).join(', ')},
      CASE WHEN f.owner_org IS DISTINCT FROM ${viewer}::uuid THEN f.reported ELSE 0 END AS not_owned
    FROM case_figures f ${join('f', bind)} WHERE ${months} AND ${where('f')}`;
  if (!periodGiven) return { sql: figures, params };
  const edges = `(c.reported_on >= ${bind(from)}::date AND c.reported_on < ${bind(wholeFrom)}::date)
      OR (c.reported_on >= ${bind(wholeUntil)}::date AND c.reported_on < ${bind(until)}::date)`;
  const cases = `SELECT ${keys.cases}, c.resolved_on - c.reported_on, ${caseCounts('c')},
      (c.owner_org IS DISTINCT FROM ${viewer}::uuid)::int
    FROM conflict_case c ${join('c', bind)} WHERE (${edges}) AND ${where('c')}`;
  return { sql: `${figures} UNION ALL ${cases}`, params };
}

/**
 * Counts per group (and, with `withTotal`, over all groups) from cells, with the median of the days
 * to resolution as percentile_cont(0.5) takes it over the cases: of n resolutions sorted, the mean of
 * the ((n-1)/2)th and (n/2)th (from 0, integer division), each found as the smallest day count whose
 * running total of resolutions passes it. A group whose rollup rows count nothing any more is no group.
 */
function figuresOf(cellsSql: string, withTotal: boolean): string {
  return `WITH cell AS (${cellsSql}),
    per_days AS (
      SELECT key, days, ${withTotal ? 'GROUPING(key)' : '0'} AS is_total, ${COUNTS.map((c) => `sum(${c}) AS ${c}`).join(', ')},
             sum(not_owned) AS not_owned
      FROM cell GROUP BY ${withTotal ? 'GROUPING SETS ((key, days), (days))' : 'key, days'}
    ),
    placed AS (
      SELECT *, sum(resolved) FILTER (WHERE days IS NOT NULL) OVER (PARTITION BY is_total, key ORDER BY days) AS upto,
                sum(resolved) FILTER (WHERE days IS NOT NULL) OVER (PARTITION BY is_total, key) AS n
      FROM per_days
    )
    SELECT key, is_total AS "isTotal", ${COUNTS.map((c) => `sum(${c})::int AS ${c}`).join(', ')}, sum(not_owned)::int AS "notOwned",
           (min(days) FILTER (WHERE upto > (n - 1) / 2) + min(days) FILTER (WHERE upto > n / 2)) / 2.0 AS "medianDays"
    FROM placed GROUP BY is_total, key
    HAVING sum(reported) > 0 OR is_total = 1
    ORDER BY is_total, key`;
}

type Row = Omit<StatsRow, 'medianDays'> & { isTotal: number; medianDays: string | number | null };

const normalise = (row: Row): StatsRow & { isTotal: number } => ({
  ...row,
  isTotal: Number(row.isTotal),
  medianDays: row.medianDays === null ? null : Number(row.medianDays),
});

/** Statistics from the rollup: one statement per question, as from the cases. */
export class CaseFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Groups and the total; with no case at all, the total is missing (the caller gives zeros). */
  async grouped(filter: CaseFilter, groupBy: StatsGrouping, viewerOrg: string | null): Promise<(StatsRow & { isTotal: number })[]> {
    const keys = GROUP_KEYS[groupBy];
    if (!keys) throw new Error(`The case figures rollup does not group by ${groupBy}`);
    const { sql, params } = cells(filter, groupBy === 'MONTH' || groupBy === 'YEAR', viewerOrg, keys);
    return ((await this.dataSource.query(figuresOf(sql, true), params)) as Row[]).map(normalise);
  }

  /**
   * Per admin area, the area and everything under it: each P-code prefix as a byte range of the
   * text_pattern_ops index (P-codes are letters and digits, all below '['), LIKE as the exact test.
   */
  async forAreas(pcodes: readonly string[], filter: CaseFilter, viewerOrg: string | null): Promise<StatsRow[]> {
    if (pcodes.length === 0) return [];
    let prefixes = '';
    const join = (alias: string, bind: Bind) => {
      prefixes ||= bind(pcodes);
      return `JOIN unnest(${prefixes}::text[]) AS p(prefix) ON ${alias}.admin_pcode ~>=~ p.prefix
        AND ${alias}.admin_pcode ~<~ (p.prefix || '[') AND ${alias}.admin_pcode LIKE p.prefix || '%'`;
    };
    const { sql, params } = cells(filter, false, viewerOrg, { figures: 'p.prefix', cases: 'p.prefix' }, join);
    return ((await this.dataSource.query(figuresOf(sql, false), params)) as Row[]).map(normalise);
  }
}
