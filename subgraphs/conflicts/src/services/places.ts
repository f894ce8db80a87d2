import { badInput } from '@peacegraph/kit/errors';
import { type DirectoryClient } from '@peacegraph/kit/input';

/** Where a community is, as the directory says at write time: the keys a record stores. */
export interface Place {
  communityId: string;
  adminPcode: string;
  admin1Pcode: string;
  admin2Pcode: string | null;
  countryCode: string;
}

/** Places communities through the directory, refusing unknown ones with the field that named them. */
export async function placeCommunities(directory: DirectoryClient, fields: string[], ids: string[]): Promise<Place[]> {
  const communities = await directory.community.loadMany(ids);
  return communities.map((community, i) => {
    if (community instanceof Error) throw community;
    if (!community) throw badInput(fields[i]!, `No community with id "${ids[i]}" in the directory`);
    return {
      communityId: community.communityId,
      adminPcode: community.adminPcode,
      admin1Pcode: community.admin1Pcode,
      admin2Pcode: community.admin2Pcode,
      countryCode: community.countryCode,
    };
  });
}
