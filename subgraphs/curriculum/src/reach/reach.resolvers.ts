import { adminAreaRef, countryRef } from '../common/references';
import type { QueryResolvers, ReachGroupResolvers } from '../generated/resolvers';

export const reachQueries: QueryResolvers = {
  curriculumReach: (_, args, { reach }) => reach.reach(args.filter, args.groupBy),
};

export const ReachGroup: ReachGroupResolvers = {
  country: (group) => (group.grouping === 'COUNTRY' ? countryRef(group.key) : null),
  adminArea: (group) => (group.grouping === 'REGION' || group.grouping === 'ADMIN_AREA' ? adminAreaRef(group.key) : null),
};
