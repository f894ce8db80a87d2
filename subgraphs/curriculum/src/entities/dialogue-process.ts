import { EntitySchema } from 'typeorm';
import { PLACE_COLUMNS, type Place } from './cohort';
import { HeadcountColumns, type Headcount } from './headcount';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

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
