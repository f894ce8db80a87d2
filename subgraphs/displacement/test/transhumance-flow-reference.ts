import type { WeeklyFlowFilter } from '../src/flow/flow-weeks';

/**
 * Weekly flows summed over the observations themselves, as transhumanceFlows did before the weekly
 * rollup: the answer the rollup must keep (integration test) and the time it must beat (scale script).
 * Columns and order as `weeklyFlows` returns them.
 */
export function weeklyFlowsFromObservations(filter: WeeklyFlowFilter, viewerOrg: string | null): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT corridor_id AS "corridorId", to_char(week, 'YYYY-MM-DD') AS "weekStart", to_char(week, 'IYYY-"W"IW') AS week,
            count(*)::int AS observations, sum(cattle)::int AS cattle, sum(sheep)::int AS sheep, sum(goats)::int AS goats,
            sum(camels)::int AS camels, sum(herders)::int AS herders, bool_and(owner_org = $5::uuid) AS "ownedByViewer"
     FROM (
       SELECT corridor_id, date_trunc('week', observed_at AT TIME ZONE 'UTC') AS week, cattle, sheep, goats, camels, herders, owner_org
       FROM flow_observation
       WHERE ($1::uuid[] IS NULL OR corridor_id = ANY($1::uuid[]))
         AND observed_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
         AND observed_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
         AND ($4::text IS NULL OR direction = $4)
     ) o
     GROUP BY corridor_id, week ORDER BY corridor_id, week`,
    params: [filter.corridors, filter.from, filter.to, filter.direction, viewerOrg ?? '00000000-0000-0000-0000-000000000000'],
  };
}
