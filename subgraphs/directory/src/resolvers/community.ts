import { loadExisting, loadPresent } from '@peacegraph/kit';
import type { CommunityResolvers } from '../generated/resolvers';

export const Community: CommunityResolvers = {
  adminArea: (community, _, { loaders }) => loadExisting(loaders.adminArea, community.adminPcode),
  country: (community, _, { loaders }) => loadExisting(loaders.country, community.countryCode),
  languages: (community, _, { loaders }) => loadPresent(loaders.language, community.languageCodes),
  recordedBy: (community, _, { loaders }) => (community.ownerOrg ? loaders.organisation.load(community.ownerOrg) : null),
};
