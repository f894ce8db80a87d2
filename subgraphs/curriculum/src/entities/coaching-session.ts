import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

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
