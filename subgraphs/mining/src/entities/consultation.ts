import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, PLACE_COLUMNS, type OwnedRecord, type Place } from './record';
import type { MiningChallenge } from './values';

/** A meeting with a community's leaders before the work; participants are counts (participants.ts). */
export interface CommunityConsultation extends OwnedRecord, Place {
  siteId: string | null;
  heldOn: string;
  /** Everyone who took part: the sum of the groups when they were given. */
  participantsTotal: number;
  challenges: MiningChallenge[];
  /** SENSITIVE: what was said. */
  notes: string | null;
}

export const CommunityConsultationSchema = new EntitySchema<CommunityConsultation>({
  name: 'CommunityConsultation',
  tableName: 'community_consultation',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    siteId: { type: 'uuid', nullable: true },
    heldOn: { type: 'date' },
    participantsTotal: { type: 'integer' },
    challenges: { type: 'text', array: true },
    notes: { type: 'text', nullable: true },
  },
});
