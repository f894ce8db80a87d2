import type { CommunityPlace } from '@peacegraph/kit/input';

/** Where a record happened, copied from the directory when it was written (foreign keys only). */
export interface Place {
  communityId: string;
  /** The community's lowest known admin area; "in this area and below" is a P-code prefix. */
  adminPcode: string;
  /** Its admin level 1 (region), for grouping figures by region. */
  regionPcode: string;
  countryCode: string;
}

/** The place a record stores, from where the directory places its community: level 1 is the region. */
export function placeOf({ communityId, adminPcode, admin1Pcode, countryCode }: CommunityPlace): Place {
  return { communityId, adminPcode, regionPcode: admin1Pcode, countryCode };
}

export const PLACE_COLUMNS = {
  communityId: { type: 'uuid' },
  adminPcode: { type: 'text' },
  regionPcode: { type: 'text' },
  countryCode: { type: 'char', length: 2 },
} as const;
