import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  createApiKey: (_, { input }, { apiKeys }) => apiKeys.create(input),
  revokeApiKey: (_, { id }, { apiKeys }) => apiKeys.revoke(id),
};
