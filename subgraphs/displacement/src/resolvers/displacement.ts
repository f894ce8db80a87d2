import type { ResolverMap } from '.';

/** Resolvers of displacement figures, reintegration and awareness sessions, by GraphQL type. */
export const displacementResolvers: ResolverMap = {};
