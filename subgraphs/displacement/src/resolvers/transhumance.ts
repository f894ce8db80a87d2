import type { Resolvers } from '../generated/resolvers';
import { transhumanceDirectoryFields, transhumanceMutations, transhumanceQueries } from './transhumance-queries';
import { transhumanceTypes } from './transhumance-types';

/** Resolvers of corridors, spots, flows and alerts, by GraphQL type. */
export const transhumanceResolvers: Resolvers = {
  Query: transhumanceQueries,
  Mutation: transhumanceMutations,
  ...transhumanceDirectoryFields,
  ...transhumanceTypes,
};
