import { wholeNumber } from '@peacegraph/kit';
import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  countries: (_, __, { repositories }) => repositories.countries.all(),
  country: (_, { code }, { loaders }) => loaders.country.load(code),

  adminArea: (_, { pcode }, { loaders }) => loaders.adminArea.load(pcode),
  adminAreas: (_, args, { repositories }) => {
    // The column is a smallint: a level past its range was PostgreSQL's error, not the caller's.
    if (args.level !== null && args.level !== undefined) wholeNumber('level', args.level, 'The admin level', { min: 0, max: 9 });
    return repositories.adminAreas.list(args, args);
  },

  community: (_, { id }, { loaders }) => loaders.community.load(id),
  communities: (_, args, { repositories }) => repositories.communities.list(args, args),

  organisation: (_, { id }, { loaders }) => loaders.organisation.load(id),
  organisations: (_, args, { repositories }) => repositories.organisations.list(args, args),

  language: (_, { code }, { loaders }) => loaders.language.load(code),
  languages: (_, args, { repositories }) => repositories.languages.list(args, args),
};
