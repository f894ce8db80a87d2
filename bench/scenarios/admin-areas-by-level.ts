import { at, type Scenario } from './types';

/** Every admin-2 area of Mali with its region: a reference-data list that clients load to fill pickers. */
export const adminAreasByLevel: Scenario = {
  name: 'admin-areas-ML-2',
  measures: "a filtered keyset page of reference data (Mali admin 2, up to 100) with totalCount (one COUNT) and each area's parent",
  query: /* GraphQL */ `
    query BenchAdminAreas($country: CountryCode!, $level: Int!, $first: Int!) {
      adminAreas(country: $country, level: $level, first: $first) {
        totalCount
        edges {
          node {
            pcode
            name
            parent {
              pcode
              name
            }
          }
        }
      }
    }
  `,
  variables: { country: 'ML', level: 2, first: 100 },
  targets: ['gateway', 'direct'],
  check: (data) => {
    const total = at(data, 'adminAreas', 'totalCount');
    const edges = at(data, 'adminAreas', 'edges');
    if (typeof total !== 'number' || total === 0) return `expected Mali admin-2 areas, totalCount is ${String(total)}`;
    if (!Array.isArray(edges) || edges.length !== Math.min(total, 100))
      return `expected ${Math.min(total, 100)} edges, got ${Array.isArray(edges) ? edges.length : 'none'}`;
    return undefined;
  },
};
