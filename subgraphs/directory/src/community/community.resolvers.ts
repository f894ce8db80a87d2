import { loadExisting, loadPresent } from '@peacegraph/kit/sql';
import type { CommunityResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';

export const communityQueries: QueryResolvers = {
  community: (_, { id }, { loaders }) => loaders.community.load(id),
  communities: (_, args, { repositories }) => repositories.communities.list(args, args),
};

export const communityMutations: MutationResolvers = {
  createCommunity: (_, { input }, { communities }) => communities.create(input),
  updateCommunity: (_, { id, version, input }, { communities }) => communities.update(id, version, input),
};

export const Community: CommunityResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.community.load(ref.id),
  adminArea: (community, _, { loaders }) => loadExisting(loaders.adminArea, community.adminPcode),
  country: (community, _, { loaders }) => loadExisting(loaders.country, community.countryCode),
  languages: (community, _, { loaders }) => loadPresent(loaders.language, community.languageCodes),
  recordedBy: (community, _, { loaders }) => (community.ownerOrg ? loaders.organisation.load(community.ownerOrg) : null),
};
