import type { EntityManager } from 'typeorm';

/**
 * The monthly reach rollup (`reach_month`): what `curriculumReach` counts, summed per owner, module,
 * place (country, region, admin area) and calendar month of each figure's own date. A row stands for
 * every record counted in it: completed cohorts (on their completion date), started cohorts and their
 * enrolment (on their start date), session deliveries (on their delivery date) and social
 * mobilisations (on their date), each placed where its cohort is, as the raw computation places it.
 *
 * It is kept in the transaction of every write that changes what a cohort counts (its creation,
 * update or status change, a delivery recorded or corrected, a mobilisation recorded or updated): the
 * write locks the cohort, reads what the cohort counted before (`cohortReachBefore`), and after the
 * write adds the difference between what it counts now and what it counted then
 * (`applyCohortReachChange`). The rollup therefore commits with the write or not at all.
 */

/** The figure columns of the rollup, in the order every statement below lists them. */
const CELLS = ['female_children', 'female_youth', 'female_adults', 'male_children', 'male_youth', 'male_adults'] as const;
const AUDIENCE_COLUMNS = ['men', 'women', 'adolescents_and_children', 'cmc_members', 'religious_leaders'] as const;
export const ENROLLED = [...CELLS, ...AUDIENCE_COLUMNS].map((c) => `enrolled_${c}`);
export const REACHED = CELLS.map((c) => `reached_${c}`);
/** `records`: how many records a row counts (completed and started cohorts, deliveries, mobilisations); 0 is an empty row. */
export const FIGURES = ['records', 'cohorts_completed', 'sessions_delivered', 'make_up_sessions', ...ENROLLED, ...REACHED];
/** Where a row's records happened and whose they are. */
export const PLACE_AND_OWNER = ['owner_org', 'module_id', 'country_code', 'region_pcode', 'admin_pcode'];
const KEY = [...PLACE_AND_OWNER, 'month'];

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
 * rollup's rows are these summed per month; the days a period cuts off a month are these themselves.
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

const MONTH = `date_trunc('month', on_date)::date`;
const ADD_ON_CONFLICT = `ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${FIGURES.map((f) => `${f} = reach_month.${f} + EXCLUDED.${f}`).join(', ')}`;

/**
 * Adds the records `where` selects to the rollup (the migration's backfill of every record, and the
 * bench generator's rows, which bypass the services). Rows go in key order, so that two writers
 * touching the same months lock them in the same order.
 */
export function addToReachMonthsSql(where: (source: ReachSource, date: string) => string | null): string {
  return `INSERT INTO reach_month (${KEY.join(', ')}, ${FIGURES.join(', ')})
    SELECT ${PLACE_AND_OWNER.join(', ')}, ${MONTH}, ${FIGURES.map((f) => `sum(${f})`).join(', ')}
    FROM (${reachRecordsSql(where)}) r
    GROUP BY ${KEY.map((_, i) => i + 1).join(', ')} ORDER BY ${KEY.map((_, i) => i + 1).join(', ')}
    ${ADD_ON_CONFLICT}`;
}

/** The columns of a `CohortReach` read back from JSON. */
const BEFORE_COLUMNS = [
  'owner_org uuid, module_id uuid, country_code char(2), region_pcode text, admin_pcode text, month date',
  ...FIGURES.map((f) => `${f} integer`),
].join(', ');

/** What one cohort counts in the rollup, month by month, as its transaction sees it. */
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
    `SELECT ${PLACE_AND_OWNER.join(', ')}, to_char(${MONTH}, 'YYYY-MM-DD') AS month, ${FIGURES.map((f) => `sum(${f})::int AS ${f}`).join(', ')}
     FROM (${reachRecordsSql(OF_COHORT)}) r GROUP BY ${KEY.map((_, i) => i + 1).join(', ')}`,
    [cohortId],
  )) as CohortReach;
}

/**
 * After the write, in its transaction: adds what the cohort counts now less what it counted before,
 * month by month, in one statement (rows in key order; months whose difference is nothing are left
 * alone). Rows that end at zero stay, empty (`records = 0`): readers skip them.
 */
export async function applyCohortReachChange(manager: EntityManager, cohortId: string, before: CohortReach): Promise<void> {
  await manager.query(
    `INSERT INTO reach_month (${KEY.join(', ')}, ${FIGURES.join(', ')})
     SELECT ${KEY.join(', ')}, ${FIGURES.map((f) => `sum(${f})`).join(', ')}
     FROM (
       SELECT ${PLACE_AND_OWNER.join(', ')}, ${MONTH} AS month, ${FIGURES.join(', ')} FROM (${reachRecordsSql(OF_COHORT)}) now
       UNION ALL
       SELECT ${PLACE_AND_OWNER.join(', ')}, month, ${FIGURES.map((f) => `-${f}`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS before(${BEFORE_COLUMNS})
     ) change
     GROUP BY ${KEY.join(', ')}
     HAVING ${FIGURES.map((f) => `sum(${f}) <> 0`).join(' OR ')}
     ORDER BY ${KEY.join(', ')}
     ${ADD_ON_CONFLICT}`,
    [cohortId, JSON.stringify(before)],
  );
}

/**
 * A period cut where the rollup can answer: the days before the first whole month [from,
 * wholeMonthsFrom), the whole months [wholeMonthsFrom, wholeMonthsUntil) and the days after them
 * [wholeMonthsUntil, until); `until` is the day after `to`. Null ends are open: no days to add there.
 */
export interface MonthCut {
  from: string | null;
  wholeMonthsFrom: string | null;
  wholeMonthsUntil: string | null;
  until: string | null;
}

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function cutAtWholeMonths(from: string | null, to: string | null): MonthCut {
  const start = from ? Date.parse(`${from}T00:00:00Z`) : null;
  const until = to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS : null;
  const firstOfMonthOnOrAfter = (ms: number) => {
    const d = new Date(ms);
    return d.getUTCDate() === 1 ? ms : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  };
  const firstOfMonthOnOrBefore = (ms: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  };
  let wholeFrom = start === null ? null : firstOfMonthOnOrAfter(start);
  let wholeUntil = until === null ? null : firstOfMonthOnOrBefore(until);
  // Without a whole month inside the period, every day is in the first part.
  if (wholeFrom !== null && until !== null) wholeFrom = Math.min(wholeFrom, until);
  if (wholeUntil !== null && wholeFrom !== null) wholeUntil = Math.max(wholeUntil, wholeFrom);
  return {
    from: start === null ? null : day(start),
    wholeMonthsFrom: wholeFrom === null ? null : day(wholeFrom),
    wholeMonthsUntil: wholeUntil === null ? null : day(wholeUntil),
    until: until === null ? null : day(until),
  };
}

/**
 * Keeps the rollup right across one write that changes what a cohort counts: `check` (before the
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
