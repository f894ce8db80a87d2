import type { Resolvers } from '../generated/resolvers';

/**
 * How the gateway turns another subgraph's reference ({ __typename, key }) into our record. Always
 * through the request's loaders, so a list of 50 references costs one statement per type.
 */
export const entityResolvers = {
  Community: {
    __resolveReference: (ref, { loaders }) => loaders.community.load(ref.id),
  },
  Organisation: {
    __resolveReference: (ref, { loaders }) => loaders.organisation.load(ref.id),
  },
} satisfies Resolvers;
