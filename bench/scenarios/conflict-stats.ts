import { CURRICULUM_OWNER } from '../lib/organisations';
import { at, type BenchViewer, type Scenario } from './types';

/** Every figure of CaseFigures, as a dashboard shows them. */
export const CASE_FIGURES = /* GraphQL */ `
  exact
  reported { count suppressed }
  open { count suppressed }
  resolved { count suppressed }
  referred { count suppressed }
  unresolved { count suppressed }
  relapsed { count suppressed }
  medianDaysToResolution
`;

/**
 * A partner that owns none of the cases (Jokko, an education NGO, with conflicts:read): the figures go
 * through the kit's disclosure control (suppression of small counts and of what would give them
 * away), which is part of what these scenarios measure. The owner would get exact figures without it.
 */
export const OTHER_PARTNER: BenchViewer = {
  organisationId: CURRICULUM_OWNER,
  scopes: ['conflicts:read'],
  why: "another partner than the cases' owner: the figures go through disclosure control",
};

/** Mali's admin-2 areas hold about 53 × 1,200 generated cases; fewer groups means missing data. */
const MIN_GROUPS = 40;

/**
 * Case statistics for every admin-2 area of Mali, in one statement over the case figures rollup (the
 * groups and the total, with an exact median per group from the rollup's days-to-resolution
 * histogram), then disclosure control of the table as a whole. Only keys and figures are asked, so the gateway needs no other subgraph and the
 * same query runs on both targets.
 */
export const conflictStats: Scenario = {
  name: 'conflict-stats-ML-admin2',
  measures:
    'conflictStats(country: ML, groupBy: ADMIN2) over ~200,000 cases (~64,000 in Mali), read from the case figures rollup (counts and a days-to-resolution histogram per area, owner and month, so medians stay exact): the admin-2 areas and the total, then disclosure control of the table for a partner that owns none of the cases',
  subgraph: 'conflicts',
  viewer: OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchConflictStats($country: CountryCode!, $groupBy: ConflictStatsGrouping!) {
      conflictStats(country: $country, groupBy: $groupBy) {
        exact
        groups {
          key
          adminArea { pcode }
          figures { ${CASE_FIGURES} }
        }
        total { ${CASE_FIGURES} }
      }
    }
  `,
  variables: { country: 'ML', groupBy: 'ADMIN2' },
  targets: ['gateway', 'direct'],
  statistics: true,
  check: (data) => {
    const groups = at(data, 'conflictStats', 'groups');
    if (!Array.isArray(groups) || groups.length < MIN_GROUPS)
      return `expected at least ${MIN_GROUPS} Mali admin-2 groups, got ${Array.isArray(groups) ? groups.length : 'none'}`;
    if (at(data, 'conflictStats', 'exact') !== false)
      return 'the figures are exact: the caller owns every case, so disclosure control is not measured';
    const reported = at(data, 'conflictStats', 'total', 'reported', 'count');
    if (typeof reported !== 'number' || reported < 10_000)
      return `expected tens of thousands of Mali cases, the total says ${String(reported)}: has the case generation run?`;
    return undefined;
  },
};
