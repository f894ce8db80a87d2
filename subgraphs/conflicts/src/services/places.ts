import { badInput, type DirectoryClient } from '@peacegraph/kit';

/** Where a community is, as the directory says at write time: the keys a record stores. */
export interface Place {
  communityId: string;
  adminPcode: string;
  admin1Pcode: string;
  admin2Pcode: string | null;
  countryCode: string;
}

/**
 * Places communities through the directory, refusing unknown ones with the field that named them.
 * OCHA P-codes of an area start with its parent's, so the admin-1 and admin-2 areas of a community are
 * the prefixes of its P-code that the directory knows at levels 1 and 2: one batched lookup.
 */
export async function placeCommunities(directory: DirectoryClient, fields: string[], ids: string[]): Promise<Place[]> {
  const communities = await directory.community.loadMany(ids);
  const found = communities.map((community, i) => {
    if (!community || community instanceof Error) {
      if (community instanceof Error) throw community;
      throw badInput(fields[i]!, `No community with id "${ids[i]}" in the directory`);
    }
    return community;
  });
  const prefixes = [...new Set(found.flatMap((c) => Array.from({ length: c.adminPcode.length - 2 }, (_, n) => c.adminPcode.slice(0, n + 3))))];
  const areas = await directory.adminArea.loadMany(prefixes);
  const level = new Map<string, number>();
  areas.forEach((area) => {
    if (area && !(area instanceof Error)) level.set(area.pcode, area.level);
  });
  return found.map((community) => {
    const ancestors = prefixes.filter((p) => community.adminPcode.startsWith(p));
    const admin1 = ancestors.find((p) => level.get(p) === 1);
    if (!admin1) throw new Error(`The directory knows no admin-1 area above ${community.adminPcode}`);
    return {
      communityId: community.id,
      adminPcode: community.adminPcode,
      admin1Pcode: admin1,
      admin2Pcode: ancestors.find((p) => level.get(p) === 2) ?? null,
      countryCode: community.countryCode,
    };
  });
}
