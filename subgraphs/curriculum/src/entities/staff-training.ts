import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

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
