import { CURRICULUM_OWNER } from '../lib/organisations';
import { at, type Scenario } from './types';

const PAGE = 50;
const COHORTS_EACH = 5;

const COHORT_FIELDS = /* GraphQL */ `
  name
  status
  progress {
    delivered
    total
    nextSession { number }
  }
`;

/** Problems of a list of communities' cohorts, the same in both shapes of the answer. */
function checkCohorts(lists: unknown[]): string | undefined {
  if (lists.length !== PAGE) return `expected ${PAGE} communities, got ${lists.length}`;
  const cohorts = lists.flatMap((list) => (Array.isArray(list) ? list : []));
  const without = lists.filter((list) => !Array.isArray(list) || list.length === 0).length;
  if (without > 0)
    return `${without} of ${PAGE} communities have no cohort: has the cohort generation run (it spreads cohorts over every bench village)?`;
  const total = at(cohorts[0], 'progress', 'total');
  if (typeof total !== 'number' || total < 1) return `the first cohort's progress has no total (${String(total)})`;
  if (!cohorts.some((c) => at(c, 'progress', 'nextSession', 'number')))
    return 'no cohort has a next session: the generated progress is missing';
  return undefined;
}

/**
 * A page of communities, each with its latest cohorts and how far they are through the module: the
 * gateway asks the directory for the page, then the curriculum subgraph for the 50 communities' cohorts
 * in one `_entities` call, where one statement fetches the cohorts of all 50 (row_number per community)
 * and one more their progress (counts over 200,000 deliveries), then the next sessions' plans.
 */
export const communityCohorts: Scenario = {
  name: 'community-cohorts',
  measures:
    'a page of 50 communities (directory) with up to 5 cohorts each and their progress (delivered / total / next session) from the curriculum subgraph, over 10,000 cohorts and ~200,000 deliveries; direct is the _entities call the gateway sends the curriculum subgraph',
  subgraph: 'curriculum',
  viewer: {
    organisationId: CURRICULUM_OWNER,
    scopes: ['curriculum:read'],
    why: 'the organisation that owns the generated cohorts (cohorts are PARTNER fields)',
  },
  query: /* GraphQL */ `
    query BenchCommunityCohorts($search: String!, $first: Int!, $cohorts: Int!) {
      communities(search: $search, first: $first) {
        edges {
          node {
            name
            cohorts(first: $cohorts) { ${COHORT_FIELDS} }
          }
        }
      }
    }
  `,
  variables: { search: 'bench village', first: PAGE, cohorts: COHORTS_EACH },
  targets: ['gateway', 'direct'],
  check: (data) => {
    const edges = at(data, 'communities', 'edges');
    if (!Array.isArray(edges)) return 'no communities';
    return checkCohorts(edges.map((edge) => at(edge, 'node', 'cohorts')));
  },
  direct: {
    query: /* GraphQL */ `
      query BenchCommunityCohortEntities($representations: [_Any!]!, $cohorts: Int!) {
        _entities(representations: $representations) {
          ... on Community {
            cohorts(first: $cohorts) { ${COHORT_FIELDS} }
          }
        }
      }
    `,
    // The same 50 communities as the gateway's page: the directory's first 50 search hits.
    variables: async (directQuery) => {
      const data = await directQuery(
        `query BenchCohortCommunityIds($first: Int!) { communities(search: "bench village", first: $first) { edges { node { id } } } }`,
        {
          first: PAGE,
        },
      );
      const edges = at(data, 'communities', 'edges');
      if (!Array.isArray(edges) || edges.length < PAGE)
        throw new Error(`community-cohorts: found only ${Array.isArray(edges) ? edges.length : 0} generated communities to reference`);
      return { representations: edges.map((edge) => ({ __typename: 'Community', id: at(edge, 'node', 'id') })), cohorts: COHORTS_EACH };
    },
    check: (data) => {
      const entities = at(data, '_entities');
      if (!Array.isArray(entities)) return 'no _entities';
      return checkCohorts(entities.map((entity) => at(entity, 'cohorts')));
    },
  },
};
