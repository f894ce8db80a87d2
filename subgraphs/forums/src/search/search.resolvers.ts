import type { ForumsContext } from '../context';
import type { SearchArgs } from './search.service';

export const searchQueries = {
  forumSearch: (_: unknown, args: SearchArgs, { search }: ForumsContext) => search.search(args),
};

/** Which record a search match is: each kind has a field the others lack. */
export const ForumSearchResult = {
  __resolveType: (node: object) => ('speakerRole' in node ? 'Testimony' : 'theme' in node ? 'ForumRecommendation' : 'Declaration'),
};
