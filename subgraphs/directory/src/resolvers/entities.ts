import type { DirectoryContext } from '../context';

/**
 * How the gateway turns another subgraph's reference ({ __typename, key }) into our record. Always
 * through the request's loaders, so a list of 50 references costs one statement per type.
 */
export const entityResolvers = {
  Country: {
    __resolveReference: (ref: { code: string }, { loaders }: DirectoryContext) => loaders.country.load(ref.code),
  },
  AdminArea: {
    __resolveReference: (ref: { pcode: string }, { loaders }: DirectoryContext) => loaders.adminArea.load(ref.pcode),
  },
  Community: {
    __resolveReference: (ref: { id: string }, { loaders }: DirectoryContext) => loaders.community.load(ref.id),
  },
  Organisation: {
    __resolveReference: (ref: { id: string }, { loaders }: DirectoryContext) => loaders.organisation.load(ref.id),
  },
  Language: {
    __resolveReference: (ref: { code: string }, { loaders }: DirectoryContext) => loaders.language.load(ref.code),
  },
};
