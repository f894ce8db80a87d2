import { CONFLICTS_OWNER } from '../lib/organisations';
import type { BenchViewer, Scenario } from './types';

/**
 * A partner that owns none of the cases (the peace commissions network, whose dashboards show where
 * former fighters are being reintegrated): every count goes through disclosure control, decided once
 * for every country, region, admin-2 area and breakdown, which is part of what is measured.
 */
const OTHER_PARTNER: BenchViewer = {
  organisationId: CONFLICTS_OWNER,
  scopes: ['displacement:read'],
  why: "another partner than the cases' owner: every count goes through disclosure control (discloseNested)",
};

const COUNT = /* GraphQL */ `
  count
  suppressed
`;

const LINE = /* GraphQL */ `
  code
  adminArea {
    pcode
  }
  cases { ${COUNT} }
  byKey {
    key
    cases { ${COUNT} }
  }
  assistance {
    kind
    cases { ${COUNT} }
  }
`;

interface Line {
  cases: { count: number | null; suppressed: boolean };
}

/** A dashboard's reintegration caseload: Mali by admin-2 area and category, with assistance. */
export const displacementCaseload: Scenario = {
  name: 'displacement-caseload',
  measures:
    'reintegrationStats for Mali by admin-2 area and category (with the cases given each kind of assistance) over ~100,000 generated cases and their assistance in Mali, Burkina Faso and Niger, for a partner that owns none of them: the rollup sums and one disclosure pattern over every area and breakdown',
  subgraph: 'displacement',
  viewer: OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchReintegrationCaseload {
      reintegrationStats(filter: { country: "ML" }, level: ADMIN2, breakdown: CATEGORY) {
        exact
        level
        breakdown
        areas { ${LINE} }
        total { ${LINE} }
      }
    }
  `,
  targets: ['gateway', 'direct'],
  statistics: true,
  check: (data) => {
    const stats = data.reintegrationStats as { exact: boolean; areas: Line[]; total: Line } | null;
    if (!stats) return 'no reintegrationStats';
    if (stats.exact) return 'expected disclosure-controlled figures (exact: false) for a partner that owns none of the cases';
    if (stats.areas.length < 40)
      return `expected the Mali admin-2 areas with cases, got ${stats.areas.length}: has the case generation run?`;
    const total = stats.total.cases.count ?? 0;
    if (total < 5_000) return `expected thousands of Mali cases, got ${total}`;
    return undefined;
  },
};
