import { pageSize, type PageArgs } from '@peacegraph/kit/sql';
import type { ForumsContext } from '../context';
import { adminAreaRef, communityRef, organisationRef } from '../references';
import type { Forum as ForumRow } from './forum.entity';
import { forumFilterFrom, type ForumFilterInput } from './forum.rules';
import type { CreateForumInput, ParticipantsInput, UpdateForumInput } from './forum.service';

type FirstArgs = { first?: number | null };
/** A change to a record: its id, the version the caller read, and what changes. */
type Change<I> = { id: string; version: number; input: I };

export const forumQueries = {
  forum: (_: unknown, { id }: { id: string }, { loaders }: ForumsContext) => loaders.forum.load(id),
  forums: (_: unknown, args: { filter?: ForumFilterInput | null } & PageArgs, { repositories }: ForumsContext) =>
    repositories.forums.list(forumFilterFrom(args.filter), args),
};

export const forumMutations = {
  createForum: (_: unknown, { input }: { input: CreateForumInput }, { forums }: ForumsContext) => forums.create(input),
  updateForum: (_: unknown, { id, version, input }: Change<UpdateForumInput>, { forums }: ForumsContext) =>
    forums.update(id, version, input),
  recordForumParticipants: (_: unknown, { id, version, input }: Change<ParticipantsInput>, { forums }: ForumsContext) =>
    forums.recordParticipants(id, version, input),
};

export const Forum = {
  /**
   * How the gateway turns a reference into our record: through the request's loaders, so a list of 50
   * references costs one statement per type.
   */
  __resolveReference: (ref: { id: string }, { loaders }: ForumsContext) => loaders.forum.load(ref.id),
  community: (forum: ForumRow) => communityRef(forum.communityId),
  adminArea: (forum: ForumRow) => adminAreaRef(forum.adminPcode),
  convenors: (forum: ForumRow) => forum.convenorIds.map(organisationRef),
  coConvenors: (forum: ForumRow) => forum.coConvenorIds.map(organisationRef),
  participants: (forum: ForumRow, _: unknown, { stats }: ForumsContext) => stats.participantsOf(forum),
  workingGroups: (forum: ForumRow, _: unknown, { loaders }: ForumsContext) => loaders.workingGroupsOfForum.load(forum.id),
  testimonies: (forum: ForumRow, args: FirstArgs, { loaders }: ForumsContext) =>
    loaders.testimoniesOfForum({ first: pageSize(args.first) }).load(forum.id),
  declarations: (forum: ForumRow, _: unknown, { loaders }: ForumsContext) => loaders.declarationsOfForum.load(forum.id),
  recommendationStats: async (forum: ForumRow, _: unknown, { loaders }: ForumsContext) => {
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
  recordedBy: (forum: ForumRow) => organisationRef(forum.ownerOrg),
};

/**
 * The forums held in the directory's communities and areas, and those its organisations convened. Each
 * list is one statement for all the parents of a request (see loaders.ts), at most `first` per parent:
 * a forum can belong to several parents asked about (an area and its region), so each keeps its own first.
 */
export const forumsUnderDirectory = {
  Community: {
    forums: async ({ id }: { id: string }, args: FirstArgs, { loaders }: ForumsContext) => {
      const first = pageSize(args.first);
      return (await loaders.forumsInCommunity({ first }).load(id)).slice(0, first);
    },
  },
  AdminArea: {
    forums: async ({ pcode }: { pcode: string }, args: FirstArgs, { loaders }: ForumsContext) => {
      const first = pageSize(args.first);
      return (await loaders.forumsInArea({ first }).load(pcode)).slice(0, first);
    },
  },
  Organisation: {
    forumsConvened: async ({ id }: { id: string }, args: FirstArgs, { loaders }: ForumsContext) => {
      const first = pageSize(args.first);
      return (await loaders.forumsConvenedBy({ first }).load(id)).slice(0, first);
    },
  },
};
