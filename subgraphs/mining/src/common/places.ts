import type { EntityManager } from 'typeorm';
import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import { onlyUuids } from '@peacegraph/kit/sql';
import type { MiningSite } from '../mining-site/mining-site.entity';
import type { SiteRepository } from '../mining-site/mining-site.repository';
import type { Place } from './record-columns';
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
  if (site && site.communityId !== place.communityId)
    throw badInput('input.site', `The mining site "${site.name}" is in another community`);
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

/**
 * Inside the write that names a site: the site is locked against moving (FOR SHARE) and must still be
 * in the community copied from it. A site moves only while nothing names it, which its update checks
 * under FOR UPDATE (SiteRepository.usesLocked): so either the move sees this record and is refused,
 * or this record sees the move and is refused, never a record in a community its site left.
 */
export function siteStillIn(
  sites: SiteRepository,
  site: MiningSite | null,
  place: Place,
): ((manager: EntityManager) => Promise<void>) | undefined {
  if (!site) return undefined;
  return async (manager) => {
    if ((await sites.communityLocked(manager, site.id)) !== place.communityId) {
      throw badInput('input.site', `The mining site "${site.name}" has just moved to another community: send the request again`);
    }
  };
}
