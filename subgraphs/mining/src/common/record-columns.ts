export { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
/** Where a record happened: the directory's place of its community, copied at write time. */
export type { CommunityPlace as Place } from '@peacegraph/kit/input';

export const PLACE_COLUMNS = {
  communityId: { type: 'uuid' },
  adminPcode: { type: 'text' },
  admin1Pcode: { type: 'text' },
  admin2Pcode: { type: 'text', nullable: true },
  countryCode: { type: 'char', length: 2 },
} as const;

/** Which instrument's provisions a record covers (trainings, dialogues, media, publications). */
export interface CoveredProvisions {
  instrumentId: string | null;
  provisionIds: string[];
}

export const COVERED_PROVISION_COLUMNS = {
  instrumentId: { type: 'uuid', nullable: true },
  provisionIds: { type: 'uuid', array: true },
} as const;
