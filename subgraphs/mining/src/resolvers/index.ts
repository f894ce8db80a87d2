import { KnowledgeGainGroup, MiningAreaCoverage, PeopleTrainedGroup } from './aggregates';
import { CommunityConsultation } from './consultation';
import { PolicyCommitment, PolicyCommitmentStatusChange, PolicyDialogue } from './dialogue';
import { AdminArea, Community, Organisation } from './directory-entities';
import { entityResolvers } from './entities';
import { LegalInstrument, Provision } from './instrument';
import { MediaIntervention, Publication } from './media';
import { Mutation } from './mutation';
import { Query } from './query';
import { MiningSite } from './site';
import { MiningTraining } from './training';
import type { Resolvers } from '../generated/resolvers';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Community,
  AdminArea,
  Organisation,
  LegalInstrument: { ...LegalInstrument, ...entityResolvers.LegalInstrument },
  Provision: { ...Provision, ...entityResolvers.Provision },
  MiningSite: { ...MiningSite, ...entityResolvers.MiningSite },
  CommunityConsultation: { ...CommunityConsultation, ...entityResolvers.CommunityConsultation },
  MiningTraining: { ...MiningTraining, ...entityResolvers.MiningTraining },
  PolicyDialogue: { ...PolicyDialogue, ...entityResolvers.PolicyDialogue },
  PolicyCommitment: { ...PolicyCommitment, ...entityResolvers.PolicyCommitment },
  PolicyCommitmentStatusChange,
  MediaIntervention: { ...MediaIntervention, ...entityResolvers.MediaIntervention },
  Publication: { ...Publication, ...entityResolvers.Publication },
  PeopleTrainedGroup,
  KnowledgeGainGroup,
  MiningAreaCoverage,
};
