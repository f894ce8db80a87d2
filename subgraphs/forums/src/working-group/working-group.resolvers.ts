import { loadExisting, pageSize } from '@peacegraph/kit/sql';
import type { ForumWorkingGroupResolvers, MutationResolvers } from '../generated/resolvers';
import { optionalOrganisationRef } from '../common/references';

export const workingGroupMutations: MutationResolvers = {
  addForumWorkingGroup: (_, { input }, { workingGroups }) => workingGroups.add(input),
  updateForumWorkingGroup: (_, { id, version, input }, { workingGroups }) => workingGroups.update(id, version, input),
};

export const ForumWorkingGroup: ForumWorkingGroupResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.workingGroup.load(ref.id),
  forum: (group, _, { loaders }) => loadExisting(loaders.forum, group.forumId),
  facilitator: (group) => optionalOrganisationRef(group.facilitatorOrg),
  testimonies: (group, args, { loaders }) => loaders.testimoniesOfWorkingGroup({ first: pageSize(args.first) }).load(group.id),
};
