import { CommunityConsultationSchema } from './consultation';
import { LegalInstrumentSchema, ProvisionSchema } from './legal-instrument';
import { MediaInterventionSchema, PublicationSchema } from './media';
import { MiningSiteSchema } from './mining-site';
import { ConsultationParticipantGroupSchema, DialogueParticipantGroupSchema, TrainingParticipantGroupSchema } from './participants';
import { CommitmentStatusChangeSchema, PolicyCommitmentSchema, PolicyDialogueSchema } from './policy-dialogue';
import { MiningTrainingSchema } from './training';

export type { CommunityConsultation } from './consultation';
export type { LegalInstrument, Provision } from './legal-instrument';
export type { MediaIntervention, Publication } from './media';
export type { MiningSite } from './mining-site';
export type { ConsultationParticipantGroup, DialogueParticipantGroup, ParticipantGroup, TrainingParticipantGroup } from './participants';
export type { CommitmentStatusChange, PolicyCommitment, PolicyDialogue } from './policy-dialogue';
export type { CoveredProvisions, OwnedRecord, Place } from './record';
export type { MiningTraining } from './training';
export * from './values';
export {
  CommitmentStatusChangeSchema,
  CommunityConsultationSchema,
  ConsultationParticipantGroupSchema,
  DialogueParticipantGroupSchema,
  LegalInstrumentSchema,
  MediaInterventionSchema,
  MiningSiteSchema,
  MiningTrainingSchema,
  PolicyCommitmentSchema,
  PolicyDialogueSchema,
  ProvisionSchema,
  PublicationSchema,
  TrainingParticipantGroupSchema,
};

/** Plain EntitySchema definitions rather than decorated classes, as in the other subgraphs. */
export const entities = [
  LegalInstrumentSchema,
  ProvisionSchema,
  MiningSiteSchema,
  CommunityConsultationSchema,
  ConsultationParticipantGroupSchema,
  MiningTrainingSchema,
  TrainingParticipantGroupSchema,
  PolicyDialogueSchema,
  DialogueParticipantGroupSchema,
  PolicyCommitmentSchema,
  CommitmentStatusChangeSchema,
  MediaInterventionSchema,
  PublicationSchema,
];
