import { EntitySchema } from 'typeorm';
import type { StakeholderGroup } from './values';

/** People of one stakeholder group, by sex: part of the record they took part in, replaced with it. */
export interface ParticipantGroup {
  stakeholderGroup: StakeholderGroup;
  women: number;
  men: number;
}

/** A training's group, with the group's knowledge scores when they were measured. */
export interface TrainingParticipantGroup extends ParticipantGroup {
  trainingId: string;
  /** People of the group who sat both tests; null when the group was not assessed. */
  assessed: number | null;
  meanPreScore: number | null;
  meanPostScore: number | null;
}

export interface ConsultationParticipantGroup extends ParticipantGroup {
  consultationId: string;
}

export interface DialogueParticipantGroup extends ParticipantGroup {
  dialogueId: string;
}

const COUNTS = {
  stakeholderGroup: { type: 'text', primary: true },
  women: { type: 'integer' },
  men: { type: 'integer' },
} as const;

export const TrainingParticipantGroupSchema = new EntitySchema<TrainingParticipantGroup>({
  name: 'TrainingParticipantGroup',
  tableName: 'training_participant_group',
  columns: {
    trainingId: { type: 'uuid', primary: true },
    ...COUNTS,
    assessed: { type: 'integer', nullable: true },
    meanPreScore: { type: 'double precision', nullable: true },
    meanPostScore: { type: 'double precision', nullable: true },
  },
});

export const ConsultationParticipantGroupSchema = new EntitySchema<ConsultationParticipantGroup>({
  name: 'ConsultationParticipantGroup',
  tableName: 'consultation_participant_group',
  columns: { consultationId: { type: 'uuid', primary: true }, ...COUNTS },
});

export const DialogueParticipantGroupSchema = new EntitySchema<DialogueParticipantGroup>({
  name: 'DialogueParticipantGroup',
  tableName: 'dialogue_participant_group',
  columns: { dialogueId: { type: 'uuid', primary: true }, ...COUNTS },
});
