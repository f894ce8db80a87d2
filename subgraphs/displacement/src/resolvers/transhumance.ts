import type { ResolverMap } from '.';

/** Resolvers of corridors, spots, flows and alerts, by GraphQL type. */
export const transhumanceResolvers: ResolverMap = {};
