import type { ResolverMap } from '.';
import { transhumanceDirectoryFields, transhumanceMutations, transhumanceQueries } from './transhumance-queries';
import { transhumanceTypes } from './transhumance-types';

/** Resolvers of corridors, spots, flows and alerts, by GraphQL type. */
export const transhumanceResolvers: ResolverMap = {
  Query: transhumanceQueries,
  Mutation: transhumanceMutations,
  ...transhumanceDirectoryFields,
  ...transhumanceTypes,
};
