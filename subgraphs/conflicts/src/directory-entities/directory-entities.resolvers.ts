import type { ConflictsContext } from '../context';

/**
 * How the gateway turns a reference into our record: through the request's loaders, so a list of 50
 * references costs one statement per type. Community and AdminArea are the directory's: their
 * reference is all this subgraph needs to answer its own fields on them.
 */
export const entityResolvers = {
  PeaceCommission: {
    __resolveReference: (ref: { id: string }, { loaders }: ConflictsContext) => loaders.commission.load(ref.id),
  },
  ConflictCase: {
    __resolveReference: (ref: { id: string }, { loaders }: ConflictsContext) => loaders.case.load(ref.id),
  },
  Community: {
    __resolveReference: (ref: { id: string }) => ref,
  },
  AdminArea: {
    __resolveReference: (ref: { pcode: string }) => ref,
  },
};
