import { at, type Scenario } from './types';

const BATCH = 50;

/**
 * What the gateway sends the directory when another subgraph's list (cohorts, cases, alerts…) asks
 * for its communities' names: one `_entities` call with 50 references. Only the subgraph serves
 * `_entities`, so this runs direct.
 */
export const communityEntities: Scenario = {
  name: 'community-entities-50',
  measures:
    'an _entities batch of 50 Community references resolved through the loaders (the cost every other subgraph pays to show community names)',
  query: /* GraphQL */ `
    query BenchCommunityEntities($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Community {
          id
          name
          adminArea {
            pcode
            name
          }
        }
      }
    }
  `,
  variables: async (directQuery) => {
    const data = await directQuery(
      `query BenchEntityIds($first: Int!) { communities(search: "bench village", first: $first) { edges { node { id } } } }`,
      { first: BATCH },
    );
    const edges = at(data, 'communities', 'edges');
    if (!Array.isArray(edges) || edges.length < BATCH)
      throw new Error(`community-entities-50: found only ${Array.isArray(edges) ? edges.length : 0} generated communities to reference`);
    return { representations: edges.map((edge) => ({ __typename: 'Community', id: at(edge, 'node', 'id') })) };
  },
  targets: ['direct'],
  check: (data) => {
    const entities = at(data, '_entities');
    if (!Array.isArray(entities) || entities.length !== BATCH)
      return `expected ${BATCH} entities, got ${Array.isArray(entities) ? entities.length : 'none'}`;
    const missing = entities.filter((entity) => !at(entity, 'name')).length;
    if (missing > 0) return `${missing} of ${BATCH} references resolved to nothing`;
    return undefined;
  },
};
