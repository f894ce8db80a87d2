import type { MiningSiteResolvers } from '../generated/resolvers';
import { adminAreaRef, communityRef, countryRef, organisationRef } from './references';

export const MiningSite: MiningSiteResolvers = {
  community: (site) => communityRef(site.communityId),
  adminArea: (site) => adminAreaRef(site.adminPcode),
  country: (site) => countryRef(site.countryCode),
  operator: (site) => (site.operatorId ? organisationRef(site.operatorId) : null),
  trainings: (site, _, { loaders }) => loaders.trainingsAtSite.load(site.id),
  recordedBy: (site) => organisationRef(site.ownerOrg),
};
