import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  createCommunity: (_, { input }, { communities }) => communities.create(input),
  updateCommunity: (_, { id, version, input }, { communities }) => communities.update(id, version, input),

  createOrganisation: (_, { input }, { organisations }) => organisations.create(input),
  updateOrganisation: (_, { id, version, input }, { organisations }) => organisations.update(id, version, input),

  createApiKey: (_, { input }, { apiKeys }) => apiKeys.create(input),
  revokeApiKey: (_, { id }, { apiKeys }) => apiKeys.revoke(id),
};
