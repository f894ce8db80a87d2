import { pageSize } from '@peacegraph/kit/sql';
import type {
  AdminAreaResolvers,
  CommunityResolvers,
  ForumResolvers,
  MutationResolvers,
  OrganisationResolvers,
  QueryResolvers,
} from '../generated/resolvers';
import { adminAreaRef, communityRef, organisationRef } from '../common/references';
import { forumFilterFrom } from './forum.rules';

export const forumQueries: QueryResolvers = {
  forum: (_, { id }, { loaders }) => loaders.forum.load(id),
  forums: (_, args, { repositories }) => repositories.forums.list(forumFilterFrom(args.filter), args),
};

export const forumMutations: MutationResolvers = {
  createForum: (_, { input }, { forums }) => forums.create(input),
  updateForum: (_, { id, version, input }, { forums }) => forums.update(id, version, input),
  recordForumParticipants: (_, { id, version, input }, { forums }) => forums.recordParticipants(id, version, input),
};

export const Forum: ForumResolvers = {
  /**
   * How the gateway turns a reference into our record: through the request's loaders, so a list of 50
   * references costs one statement per type.
   */
  __resolveReference: (ref, { loaders }) => loaders.forum.load(ref.id),
  community: (forum) => communityRef(forum.communityId),
  adminArea: (forum) => adminAreaRef(forum.adminPcode),
  convenors: (forum) => forum.convenorIds.map(organisationRef),
  coConvenors: (forum) => forum.coConvenorIds.map(organisationRef),
  participants: (forum, _, { stats }) => stats.participantsOf(forum),
  workingGroups: (forum, _, { loaders }) => loaders.workingGroupsOfForum.load(forum.id),
  testimonies: (forum, args, { loaders }) => loaders.testimoniesOfForum({ first: pageSize(args.first) }).load(forum.id),
  declarations: (forum, _, { loaders }) => loaders.declarationsOfForum.load(forum.id),
  recommendationStats: async (forum, _, { loaders }) => {
    const row = await loaders.recommendationStatsOfForum.load(forum.id);
    const recommendations = row?.recommendations ?? 0;
    return {
      recommendations,
      pending: row?.pending ?? 0,
      inProgress: row?.inProgress ?? 0,
      implemented: row?.implemented ?? 0,
      rejected: row?.rejected ?? 0,
      implementationRate: recommendations ? (row?.implemented ?? 0) / recommendations : null,
    };
  },
  recordedBy: (forum) => organisationRef(forum.ownerOrg),
};

/**
 * The forums held in the directory's communities and areas, and those its organisations convened. Each
 * list is one statement for all the parents of a request (see loaders.ts), at most `first` per parent:
 * a forum can belong to several parents asked about (an area and its region), so each keeps its own first.
 */
export const forumsUnderDirectory: { Community: CommunityResolvers; AdminArea: AdminAreaResolvers; Organisation: OrganisationResolvers } = {
  Community: {
    forums: async ({ id }, args, { loaders }) => {
      const first = pageSize(args.first);
      return (await loaders.forumsInCommunity({ first }).load(id)).slice(0, first);
    },
  },
  AdminArea: {
    forums: async ({ pcode }, args, { loaders }) => {
      const first = pageSize(args.first);
      return (await loaders.forumsInArea({ first }).load(pcode)).slice(0, first);
    },
  },
  Organisation: {
    forumsConvened: async ({ id }, args, { loaders }) => {
      const first = pageSize(args.first);
      return (await loaders.forumsConvenedBy({ first }).load(id)).slice(0, first);
    },
  },
};
