import { at, type Scenario } from './types';
import { CASE_FIGURES, OTHER_PARTNER } from './conflict-stats';

const FIRST = 100;

function checkAreas(areas: unknown[], expected?: number): string | undefined {
  if (areas.length === 0 || (expected !== undefined && areas.length !== expected))
    return `expected ${expected ?? 'some'} Mali admin-2 areas, got ${areas.length}`;
  const missing = areas.filter((area) => !at(area, 'conflictStats')).length;
  if (missing > 0) return `${missing} of ${areas.length} areas have no conflictStats`;
  const withCases = areas.filter((area) => ((at(area, 'conflictStats', 'reported', 'count') as number | null) ?? 0) > 0).length;
  if (withCases < areas.length / 2) return `only ${withCases} of ${areas.length} areas have cases: has the case generation run?`;
  if (areas.some((area) => at(area, 'conflictStats', 'exact') !== false))
    return 'some figures are exact: the caller owns the cases, so disclosure control is not measured';
  return undefined;
}

/**
 * The Mali admin-2 picker of the directory with each area's case figures: the gateway pages the
 * directory's areas, then sends the conflicts subgraph one `_entities` call with the 53 AdminArea
 * references, which one statement answers (each area's slice of the P-code prefix index, grouped per
 * area); each area's figures then go through disclosure control on their own.
 */
export const areaConflictStats: Scenario = {
  name: 'admin-areas-ML-2-conflict-stats',
  measures:
    "Mali's admin-2 areas (directory) with each area's case figures (conflicts, read from the case figures rollup over ~200,000 cases, disclosure control per area for another partner); direct is the _entities call the gateway sends the conflicts subgraph",
  subgraph: 'conflicts',
  viewer: OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchAreaConflictStats($country: CountryCode!, $level: Int!, $first: Int!) {
      adminAreas(country: $country, level: $level, first: $first) {
        edges {
          node {
            pcode
            name
            conflictStats { ${CASE_FIGURES} }
          }
        }
      }
    }
  `,
  variables: { country: 'ML', level: 2, first: FIRST },
  targets: ['gateway', 'direct'],
  statistics: true,
  check: (data) => {
    const edges = at(data, 'adminAreas', 'edges');
    if (!Array.isArray(edges)) return 'no admin areas';
    return checkAreas(edges.map((edge) => at(edge, 'node')));
  },
  direct: {
    query: /* GraphQL */ `
      query BenchAreaConflictStatsEntities($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on AdminArea {
            pcode
            conflictStats { ${CASE_FIGURES} }
          }
        }
      }
    `,
    // The same areas as the gateway's page, as the directory lists them.
    variables: async (directQuery) => {
      const data = await directQuery(
        `query BenchMaliAreas($first: Int!) { adminAreas(country: "ML", level: 2, first: $first) { edges { node { pcode } } } }`,
        { first: FIRST },
      );
      const edges = at(data, 'adminAreas', 'edges');
      if (!Array.isArray(edges) || edges.length === 0)
        throw new Error('admin-areas-ML-2-conflict-stats: the directory lists no Mali admin-2 area');
      return { representations: edges.map((edge) => ({ __typename: 'AdminArea', pcode: at(edge, 'node', 'pcode') })) };
    },
    check: (data) => {
      const entities = at(data, '_entities');
      if (!Array.isArray(entities)) return 'no _entities';
      return checkAreas(entities);
    },
  },
};
