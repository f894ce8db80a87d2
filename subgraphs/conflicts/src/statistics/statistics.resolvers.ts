import type { ConflictsContext } from '../context';
import type { ConflictStats } from './statistics.service';
import type { StatsArgs } from './statistics.service';

type StatsGroup = ConflictStats['groups'][number];

export const ConflictStatsGroup = {
  adminArea: (group: StatsGroup) => (group.adminPcode ? { __typename: 'AdminArea', pcode: group.adminPcode } : null),
};

/** Community and AdminArea belong to the directory; these are the fields this subgraph adds to them. */
export const Community = {
  peaceCommission: (community: { id: string }, _: unknown, { loaders }: ConflictsContext) =>
    loaders.commissionOfCommunity.load(community.id),
  caseStats: (community: { id: string }, args: StatsArgs, { stats }: ConflictsContext) => stats.ofCommunity(community.id, args),
};

export const AdminArea = {
  conflictStats: (area: { pcode: string }, args: StatsArgs, { stats }: ConflictsContext) => stats.ofArea(area.pcode, args),
};
