import { pageSize } from '@peacegraph/kit';
import type { ForumsContext } from '../context';
import type { Forum as ForumRow, WorkingGroup } from '../entities';
import type { DisclosedParticipants } from '../services/participants';
import { adminAreaRef, communityRef, optionalOrganisationRef, organisationRef } from './references';

type FirstArgs = { first?: number | null };

export const Forum = {
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

export const ForumParticipants = {
  origins: (participants: DisclosedParticipants) =>
    participants.origins.map((o) => ({ region: adminAreaRef(o.regionPcode), participants: o.participants })),
};

export const ForumWorkingGroup = {
  forum: (group: WorkingGroup, _: unknown, { loaders }: ForumsContext) => loaders.forum.load(group.forumId),
  facilitator: (group: WorkingGroup) => optionalOrganisationRef(group.facilitatorOrg),
  testimonies: (group: WorkingGroup, args: FirstArgs, { loaders }: ForumsContext) =>
    loaders.testimoniesOfWorkingGroup({ first: pageSize(args.first) }).load(group.id),
};
