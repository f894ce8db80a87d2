import type { MutationResolvers } from '../generated/resolvers';

export const resolutionMutations: MutationResolvers = {
  recordResolution: (_, { id, version, input }, { resolutions }) => resolutions.record(id, version, input),
};
