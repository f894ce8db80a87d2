import type { ForumSearchResultResolvers, QueryResolvers } from '../generated/resolvers';

export const searchQueries: QueryResolvers = {
  forumSearch: (_, args, { search }) => search.search(args),
};

/** Which record a search match is: each kind has a field the others lack. */
export const ForumSearchResult: ForumSearchResultResolvers = {
  __resolveType: (node) => ('speakerRole' in node ? 'Testimony' : 'theme' in node ? 'ForumRecommendation' : 'Declaration'),
};
