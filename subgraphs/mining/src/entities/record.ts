export { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit';

/** Where a record happened: the directory community's key and where it lay, copied at write time. */
export interface Place {
  communityId: string;
  /** The community's lowest known admin area; "in this area and below" is a P-code prefix. */
  adminPcode: string;
  /** Its level-1 area (region), for grouping figures by region. */
  admin1Pcode: string;
  /** Its level-2 area, when the community is known at level 2 or below. */
  admin2Pcode: string | null;
  countryCode: string;
}

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
