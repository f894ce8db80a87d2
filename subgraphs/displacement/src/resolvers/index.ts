import { displacementResolvers } from './displacement';
import { transhumanceResolvers } from './transhumance';

// Resolver functions take many shapes of (parent, args, context); the schema checks them, not this map.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResolverMap = Record<string, Record<string, any>>;

/**
 * Both halves of the subgraph add fields to the same types (Query, Mutation, and the directory's
 * Community, AdminArea and Organisation), so their maps are joined type by type; a field both define
 * is a mistake, refused at start-up.
 */
function joined(...maps: ResolverMap[]): ResolverMap {
  const all: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const into = (all[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in into && field !== '__resolveReference') throw new Error(`Two resolvers for ${type}.${field}`);
        into[field] = resolver;
      }
    }
  }
  return all;
}

// The directory owns these entities: a reference carries their key, which is all our fields need.
const directoryEntities: ResolverMap = {
  Community: { __resolveReference: (ref: { id: string }) => ref },
  AdminArea: { __resolveReference: (ref: { pcode: string }) => ref },
  Organisation: { __resolveReference: (ref: { id: string }) => ref },
};

export const resolvers = joined(directoryEntities, displacementResolvers, transhumanceResolvers);
