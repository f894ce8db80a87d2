import type { CaseloadRow, CaseloadSelection } from '../src/statistics/statistics.repository';

/**
 * The caseload counted over the cases and their assistance themselves, as reintegrationStats did
 * before the rollup: the answer the rollup must keep. Rows as `DisplacementAggregates.caseload`
 * returns them, without the zero cells (the rollup lists them, the count here cannot).
 */
export function caseloadFromCases(filter: CaseloadSelection, viewerOrg: string): { sql: string; params: unknown[] } {
  return {
    sql: `WITH chosen AS (
            SELECT c.* FROM reintegration_case c
            WHERE ($1::uuid IS NULL OR c.programme_id = $1) AND ($2::uuid IS NULL OR c.owner_org = $2)
              AND ($3::date IS NULL OR c.registered_on >= $3) AND ($4::date IS NULL OR c.registered_on <= $4)
          ), own AS (SELECT admin_pcode, bool_and(owner_org = $5::uuid) AS own FROM chosen GROUP BY 1),
          counted AS (
            SELECT country_code::text AS country, admin1_pcode AS admin1, admin_pcode AS admin2, 'CATEGORY' AS breakdown, category AS key, count(*)::int AS cases FROM chosen GROUP BY 1, 2, 3, 4, 5
            UNION ALL SELECT country_code::text, admin1_pcode, admin_pcode, 'SEX', sex, count(*)::int FROM chosen GROUP BY 1, 2, 3, 4, 5
            UNION ALL SELECT country_code::text, admin1_pcode, admin_pcode, 'AGE_GROUP', age_group, count(*)::int FROM chosen GROUP BY 1, 2, 3, 4, 5
            UNION ALL SELECT country_code::text, admin1_pcode, admin_pcode, 'STATUS', status, count(*)::int FROM chosen GROUP BY 1, 2, 3, 4, 5
            UNION ALL SELECT c.country_code::text, c.admin1_pcode, c.admin_pcode, 'ASSISTANCE', a.kind, count(DISTINCT c.id)::int
                      FROM chosen c JOIN reintegration_assistance a ON a.case_id = c.id GROUP BY 1, 2, 3, 4, 5
          )
          SELECT counted.*, own.own FROM counted JOIN own ON own.admin_pcode = counted.admin2`,
    params: [filter.programme ?? null, filter.organisation ?? null, filter.registeredFrom ?? null, filter.registeredTo ?? null, viewerOrg],
  };
}

/** Rows in one order, zero cells left out, for comparing. */
export function comparable(rows: readonly CaseloadRow[]): CaseloadRow[] {
  return rows
    .filter((row) => row.cases !== 0)
    .map((row) => ({ ...row }))
    .sort((a, b) => `${a.admin2} ${a.breakdown} ${a.key}`.localeCompare(`${b.admin2} ${b.breakdown} ${b.key}`));
}
