import type { MutationResolvers } from '../generated/resolvers';

export const referralMutations: MutationResolvers = {
  referConflictCase: (_, { id, version, input }, { referrals }) => referrals.refer(id, version, input),
  recordReferralFeedback: (_, { id, version, input }, { referrals }) => referrals.recordFeedback(id, version, input),
};
