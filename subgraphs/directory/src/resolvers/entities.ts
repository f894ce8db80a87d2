import type { Resolvers } from '../generated/resolvers';

/**
 * How the gateway turns another subgraph's reference ({ __typename, key }) into our record. Always
 * through the request's loaders, so a list of 50 references costs one statement per type.
 */
export const entityResolvers = {
  Country: {
    __resolveReference: (ref, { loaders }) => loaders.country.load(ref.code),
  },
  AdminArea: {
    __resolveReference: (ref, { loaders }) => loaders.adminArea.load(ref.pcode),
  },
  Community: {
    __resolveReference: (ref, { loaders }) => loaders.community.load(ref.id),
  },
  Organisation: {
    __resolveReference: (ref, { loaders }) => loaders.organisation.load(ref.id),
  },
  Language: {
    __resolveReference: (ref, { loaders }) => loaders.language.load(ref.code),
  },
} satisfies Resolvers;
