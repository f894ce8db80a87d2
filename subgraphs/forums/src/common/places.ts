import { badInput } from '@peacegraph/kit/errors';
import { given, type ReferenceChecks } from '@peacegraph/kit/input';
import type { Forum } from '../forum/forum.entity';

/** Where a forum is held, as a forum stores it: a community and where it lies, or an admin area alone. */
export type Venue = Pick<Forum, 'communityId' | 'adminPcode' | 'admin1Pcode' | 'countryCode'>;

/** A venue: a community (its area from the directory) or an admin area of level 1 or 2, never both. */
export async function venue(
  directory: ReferenceChecks,
  field: string,
  input: { community?: string | null; adminArea?: string | null },
): Promise<Venue> {
  if (given(input.community) && given(input.adminArea))
    throw badInput(`${field}.adminArea`, 'Give the community or the admin area of the venue, not both');
  if (given(input.community)) {
    const { communityId, adminPcode, admin1Pcode, countryCode } = await directory.community(`${field}.community`, input.community);
    return { communityId, adminPcode, admin1Pcode, countryCode };
  }
  if (!given(input.adminArea)) throw badInput(`${field}.community`, 'Give the community or the admin area of the venue');
  const { adminPcode, admin1Pcode, countryCode } = await directory.adminArea(`${field}.adminArea`, input.adminArea, [1, 2]);
  return { communityId: null, adminPcode, admin1Pcode, countryCode };
}

/** Regions of origin (of participants, of a speaker) in one request, each refused below level 1 in the forums' words. */
export function regionsOfOrigin(directory: ReferenceChecks, fieldOf: (i: number) => string, pcodes: readonly string[]) {
  return directory.regions(fieldOf, pcodes, (pcode, level) => `${pcode} is a level-${level} area; a region of origin is a level-1 area`);
}
