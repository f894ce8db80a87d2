import { at, type Scenario } from './types';

/**
 * Issue 6's "search over 50,000 recommendations": a word as a reader types it, over the published
 * declarations, recommendations and testimonies (PUBLIC: anonymous, as a reader of the site). The
 * generated recommendations hold "réconciliation" in about 28 % of their texts (French originals and
 * English translations, "reconciliation" being the same lexeme), so every page finds, ranks and
 * de-duplicates ~14,000 matches before taking 20, with ts_headline snippets for those 20. The forums
 * subgraph keeps that page until a write raises its read generation (its README, "Read cache"): under
 * load the same words are asked again and again, so this measures the kept answer; the README gives
 * what a search after a write costs.
 */
export const forumSearch: Scenario = {
  name: 'forum-search',
  measures:
    'forumSearch(query: "réconciliation", first: 20) with totalCount and snippets over ~50,000 published recommendations (100,000 texts, French and English), anonymous: the first request after a write ranks every match (GIN lookups per configuration, a page of snippets, the count in the same statement); the others are answered from the read cache (the read generation, then the page\'s records)',
  subgraph: 'forums',
  statistics: true,
  query: /* GraphQL */ `
    query BenchForumSearch($query: String!, $first: Int!) {
      forumSearch(query: $query, first: $first) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          kind
          rank
          language {
            code
          }
          snippet {
            text
            highlights {
              start
              length
            }
          }
          node {
            ... on ForumRecommendation {
              id
              number
              theme
              addressee
            }
            ... on Declaration {
              id
            }
            ... on Testimony {
              id
            }
          }
        }
      }
    }
  `,
  variables: { query: 'réconciliation', first: 20 },
  targets: ['gateway', 'direct'],
  check: (data) => {
    const total = at(data, 'forumSearch', 'totalCount');
    if (typeof total !== 'number' || total < 5_000)
      return `expected thousands of matches among the generated recommendations, totalCount is ${String(total)}: has the generation run?`;
    const edges = at(data, 'forumSearch', 'edges');
    if (!Array.isArray(edges) || edges.length !== 20) return `expected a page of 20, got ${Array.isArray(edges) ? edges.length : 'none'}`;
    const bare = edges.find((e) => !(at(e, 'snippet', 'highlights') as unknown[] | undefined)?.length);
    if (bare) return `a match without a highlighted snippet: ${JSON.stringify(bare).slice(0, 300)}`;
    return undefined;
  },
};
