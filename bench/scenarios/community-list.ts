import { at, type Scenario } from './types';

/** A page of communities with each one's area, the area's parent and the country: three joins' worth of loaders. */
export const communityList: Scenario = {
  name: 'community-list',
  measures:
    'one page of 50 communities with admin area → parent → country; the DataLoader batching (one statement per type, not per row) and the cost of planning and merging through the gateway',
  query: /* GraphQL */ `
    query BenchCommunityList($first: Int!) {
      communities(first: $first) {
        edges {
          node {
            name
            adminArea {
              name
              parent {
                name
              }
              country {
                nameEn
              }
            }
          }
        }
      }
    }
  `,
  variables: { first: 50 },
  targets: ['gateway', 'direct'],
  check: (data) => {
    const edges = at(data, 'communities', 'edges');
    if (!Array.isArray(edges) || edges.length !== 50) return `expected 50 communities, got ${Array.isArray(edges) ? edges.length : 'none'}`;
    if (!at(edges[0], 'node', 'adminArea', 'country', 'nameEn')) return 'the first community has no admin area country name';
    return undefined;
  },
};
