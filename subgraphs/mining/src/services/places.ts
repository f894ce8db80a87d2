import { badInput, onlyUuids, type ReferenceChecks, given } from '@peacegraph/kit';
import type { MiningSite, Place } from '../entities';
import type { Loaders } from '../loaders';

/**
 * Where a consultation or training happened: a community of the directory, or a mining site (and its
 * community). Both may be given when they agree.
 */
export async function communityOrSite(
  loaders: Loaders,
  directory: ReferenceChecks,
  input: { community?: string | null; site?: string | null },
): Promise<{ place: Place; site: MiningSite | null }> {
  let site: MiningSite | null = null;
  if (given(input.site)) {
    site = onlyUuids([input.site]).length ? await loaders.site.load(input.site) : null;
    if (!site) throw badInput('input.site', `No mining site with id "${input.site}"`);
  }
  if (!given(input.community)) {
    if (!site) throw badInput('input.community', 'Name the community, or a mining site in it');
    return { place: siteToPlace(site), site };
  }
  const place = await directory.community('input.community', input.community);
  if (site && site.communityId !== place.communityId) throw badInput('input.site', `The mining site "${site.name}" is in another community`);
  return { place, site };
}

function siteToPlace(site: MiningSite): Place {
  return {
    communityId: site.communityId,
    adminPcode: site.adminPcode,
    admin1Pcode: site.admin1Pcode,
    admin2Pcode: site.admin2Pcode,
    countryCode: site.countryCode,
  };
}
