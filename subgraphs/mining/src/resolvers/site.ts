import type { MiningContext } from '../context';
import type { MiningSite as SiteRow } from '../entities';
import { adminAreaRef, communityRef, countryRef, organisationRef } from './references';

export const MiningSite = {
  community: (site: SiteRow) => communityRef(site.communityId),
  adminArea: (site: SiteRow) => adminAreaRef(site.adminPcode),
  country: (site: SiteRow) => countryRef(site.countryCode),
  operator: (site: SiteRow) => (site.operatorId ? organisationRef(site.operatorId) : null),
  trainings: (site: SiteRow, _: unknown, { loaders }: MiningContext) => loaders.trainingsAtSite.load(site.id),
  recordedBy: (site: SiteRow) => organisationRef(site.ownerOrg),
};
