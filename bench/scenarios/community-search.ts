import { at, type Scenario } from './types';

/**
 * A name search as a user types it: lower case, no accents. "bench village 12" matches 12, 120–129
 * and 1200–1299 among the generated villages, so the trigram index does real work.
 */
export const communitySearch: Scenario = {
  name: 'community-search',
  measures: 'accent- and case-insensitive "contains" search over ~5,000 community names (trigram index on search_key) with totalCount',
  query: /* GraphQL */ `
    query BenchCommunitySearch($search: String!, $first: Int!) {
      communities(search: $search, first: $first) {
        totalCount
        edges {
          node {
            id
            name
            adminArea {
              pcode
              name
            }
          }
        }
      }
    }
  `,
  variables: { search: 'bench village 12', first: 20 },
  targets: ['gateway', 'direct'],
  statistics: true,
  check: (data) => {
    const total = at(data, 'communities', 'totalCount');
    if (typeof total !== 'number' || total < 11)
      return `expected the generated "Bench village 12…" communities, totalCount is ${String(total)}`;
    return undefined;
  },
};
