import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type { AwarenessSessionKind, DisplacementAgeGroup, DisplacementSex } from '../common/displacement-values';

export interface AwarenessParticipantGroup {
  sex: DisplacementSex;
  ageGroup: DisplacementAgeGroup;
  people: number;
}

/** A social cohesion, transhumance or peace session held in a community. */
export interface AwarenessSession extends OwnedRecord {
  kind: AwarenessSessionKind;
  communityId: string;
  adminPcode: string;
  admin1Pcode: string;
  admin2Pcode: string | null;
  countryCode: string;
  heldOn: string;
  /** People by sex and age group; each person once. */
  participants: AwarenessParticipantGroup[];
  participantsTotal: number;
  topics: string[];
  facilitatorIds: string[];
}

export const AwarenessSessionSchema = new EntitySchema<AwarenessSession>({
  name: 'AwarenessSession',
  tableName: 'awareness_session',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    kind: { type: 'text' },
    communityId: { type: 'uuid' },
    adminPcode: { type: 'text' },
    admin1Pcode: { type: 'text' },
    admin2Pcode: { type: 'text', nullable: true },
    countryCode: { type: 'char', length: 2 },
    heldOn: { type: 'date' },
    participants: { type: 'jsonb' },
    participantsTotal: { type: 'integer' },
    topics: { type: 'text', array: true },
    facilitatorIds: { type: 'uuid', array: true },
  },
});
