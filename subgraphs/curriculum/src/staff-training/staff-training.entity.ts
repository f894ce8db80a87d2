import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { HeadcountColumns, type Headcount } from '../common/headcount';
import { PLACE_COLUMNS, type Place } from '../common/place';

/** Capacity building for partner staff, run by the owning organisation. */
export interface StaffTraining extends OwnedRecord {
  title: string;
  topics: string[];
  startsOn: string;
  endsOn: string;
  venue: string | null;
}

export const StaffTrainingSchema = new EntitySchema<StaffTraining>({
  name: 'StaffTraining',
  tableName: 'staff_training',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    title: { type: 'text' },
    topics: { type: 'text', array: true },
    startsOn: { type: 'date' },
    endsOn: { type: 'date' },
    venue: { type: 'text', nullable: true },
  },
});

/** Staff trained, from one country, by sex: part of the training record, replaced with it. */
export interface TraineeGroup {
  staffTrainingId: string;
  countryCode: string;
  women: number;
  men: number;
}

export const TraineeGroupSchema = new EntitySchema<TraineeGroup>({
  name: 'TraineeGroup',
  tableName: 'trainee_group',
  columns: {
    staffTrainingId: { type: 'uuid', primary: true },
    countryCode: { type: 'char', length: 2, primary: true },
    women: { type: 'integer' },
    men: { type: 'integer' },
  },
});

export const COACHING_MODES = ['IN_PERSON', 'REMOTE'] as const;
export type CoachingMode = (typeof COACHING_MODES)[number];

/** Follow-up coaching or mentoring of a training's participants. */
export interface CoachingSession extends OwnedRecord {
  staffTrainingId: string;
  heldOn: string;
  mode: CoachingMode;
  focus: string;
  participantsCoached: number;
}

export const CoachingSessionSchema = new EntitySchema<CoachingSession>({
  name: 'CoachingSession',
  tableName: 'coaching_session',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    staffTrainingId: { type: 'uuid' },
    heldOn: { type: 'date' },
    mode: { type: 'text' },
    focus: { type: 'text' },
    participantsCoached: { type: 'integer' },
  },
});

/** A dialogue process led by participants of a staff training, in a directory community. */
export interface DialogueProcess extends OwnedRecord, Place {
  staffTrainingId: string;
  topic: string;
  startedOn: string;
  endedOn: string | null;
  participants: Headcount;
  outcome: string | null;
}

export const DialogueProcessSchema = new EntitySchema<DialogueProcess>({
  name: 'DialogueProcess',
  tableName: 'dialogue_process',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    staffTrainingId: { type: 'uuid' },
    topic: { type: 'text' },
    startedOn: { type: 'date' },
    endedOn: { type: 'date', nullable: true },
    outcome: { type: 'text', nullable: true },
  },
  embeddeds: {
    participants: { schema: HeadcountColumns, prefix: 'participants' },
  },
});
