import type {
  AwarenessParticipantsResolvers,
  QueryResolvers,
  ReintegrationStatsLineResolvers,
  TranshumanceWeeklyFlowResolvers,
} from '../generated/resolvers';
import { loadExisting } from '@peacegraph/kit/sql';
import { alertFilter } from '../alert/alert.rules';
import { adminAreaRef, sqlDates } from '../common/references';

/** Figures across records: stocks over time, caseloads, participants, weekly flows, alerts' pace. */
export const statisticsQueries: QueryResolvers = {
  idpsOverTime: (_, args, { displacementFigures }) => displacementFigures.idpsOverTime(args),
  reintegrationStats: (_, args, { displacementFigures }) => displacementFigures.reintegrationStats(args.filter, args.level, args.breakdown),
  awarenessParticipants: (_, args, { displacementFigures }) =>
    displacementFigures.awarenessParticipants(sqlDates(args.filter, ['from', 'to'])),
  transhumanceFlows: (_, { filter }, { transhumanceAggregates }) => transhumanceAggregates.flows(filter),
  transhumanceAlertStats: (_, { filter }, { transhumanceAggregates }) => transhumanceAggregates.alertStats(alertFilter(filter)),
};

export const ReintegrationStatsLine: ReintegrationStatsLineResolvers = {
  adminArea: (line) => (line.adminArea ? adminAreaRef(line.adminArea) : null),
};

/** The aggregate's cells carry `count`; the schema calls them `people`. */
export const AwarenessParticipants: AwarenessParticipantsResolvers = {
  groups: (p) => p.groups.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, people: g.count })),
  bySex: (p) => p.bySex.map((g) => ({ sex: g.sex, people: g.count })),
  byAgeGroup: (p) => p.byAgeGroup.map((g) => ({ ageGroup: g.ageGroup, people: g.count })),
};

export const TranshumanceWeeklyFlow: TranshumanceWeeklyFlowResolvers = {
  corridor: (f, _, { loaders }) => loadExisting(loaders.transhumanceCorridor, f.corridorId),
};
