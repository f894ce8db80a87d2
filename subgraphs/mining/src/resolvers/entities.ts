import type { MiningContext } from '../context';

type Ref = { id: string };

/**
 * How the gateway turns a reference ({ __typename, id }) into our record. Always through the
 * request's loaders, so a list of 50 references costs one statement per type.
 */
export const entityResolvers = {
  LegalInstrument: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.instrument.load(ref.id) },
  Provision: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.provision.load(ref.id) },
  MiningSite: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.site.load(ref.id) },
  CommunityConsultation: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.consultation.load(ref.id) },
  MiningTraining: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.training.load(ref.id) },
  PolicyDialogue: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.dialogue.load(ref.id) },
  PolicyCommitment: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.commitment.load(ref.id) },
  MediaIntervention: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.media.load(ref.id) },
  Publication: { __resolveReference: (ref: Ref, { loaders }: MiningContext) => loaders.publication.load(ref.id) },
};
