import type { Resolvers } from '../generated/resolvers';

/**
 * How the gateway turns a reference ({ __typename, id }) into our record. Always through the
 * request's loaders, so a list of 50 references costs one statement per type.
 */
export const entityResolvers = {
  LegalInstrument: { __resolveReference: (ref, { loaders }) => loaders.instrument.load(ref.id) },
  Provision: { __resolveReference: (ref, { loaders }) => loaders.provision.load(ref.id) },
  MiningSite: { __resolveReference: (ref, { loaders }) => loaders.site.load(ref.id) },
  CommunityConsultation: { __resolveReference: (ref, { loaders }) => loaders.consultation.load(ref.id) },
  MiningTraining: { __resolveReference: (ref, { loaders }) => loaders.training.load(ref.id) },
  PolicyDialogue: { __resolveReference: (ref, { loaders }) => loaders.dialogue.load(ref.id) },
  PolicyCommitment: { __resolveReference: (ref, { loaders }) => loaders.commitment.load(ref.id) },
  MediaIntervention: { __resolveReference: (ref, { loaders }) => loaders.media.load(ref.id) },
  Publication: { __resolveReference: (ref, { loaders }) => loaders.publication.load(ref.id) },
} satisfies Resolvers;
