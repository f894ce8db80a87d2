import type { MutationResolvers } from '../generated/resolvers';

export const followUpMutations: MutationResolvers = {
  scheduleFollowUp: (_, { id, version, input }, { followUps }) => followUps.schedule(id, version, input),
  recordFollowUp: (_, { id, version, input }, { followUps }) => followUps.record(id, version, input),
  reportRelapse: (_, { id, version, input }, { followUps }) => followUps.reportRelapse(id, version, input),
};
