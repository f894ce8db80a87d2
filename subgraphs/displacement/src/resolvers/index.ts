import type { Resolvers } from '../generated/resolvers';
import { displacementResolvers } from './displacement';
import { transhumanceResolvers } from './transhumance';

/** A resolver map as `joined` walks it: each type's fields, whatever their signatures. */
type FieldMap = Record<string, Record<string, unknown>>;

/**
 * Both halves of the subgraph add fields to the same types (Query, Mutation, and the directory's
 * Community, AdminArea and Organisation), so their maps are joined type by type; a field both define
 * is a mistake, refused at start-up.
 */
function joined(...maps: Resolvers[]): Resolvers {
  const all: FieldMap = {};
  // Every map holds only object types' fields (no scalars here), each checked against the schema where it is written.
  for (const map of maps as FieldMap[]) {
    for (const [type, fields] of Object.entries(map)) {
      const into = (all[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in into && field !== '__resolveReference') throw new Error(`Two resolvers for ${type}.${field}`);
        into[field] = resolver;
      }
    }
  }
  return all as Resolvers;
}

// The directory owns these entities: a reference carries their key, which is all our fields need.
const directoryEntities: Resolvers = {
  Community: { __resolveReference: (ref) => ref },
  AdminArea: { __resolveReference: (ref) => ref },
  Organisation: { __resolveReference: (ref) => ref },
};

export const resolvers = joined(directoryEntities, displacementResolvers, transhumanceResolvers);
