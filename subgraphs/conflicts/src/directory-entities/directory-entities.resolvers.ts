import type { AdminAreaResolvers, CommunityResolvers } from '../generated/resolvers';

/**
 * Community and AdminArea belong to the directory; these are the fields this subgraph adds to them. Their
 * reference is all this subgraph needs to answer its own fields on them.
 */
export const Community: CommunityResolvers = {
  __resolveReference: (ref) => ref,
  peaceCommission: (community, _, { loaders }) => loaders.commissionOfCommunity.load(community.id),
  caseStats: (community, args, { stats }) => stats.ofCommunity(community.id, args),
};

export const AdminArea: AdminAreaResolvers = {
  __resolveReference: (ref) => ref,
  conflictStats: (area, args, { stats }) => stats.ofArea(area.pcode, args),
};
