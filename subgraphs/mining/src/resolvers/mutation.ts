import type { MutationResolvers } from '../generated/resolvers';

/** Thin: arguments → service. Rules, ownership and audit are the services'. */
export const Mutation: MutationResolvers = {
  createLegalInstrument: (_, { input }, { instruments }) => instruments.create(input),
  updateLegalInstrument: (_, { id, version, input }, { instruments }) => instruments.update(id, version, input),
  addProvision: (_, { input }, { instruments }) => instruments.addProvision(input),
  updateProvision: (_, { id, version, input }, { instruments }) => instruments.updateProvision(id, version, input),

  createMiningSite: (_, { input }, { sites }) => sites.create(input),
  updateMiningSite: (_, { id, version, input }, { sites }) => sites.update(id, version, input),

  recordCommunityConsultation: (_, { input }, { consultations }) => consultations.record(input),
  updateCommunityConsultation: (_, { id, version, input }, { consultations }) => consultations.update(id, version, input),

  recordMiningTraining: (_, { input }, { trainings }) => trainings.record(input),
  updateMiningTraining: (_, { id, version, input }, { trainings }) => trainings.update(id, version, input),

  recordPolicyDialogue: (_, { input }, { dialogues }) => dialogues.record(input),
  updatePolicyDialogue: (_, { id, version, input }, { dialogues }) => dialogues.update(id, version, input),
  addPolicyCommitment: (_, { input }, { dialogues }) => dialogues.addCommitment(input),
  changePolicyCommitmentStatus: (_, { id, version, input }, { dialogues }) => dialogues.changeStatus(id, version, input),

  recordMediaIntervention: (_, { input }, { media }) => media.record(input),
  updateMediaIntervention: (_, { id, version, input }, { media }) => media.update(id, version, input),
  recordPublication: (_, { input }, { media }) => media.recordPublication(input),
  updatePublication: (_, { id, version, input }, { media }) => media.updatePublication(id, version, input),
};
