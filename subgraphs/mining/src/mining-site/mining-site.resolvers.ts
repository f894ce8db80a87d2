import { adminAreaRef, communityRef, countryRef, organisationRef } from '../common/references';
import type { MiningSiteResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';

export const miningSiteQueries: QueryResolvers = {
  miningSite: (_, { id }, { loaders }) => loaders.site.load(id),
  miningSites: (_, args, { repositories }) => repositories.sites.list(args.filter ?? {}, args),
};

export const miningSiteMutations: MutationResolvers = {
  createMiningSite: (_, { input }, { sites }) => sites.create(input),
  updateMiningSite: (_, { id, version, input }, { sites }) => sites.update(id, version, input),
};

export const MiningSite: MiningSiteResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.site.load(ref.id),
  community: (site) => communityRef(site.communityId),
  adminArea: (site) => adminAreaRef(site.adminPcode),
  country: (site) => countryRef(site.countryCode),
  operator: (site) => (site.operatorId ? organisationRef(site.operatorId) : null),
  trainings: (site, _, { loaders }) => loaders.trainingsAtSite.load(site.id),
  recordedBy: (site) => organisationRef(site.ownerOrg),
};
