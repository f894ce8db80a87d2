import { pageSize } from '@peacegraph/kit/sql';
import type { ForumsContext } from '../context';
import { optionalOrganisationRef } from '../references';
import type { WorkingGroup } from './working-group.entity';
import type { AddWorkingGroupInput, UpdateWorkingGroupInput } from './working-group.service';

export const workingGroupMutations = {
  addForumWorkingGroup: (_: unknown, { input }: { input: AddWorkingGroupInput }, { workingGroups }: ForumsContext) =>
    workingGroups.add(input),
  updateForumWorkingGroup: (
    _: unknown,
    { id, version, input }: { id: string; version: number; input: UpdateWorkingGroupInput },
    { workingGroups }: ForumsContext,
  ) => workingGroups.update(id, version, input),
};

export const ForumWorkingGroup = {
  __resolveReference: (ref: { id: string }, { loaders }: ForumsContext) => loaders.workingGroup.load(ref.id),
  forum: (group: WorkingGroup, _: unknown, { loaders }: ForumsContext) => loaders.forum.load(group.forumId),
  facilitator: (group: WorkingGroup) => optionalOrganisationRef(group.facilitatorOrg),
  testimonies: (group: WorkingGroup, args: { first?: number | null }, { loaders }: ForumsContext) =>
    loaders.testimoniesOfWorkingGroup({ first: pageSize(args.first) }).load(group.id),
};
