import { at, type Scenario } from './types';

const POINT = 'period asOf recommendations pending inProgress implemented rejected implementationRate';

/**
 * Issue 19's "forum implementation" dashboard figure: where the published recommendations stood at the
 * end of each quarter from 2023 to 2026, one series per addressee category (who was asked to act) and
 * one for all of them. PUBLIC (counts of recommendations, not of people), so anonymous. Over the 50,000
 * generated recommendations, 60 % followed up by generated reports (IN_PROGRESS, IMPLEMENTED, REJECTED,
 * some taken up again) spread over three years: each quarter's end meets each recommendation's status
 * as of that day.
 */
export const forumImplementation: Scenario = {
  name: 'forum-implementation',
  measures:
    'forumImplementation(groupBy: ADDRESSEE, interval: QUARTER, 2023-01-01 to 2026-12-31) over ~50,000 published recommendations and ~43,000 follow-up reports: the status of each recommendation at each of 16 quarter ends, per addressee category and overall, anonymous; one statement in one pass (events and a running sum) after a write, then the read cache',
  subgraph: 'forums',
  statistics: true,
  query: /* GraphQL */ `
    query BenchForumImplementation($from: Date!, $to: Date!) {
      forumImplementation(groupBy: ADDRESSEE, interval: QUARTER, from: $from, to: $to) {
        groupBy
        interval
        groups {
          addressee
          series { ${POINT} }
        }
        overall { ${POINT} }
      }
    }
  `,
  variables: { from: '2023-01-01', to: '2026-12-31' },
  targets: ['gateway', 'direct'],
  check: (data) => {
    const overall = at(data, 'forumImplementation', 'overall') as
      { recommendations: number; implemented: number; inProgress: number }[] | undefined;
    if (!Array.isArray(overall) || overall.length !== 16)
      return `expected 16 quarters, got ${Array.isArray(overall) ? overall.length : 'none'}`;
    const last = overall.at(-1)!;
    if (last.recommendations < 40_000)
      return `expected tens of thousands of recommendations by the end, got ${last.recommendations}: has the generation run?`;
    if (last.implemented < 1_000 || last.inProgress < 1_000)
      return `expected thousands implemented and in progress (the generated follow-ups), got ${last.implemented} and ${last.inProgress}`;
    const groups = at(data, 'forumImplementation', 'groups');
    if (!Array.isArray(groups) || groups.length < 10)
      return `expected a series per addressee category, got ${Array.isArray(groups) ? groups.length : 'none'}`;
    return undefined;
  },
};
