import { EntitySchema } from 'typeorm';
import {
  COVERED_PROVISION_COLUMNS,
  OWNED_RECORD_COLUMNS,
  PLACE_COLUMNS,
  type CoveredProvisions,
  type OwnedRecord,
  type Place,
} from '../common/record-columns';
import { PARTICIPANT_COUNT_COLUMNS, type ParticipantGroup } from '../common/participants';
import type { EcpfComponent, TrainingKind } from '../common/values';

/** A training on a mining code; participants and knowledge scores by group are its TrainingParticipantGroups. */
export interface MiningTraining extends OwnedRecord, Place, CoveredProvisions {
  title: string;
  kind: TrainingKind;
  startsOn: string;
  endsOn: string;
  siteId: string | null;
  venue: string | null;
  /** Directory organisations that gave it. */
  trainerIds: string[];
  ecpfComponents: EcpfComponent[];
  /** Everyone who took part: the sum of the groups when they were given. */
  participantsTotal: number;
  /** The declared scale of the knowledge tests; null when knowledge was not measured. */
  scoreScaleMin: number | null;
  scoreScaleMax: number | null;
}

export const MiningTrainingSchema = new EntitySchema<MiningTraining>({
  name: 'MiningTraining',
  tableName: 'mining_training',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    ...COVERED_PROVISION_COLUMNS,
    title: { type: 'text' },
    kind: { type: 'text' },
    startsOn: { type: 'date' },
    endsOn: { type: 'date' },
    siteId: { type: 'uuid', nullable: true },
    venue: { type: 'text', nullable: true },
    trainerIds: { type: 'uuid', array: true },
    ecpfComponents: { type: 'text', array: true },
    participantsTotal: { type: 'integer' },
    scoreScaleMin: { type: 'double precision', nullable: true },
    scoreScaleMax: { type: 'double precision', nullable: true },
  },
});

/** A training's group, with the group's knowledge scores when they were measured. */
export interface TrainingParticipantGroup extends ParticipantGroup {
  trainingId: string;
  /** People of the group who sat both tests; null when the group was not assessed. */
  assessed: number | null;
  meanPreScore: number | null;
  meanPostScore: number | null;
}

export const TrainingParticipantGroupSchema = new EntitySchema<TrainingParticipantGroup>({
  name: 'TrainingParticipantGroup',
  tableName: 'training_participant_group',
  columns: {
    trainingId: { type: 'uuid', primary: true },
    ...PARTICIPANT_COUNT_COLUMNS,
    assessed: { type: 'integer', nullable: true },
    meanPreScore: { type: 'double precision', nullable: true },
    meanPostScore: { type: 'double precision', nullable: true },
  },
});
