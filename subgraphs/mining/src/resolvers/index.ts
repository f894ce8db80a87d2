import { consultationMutations, consultationQueries, CommunityConsultation } from '../consultation/consultation.resolvers';
import { AdminArea, Community, Organisation } from '../directory-entities/directory-entities.resolvers';
import type { Resolvers } from '../generated/resolvers';
import {
  LegalInstrument,
  legalInstrumentMutations,
  legalInstrumentQueries,
  Provision,
} from '../legal-instrument/legal-instrument.resolvers';
import { MediaIntervention, mediaMutations, mediaQueries, Publication } from '../media/media.resolvers';
import { MiningSite, miningSiteMutations, miningSiteQueries } from '../mining-site/mining-site.resolvers';
import {
  PolicyCommitment,
  PolicyCommitmentStatusChange,
  PolicyDialogue,
  policyDialogueMutations,
  policyDialogueQueries,
} from '../policy-dialogue/policy-dialogue.resolvers';
import { KnowledgeGainGroup, MiningAreaCoverage, PeopleTrainedGroup, statisticsQueries } from '../statistics/statistics.resolvers';
import { MiningTraining, trainingMutations, trainingQueries } from '../training/training.resolvers';

/** Every feature's resolvers, merged; the kit adds the scalars and miningAuditLog. */
export const resolvers: Resolvers = {
  Query: {
    ...legalInstrumentQueries,
    ...miningSiteQueries,
    ...consultationQueries,
    ...trainingQueries,
    ...policyDialogueQueries,
    ...mediaQueries,
    ...statisticsQueries,
  },
  Mutation: {
    ...legalInstrumentMutations,
    ...miningSiteMutations,
    ...consultationMutations,
    ...trainingMutations,
    ...policyDialogueMutations,
    ...mediaMutations,
  },
  LegalInstrument,
  Provision,
  MiningSite,
  CommunityConsultation,
  MiningTraining,
  PolicyDialogue,
  PolicyCommitment,
  PolicyCommitmentStatusChange,
  MediaIntervention,
  Publication,
  PeopleTrainedGroup,
  KnowledgeGainGroup,
  MiningAreaCoverage,
  // The directory's entities, with the fields mining adds to them.
  Community,
  AdminArea,
  Organisation,
};
