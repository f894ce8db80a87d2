import { CONFLICTS_OWNER } from '../lib/organisations';
import type { BenchViewer, Scenario } from './types';

/**
 * A partner that owns none of the observations (the peace commissions network, which watches herds
 * that reach its communities): herders are people, so their weekly counts go through disclosure
 * control, which is part of what is measured.
 */
const OTHER_PARTNER: BenchViewer = {
  organisationId: CONFLICTS_OWNER,
  scopes: ['displacement:read'],
  why: "another partner than the observations' owner: herder counts go through disclosure control",
};

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Issue 8's "flows per corridor and week over 1,000,000 observations". */
export const transhumanceFlows: Scenario = {
  name: 'transhumance-flows-by-week',
  measures:
    'transhumanceFlows over the last 365 days for every corridor, of ~1,000,000 generated observations over three years (~330,000 in the year asked): heads by species, TLU and herders per corridor and ISO week, for a partner that owns none of them',
  subgraph: 'displacement',
  viewer: OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchTranshumanceFlows($filter: TranshumanceFlowFilter!) {
      transhumanceFlows(filter: $filter) {
        corridor {
          id
        }
        week
        weekStart
        observations
        heads {
          cattle
          sheep
          goats
          camels
          tlu
        }
        herders {
          count
          suppressed
        }
      }
    }
  `,
  variables: () => Promise.resolve({ filter: { from: daysAgo(365), to: daysAgo(0) } }),
  targets: ['gateway', 'direct'],
  statistics: true,
  check: (data) => {
    const weeks = data.transhumanceFlows;
    if (!Array.isArray(weeks) || weeks.length < 100)
      return `expected a year of weeks for each corridor, got ${Array.isArray(weeks) ? weeks.length : 'none'}`;
    const observations = weeks.reduce((sum: number, w: { observations: number }) => sum + w.observations, 0);
    if (observations < 200_000)
      return `expected hundreds of thousands of observations counted, got ${observations}: has the flow generation run?`;
    return undefined;
  },
};
