import { CONFLICTS_OWNER } from '../lib/organisations';
import { at, type BenchViewer, type Scenario } from './types';

/** A disclosure-controlled count as a dashboard shows it. */
const COUNT = 'count suppressed';
const HEADCOUNT = /* GraphQL */ `
  exact
  total { ${COUNT} }
  bySex { sex ${COUNT} }
  bySexAndAgeGroup { sex ageGroup ${COUNT} }
`;

/** Every figure of ReachFigures, as a dashboard shows them. */
export const REACH_FIGURES = /* GraphQL */ `
  cohortsCompleted { ${COUNT} }
  sessionsDelivered { ${COUNT} }
  makeUpSessionsDelivered { ${COUNT} }
  participantsReached { ${HEADCOUNT} }
  participantsReachedByAudience { audience ${COUNT} }
  peopleReachedByMobilisation { ${HEADCOUNT} }
`;

/**
 * A partner that owns none of the cohorts (the peace commissions network, which follows what community
 * education reached where it mediates): every figure goes through the curriculum's disclosure control,
 * which is part of what is measured. The owner would get exact figures without it.
 */
export const NOT_THE_COHORTS_OWNER: BenchViewer = {
  organisationId: CONFLICTS_OWNER,
  scopes: ['curriculum:read'],
  why: "another partner than the cohorts' owner: the reach figures go through disclosure control",
};

const QUERY = /* GraphQL */ `
  query BenchCurriculumReach($filter: ReachFilter, $groupBy: ReachGrouping) {
    curriculumReach(filter: $filter, groupBy: $groupBy) {
      exact
      groupBy
      groups {
        key
        country { code }
        adminArea { pcode }
        figures { ${REACH_FIGURES} }
      }
      total { ${REACH_FIGURES} }
    }
  }
`;

/** Problems of an answer: too few groups, exact figures (no disclosure control), or no generated data in it. */
function checkReach(data: Record<string, unknown>, minGroups: number): string | undefined {
  const groups = at(data, 'curriculumReach', 'groups');
  if (!Array.isArray(groups) || groups.length < minGroups)
    return `expected at least ${minGroups} groups, got ${Array.isArray(groups) ? groups.length : 'none'}`;
  if (at(data, 'curriculumReach', 'exact') !== false)
    return 'the figures are exact: the caller owns every cohort, so disclosure control is not measured';
  const sessions = at(data, 'curriculumReach', 'total', 'sessionsDelivered', 'count');
  if (typeof sessions !== 'number' || sessions < 1_000)
    return `expected thousands of sessions delivered, the total says ${String(sessions)}: has the cohort generation run?`;
  const mobilised = at(data, 'curriculumReach', 'total', 'peopleReachedByMobilisation', 'total', 'count');
  if (typeof mobilised !== 'number' || mobilised < 1_000)
    return `expected thousands of people reached by mobilisations, the total says ${String(mobilised)}: has the mobilisation generation run?`;
  return undefined;
}

/** Mali's 53 admin-2 areas each hold generated cohorts; fewer groups means missing data. */
const MALI_AREAS = 40;

/**
 * What community education reached in each admin-2 area of Mali (about 1,800 cohorts, 36,000 session
 * deliveries and their mobilisations), every figure, for a partner that owns none of the cohorts.
 * Only keys are asked of the areas, so the gateway needs no other subgraph.
 */
export const curriculumReachByArea: Scenario = {
  name: 'curriculum-reach-ML-admin2',
  measures:
    "curriculumReach(filter: { country: ML }, groupBy: ADMIN_AREA), every ReachFigures field, over 10,000 cohorts, ~200,000 session deliveries and their social mobilisations (Mali's share: ~1,800 cohorts in 53 areas), for a partner that owns none of them: disclosure control of every figure's table",
  subgraph: 'curriculum',
  viewer: NOT_THE_COHORTS_OWNER,
  query: QUERY,
  variables: { filter: { country: 'ML' }, groupBy: 'ADMIN_AREA' },
  targets: ['gateway', 'direct'],
  statistics: true,
  check: (data) => checkReach(data, MALI_AREAS),
};

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The last 365 days by quarter, every country: a period that starts and ends mid-month, as a
 * dashboard's "last twelve months" does, so the days at either end are counted as well as the whole
 * months between them.
 */
export const curriculumReachByQuarter: Scenario = {
  name: 'curriculum-reach-by-quarter',
  measures:
    'curriculumReach over the last 365 days grouped by QUARTER, every country, every ReachFigures field: each figure counted on its own date (completion, delivery, start, mobilisation), for a partner that owns none of the cohorts',
  subgraph: 'curriculum',
  viewer: NOT_THE_COHORTS_OWNER,
  query: QUERY,
  variables: () => Promise.resolve({ filter: { from: daysAgo(365), to: daysAgo(0) }, groupBy: 'QUARTER' }),
  targets: ['gateway', 'direct'],
  statistics: true,
  // 365 days touch four or five quarters.
  check: (data) => checkReach(data, 4),
};
