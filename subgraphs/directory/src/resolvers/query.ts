import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  community: (_, { id }, { loaders }) => loaders.community.load(id),
  communities: (_, args, { repositories }) => repositories.communities.list(args, args),

  organisation: (_, { id }, { loaders }) => loaders.organisation.load(id),
  organisations: (_, args, { repositories }) => repositories.organisations.list(args, args),
};
