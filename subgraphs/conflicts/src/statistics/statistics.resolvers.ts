import { adminAreaRef } from '../common/references';
import type { ConflictStatsGroupResolvers, QueryResolvers } from '../generated/resolvers';

export const statisticsQueries: QueryResolvers = {
  conflictStats: (_, args, { stats }) => stats.stats(args, args.groupBy),
};

export const ConflictStatsGroup: ConflictStatsGroupResolvers = {
  adminArea: (group) => (group.adminPcode ? adminAreaRef(group.adminPcode) : null),
};
