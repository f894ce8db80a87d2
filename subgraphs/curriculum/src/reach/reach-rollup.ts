import type { EntityManager } from 'typeorm';

/**
 * The reach rollups (`reach_month`, `reach_day`): what `curriculumReach` counts, summed per owner,
 * module, place (country, region, admin area) and calendar month, or day, of each figure's own date.
 * Long periods read whole months, and the days a period cuts off a month at either end read days, so
 * that no figure is summed from the records at read time. A row stands for
 * every record counted in it: completed cohorts (on their completion date), started cohorts and their
 * enrolment (on their start date), session deliveries (on their delivery date) and social
 * mobilisations (on their date), each placed where its cohort is, as the raw computation places it.
 *
 * They are kept in the transaction of every write that changes what a cohort counts (its update or
 * status change, a delivery recorded or corrected, a mobilisation recorded or updated): the
 * write locks the cohort, reads what the cohort counted before (`cohortReachBefore`), and after the
 * write adds the difference between what it counts now and what it counted then
 * (`applyCohortReachChange`). The rollups therefore commit with the write or not at all.
 */

/** The figure columns of the rollups, in the order every statement below lists them. */
const CELLS = ['female_children', 'female_youth', 'female_adults', 'male_children', 'male_youth', 'male_adults'] as const;
const AUDIENCE_COLUMNS = ['men', 'women', 'adolescents_and_children', 'cmc_members', 'religious_leaders'] as const;
export const ENROLLED = [...CELLS, ...AUDIENCE_COLUMNS].map((c) => `enrolled_${c}`);
export const REACHED = CELLS.map((c) => `reached_${c}`);
/** `records`: how many records a row counts (completed and started cohorts, deliveries, mobilisations); 0 is an empty row. */
export const FIGURES = ['records', 'cohorts_completed', 'sessions_delivered', 'make_up_sessions', ...ENROLLED, ...REACHED];
/** Where a row's records happened and whose they are. */
export const PLACE_AND_OWNER = ['owner_org', 'module_id', 'country_code', 'region_pcode', 'admin_pcode'];

/** The four kinds of record the figures count, each on its own date. */
export type ReachSource = 'completed' | 'started' | 'delivered' | 'mobilised';

const SOURCES: Record<ReachSource, { from: string; date: string; always: string; figures: (column: string) => string }> = {
  completed: {
    from: 'cohort c',
    date: 'c.completed_on',
    always: 'c.completed_on IS NOT NULL',
    figures: (column) => (column === 'records' || column === 'cohorts_completed' ? '1' : '0'),
  },
  started: {
    from: 'cohort c',
    date: 'c.started_on',
    always: 'c.started_on IS NOT NULL',
    figures: (column) => (column === 'records' ? '1' : column.startsWith('enrolled_') ? `c.${column}` : '0'),
  },
  delivered: {
    from: 'session_delivery d JOIN cohort c ON c.id = d.cohort_id',
    date: 'd.delivered_on',
    always: 'true',
    figures: (column) =>
      column === 'records'
        ? '1'
        : column === 'sessions_delivered'
          ? '(NOT d.make_up)::int'
          : column === 'make_up_sessions'
            ? 'd.make_up::int'
            : '0',
  },
  mobilised: {
    from: 'social_mobilisation m JOIN cohort c ON c.id = m.cohort_id',
    date: 'm.held_on',
    always: 'true',
    figures: (column) => (column === 'records' ? '1' : column.startsWith('reached_') ? `m.${column}` : '0'),
  },
};

/**
 * The records the figures count, one row each with its place, owner, date (`on_date`) and figures;
 * `where` gives each kind's condition (given its date column), or null to leave that kind out. The
 * rollups' rows are these summed per month or day.
 */
export function reachRecordsSql(where: (source: ReachSource, date: string) => string | null): string {
  const parts = (Object.keys(SOURCES) as ReachSource[]).flatMap((source) => {
    const { from, date, always, figures } = SOURCES[source];
    const condition = where(source, date);
    if (condition === null) return [];
    return [
      `SELECT ${PLACE_AND_OWNER.map((c) => `c.${c}`).join(', ')}, ${date} AS on_date, ${FIGURES.map((f) => `${figures(f)} AS ${f}`).join(', ')}
       FROM ${from} WHERE ${always} AND (${condition})`,
    ];
  });
  if (parts.length === 0) throw new Error('reachRecordsSql: select at least one kind of record');
  return parts.join('\nUNION ALL\n');
}

/** A rollup: a table of the figures summed per place, owner and period (`column`, the period's first day). */
export interface ReachRollup {
  table: 'reach_month' | 'reach_day';
  column: 'month' | 'day';
  unit: 'month' | 'day';
}
/** Whole months, for long periods; and single days, for the days a period cuts off a month at either end. */
export const REACH_MONTHS: ReachRollup = { table: 'reach_month', column: 'month', unit: 'month' };
export const REACH_DAYS: ReachRollup = { table: 'reach_day', column: 'day', unit: 'day' };
/** In the order every write changes them, so that two writers lock rows in the same order and never deadlock. */
export const REACH_ROLLUPS = [REACH_MONTHS, REACH_DAYS];

const keyOf = (rollup: ReachRollup) => [...PLACE_AND_OWNER, rollup.column];
const periodOf = (rollup: ReachRollup, date: string) => (rollup.unit === 'day' ? date : `date_trunc('month', ${date})::date`);
const addOnConflict = (rollup: ReachRollup) =>
  `ON CONFLICT (${keyOf(rollup).join(', ')}) DO UPDATE SET ${FIGURES.map((f) => `${f} = ${rollup.table}.${f} + EXCLUDED.${f}`).join(', ')}`;

