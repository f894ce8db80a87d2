import type { DataSource, EntityManager } from 'typeorm';
import { dateOfDayNumber, dayNumberOf, onlyUuids } from '@peacegraph/kit/sql';
import type { FlowDirection } from '../common/transhumance-values';

export interface WeeklyFlowFilter {
  /** Null: every corridor. */
  corridors: string[] | null;
  /** 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  direction: FlowDirection | null;
}

export interface WeeklyFlowRow {
  corridorId: string;
  weekStart: string;
  week: string;
  observations: number;
  cattle: number;
  sheep: number;
  goats: number;
  camels: number;
  herders: number;
  /** Every observation of the cell is the viewer's organisation's: its herders are shown exactly. */
  ownedByViewer: boolean;
}

/**
 * A period cut where the rollup can answer: days before the first whole ISO week [from, wholeWeeksFrom),
 * the whole weeks [wholeWeeksFrom, wholeWeeksUntil) and the days after them [wholeWeeksUntil, until).
 * Dates 'YYYY-MM-DD', midnight UTC; `until` is the day after `to`. Without a whole week inside the
 * period, the whole-weeks part is empty and the days are all in the first part.
 */
export interface WeekCut {
  from: string;
  wholeWeeksFrom: string;
  wholeWeeksUntil: string;
  until: string;
}

/**
 * Days counted as the kit's integers, not JavaScript dates: the day after 9999-12-31 is '10000-01-01',
 * which PostgreSQL reads (toISOString would write '+010000-01-01', and the statement would fail).
 */
export function cutAtWholeWeeks(from: string, to: string): WeekCut {
  const start = dayNumberOf(from);
  const until = dayNumberOf(to) + 1;
  // Day 0, 1970-01-01, was a Thursday: Monday 0 … Sunday 6.
  const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;
  const mondayOnOrAfterStart = start + ((7 - weekday(start)) % 7);
  const mondayOnOrBeforeUntil = until - weekday(until);
  const wholeWeeksFrom = Math.min(mondayOnOrAfterStart, until);
  const wholeWeeksUntil = Math.max(mondayOnOrBeforeUntil, wholeWeeksFrom);
  return {
    from,
    wholeWeeksFrom: dateOfDayNumber(wholeWeeksFrom),
    wholeWeeksUntil: dateOfDayNumber(wholeWeeksUntil),
    until: dateOfDayNumber(until),
  };
}

/** The ISO week an observation falls in (its Monday, UTC): the same expression for the rollup and the edges. */
const WEEK_OF_OBSERVATION = `date_trunc('week', observed_at AT TIME ZONE 'UTC')::date`;

/**
 * Adds a batch's observations to the weekly rollup, in the transaction that inserted them: a batch
 * commits with its weeks or not at all, and a retried batch (same clientMutationId) never reaches here.
 * Rows go in key order so that two batches touching the same weeks lock them in the same order
 * (one waits for the other instead of deadlocking).
 */
export async function addBatchToFlowWeeks(manager: EntityManager, batchId: string): Promise<void> {
  await manager.query(addToFlowWeeksSql('batch_id = $1'), [batchId]);
}

/** The rollup statement for the observations `where` selects; the bench loads its million rows with it too. */
export function addToFlowWeeksSql(where: string): string {
  return `INSERT INTO flow_week (corridor_id, week_start, direction, owner_org, observations, cattle, sheep, goats, camels, herders)
     SELECT corridor_id, ${WEEK_OF_OBSERVATION}, direction, owner_org, count(*), sum(cattle), sum(sheep), sum(goats), sum(camels), sum(herders)
     FROM flow_observation WHERE ${where}
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT (corridor_id, week_start, direction, owner_org) DO UPDATE SET
       observations = flow_week.observations + EXCLUDED.observations,
       cattle = flow_week.cattle + EXCLUDED.cattle,
       sheep = flow_week.sheep + EXCLUDED.sheep,
       goats = flow_week.goats + EXCLUDED.goats,
       camels = flow_week.camels + EXCLUDED.camels,
       herders = flow_week.herders + EXCLUDED.herders`;
}

/**
 * Flows per corridor and ISO week, in one statement: whole weeks from the rollup (a few rows per
 * corridor and week, whatever the number of observations), the days of a week cut by either end of the
 * period from the observations themselves (the covering index on (corridor_id, observed_at), or the
 * one on observed_at for every corridor), summed per corridor and week. A week cut by the period
 * counts only its days inside it, as it always did.
 */
export async function weeklyFlows(dataSource: DataSource, filter: WeeklyFlowFilter, viewerOrg: string | null): Promise<WeeklyFlowRow[]> {
  const { sql, params } = weeklyFlowsStatement(filter, viewerOrg);
  const rows = (await dataSource.query(sql, params)) as Record<string, string | number | boolean>[];
  return rows.map((r) => ({
    corridorId: r.corridor_id as string,
    weekStart: r.week_start as string,
    week: r.week as string,
    observations: Number(r.observations),
    cattle: Number(r.cattle),
    sheep: Number(r.sheep),
    goats: Number(r.goats),
    camels: Number(r.camels),
    herders: Number(r.herders),
    ownedByViewer: Boolean(r.owned_by_viewer),
  }));
}

/** The statement `weeklyFlows` runs (also what the scale measurement explains). */
export function weeklyFlowsStatement(filter: WeeklyFlowFilter, viewerOrg: string | null): { sql: string; params: unknown[] } {
  const cut = cutAtWholeWeeks(filter.from, filter.to);
  return {
    sql: `SELECT corridor_id, to_char(week_start::timestamp, 'YYYY-MM-DD') AS week_start, to_char(week_start::timestamp, 'IYYY-"W"IW') AS week,
            sum(observations)::int AS observations, sum(cattle)::bigint AS cattle, sum(sheep)::bigint AS sheep, sum(goats)::bigint AS goats,
            sum(camels)::bigint AS camels, sum(herders)::bigint AS herders, bool_and(owner_org = $7::uuid) AS owned_by_viewer
     FROM (
       SELECT corridor_id, week_start, observations, cattle, sheep, goats, camels, herders, owner_org
       FROM flow_week
       WHERE ($1::uuid[] IS NULL OR corridor_id = ANY($1::uuid[]))
         AND week_start >= $3::date AND week_start < $4::date
         AND ($6::text IS NULL OR direction = $6)
       UNION ALL
       SELECT corridor_id, ${WEEK_OF_OBSERVATION}, 1, cattle, sheep, goats, camels, herders, owner_org
       FROM flow_observation
       WHERE ($1::uuid[] IS NULL OR corridor_id = ANY($1::uuid[]))
         AND ((observed_at >= $2::timestamp AT TIME ZONE 'UTC' AND observed_at < $3::timestamp AT TIME ZONE 'UTC')
           OR (observed_at >= $4::timestamp AT TIME ZONE 'UTC' AND observed_at < $5::timestamp AT TIME ZONE 'UTC'))
         AND ($6::text IS NULL OR direction = $6)
     ) cell
     GROUP BY corridor_id, week_start ORDER BY corridor_id, week_start`,
    params: [
      filter.corridors ? onlyUuids(filter.corridors) : null,
      cut.from,
      cut.wholeWeeksFrom,
      cut.wholeWeeksUntil,
      cut.until,
      filter.direction,
      viewerOrg ?? '00000000-0000-0000-0000-000000000000',
    ],
  };
}
