import { EntitySchema } from 'typeorm';
import { PARTICIPANT_COUNT_COLUMNS, type ParticipantGroup } from '../common/participants';
import { OWNED_RECORD_COLUMNS, PLACE_COLUMNS, type OwnedRecord, type Place } from '../common/record-columns';
import type { MiningChallenge } from '../common/values';

/** A meeting with a community's leaders before the work; participants are counts, by group. */
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

export interface ConsultationParticipantGroup extends ParticipantGroup {
  consultationId: string;
}

export const ConsultationParticipantGroupSchema = new EntitySchema<ConsultationParticipantGroup>({
  name: 'ConsultationParticipantGroup',
  tableName: 'consultation_participant_group',
  columns: { consultationId: { type: 'uuid', primary: true }, ...PARTICIPANT_COUNT_COLUMNS },
});