/**
 * Adds the records `where` selects to a rollup (the migrations' backfill of every record, and the
 * bench generator's rows, which bypass the services). Rows go in key order, so that two writers
 * touching the same periods lock them in the same order.
 */
export function addToReachRollupSql(rollup: ReachRollup, where: (source: ReachSource, date: string) => string | null): string {
  const key = keyOf(rollup);
  return `INSERT INTO ${rollup.table} (${key.join(', ')}, ${FIGURES.join(', ')})
    SELECT ${PLACE_AND_OWNER.join(', ')}, ${periodOf(rollup, 'on_date')}, ${FIGURES.map((f) => `sum(${f})`).join(', ')}
    FROM (${reachRecordsSql(where)}) r
    GROUP BY ${key.map((_, i) => i + 1).join(', ')} ORDER BY ${key.map((_, i) => i + 1).join(', ')}
    ${addOnConflict(rollup)}`;
}

/**
 * How `npm run rollups` (scripts/rollups.ts) rebuilds both rollups when records were written around the
 * services: with cohorts, deliveries and mobilisations locked against writes, every row removed and the
 * migrations' fill run again. Rows whose figures are all zero count nothing (writes leave them, a fill
 * makes none).
 */
export const REACH_REBUILD = {
  sources: ['cohort', 'session_delivery', 'social_mobilisation'],
  rollups: REACH_ROLLUPS.map(({ table }) => ({ table, empty: FIGURES.map((f) => `${f} = 0`).join(' AND ') })),
  fill: REACH_ROLLUPS.map((rollup) => addToReachRollupSql(rollup, () => 'true')),
};

/** The columns of a `CohortReach` read back from JSON. */
const BEFORE_COLUMNS = [
  'owner_org uuid, module_id uuid, country_code char(2), region_pcode text, admin_pcode text, on_date date',
  ...FIGURES.map((f) => `${f} integer`),
].join(', ');

/** What one cohort counts, day by day (the finest period of the rollups), as its transaction sees it. */
export type CohortReach = Record<string, string | number>[];

/** Every record of the cohort `$1`. */
const OF_COHORT = () => 'c.id = $1';

/**
 * Locks the cohort (to the end of the transaction: writes that change what one cohort counts go one
 * at a time, so none reads a "before" another is about to change) and reads what it counts now.
 */
export async function cohortReachBefore(manager: EntityManager, cohortId: string): Promise<CohortReach> {
  await manager.query(`SELECT 1 FROM cohort WHERE id = $1 FOR UPDATE`, [cohortId]);
  return (await manager.query(
    `SELECT ${PLACE_AND_OWNER.join(', ')}, to_char(on_date, 'YYYY-MM-DD') AS on_date, ${FIGURES.map((f) => `sum(${f})::int AS ${f}`).join(', ')}
     FROM (${reachRecordsSql(OF_COHORT)}) r GROUP BY ${[...PLACE_AND_OWNER, 'on_date'].join(', ')}`,
    [cohortId],
  )) as CohortReach;
}

/**
 * After the write, in its transaction: adds to each rollup what the cohort counts now less what it
 * counted before, period by period, in one statement per rollup (rows in key order; periods whose
 * difference is nothing are left alone). Rows that end at zero stay, empty (`records = 0`): readers
 * skip them.
 */
export async function applyCohortReachChange(manager: EntityManager, cohortId: string, before: CohortReach): Promise<void> {
  for (const rollup of REACH_ROLLUPS) {
    const key = keyOf(rollup);
    await manager.query(
      `INSERT INTO ${rollup.table} (${key.join(', ')}, ${FIGURES.join(', ')})
       SELECT ${key.join(', ')}, ${FIGURES.map((f) => `sum(${f})`).join(', ')}
       FROM (
         SELECT ${PLACE_AND_OWNER.join(', ')}, ${periodOf(rollup, 'on_date')} AS ${rollup.column}, ${FIGURES.join(', ')}
         FROM (${reachRecordsSql(OF_COHORT)}) now
         UNION ALL
         SELECT ${PLACE_AND_OWNER.join(', ')}, ${periodOf(rollup, 'on_date')}, ${FIGURES.map((f) => `-${f}`).join(', ')}
         FROM jsonb_to_recordset($2::jsonb) AS before(${BEFORE_COLUMNS})
       ) change
       GROUP BY ${key.join(', ')}
       HAVING ${FIGURES.map((f) => `sum(${f}) <> 0`).join(' OR ')}
       ORDER BY ${key.join(', ')}
       ${addOnConflict(rollup)}`,
      [cohortId, JSON.stringify(before)],
    );
  }
}

/**
 * Keeps the rollups right across one write that changes what a cohort counts: `check` (before the
 * write, in its transaction) locks the cohort and reads what it counts; `after` adds the difference.
 */
export class CohortReachChange {
  private before: CohortReach | null = null;

  constructor(private readonly cohortId: string) {}

  readonly check = async (manager: EntityManager): Promise<void> => {
    this.before = await cohortReachBefore(manager, this.cohortId);
  };

  readonly after = async (manager: EntityManager): Promise<void> => {
    if (!this.before) throw new Error(`The reach of cohort ${this.cohortId} was not read before the write`);
    await applyCohortReachChange(manager, this.cohortId, this.before);
  };
}
