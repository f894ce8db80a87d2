import { badInput } from '@peacegraph/kit/errors';
import { pageSize } from '@peacegraph/kit/sql';
import type { MutationResolvers, QueryResolvers, Resolvers } from '../generated/resolvers';
import { EARLY_ACTION_DEFAULTS } from '../alert/early-action-settings';
import type { AlertFilter } from '../alert/alert.repository';
import { checkBox, checkRadius, type AlongCorridorFilter, type BoxFilter, type NearFilter } from '../geo-filters';

type Geo = { withinBox?: BoxFilter | null; near?: NearFilter | null; alongCorridor?: AlongCorridorFilter | null };

/** Geographic filters, checked: a box the right way round, distances within reason. */
function geo<F extends Geo>(filter: F | null | undefined): F {
  const checked = { ...(filter ?? {}) } as F;
  if (checked.withinBox) checkBox('filter.withinBox', checked.withinBox);
  if (checked.near) checkRadius('filter.near.radiusKm', checked.near.radiusKm);
  if (checked.alongCorridor) checkRadius('filter.alongCorridor.withinKm', checked.alongCorridor.withinKm);
  return checked;
}

function alertFilter(filter: AlertFilter | null | undefined): AlertFilter {
  const checked = geo(filter);
  if (checked.from && checked.to && checked.to < checked.from) throw badInput('filter.to', 'The period ends before it starts');
  return checked;
}

export const transhumanceQueries: QueryResolvers = {
  transhumanceCorridor: (_, { id }, { loaders }) => loaders.transhumanceCorridor.load(id),
  transhumanceCorridors: (_, args, { repositories }) => repositories.transhumanceCorridors.list(geo(args.filter), args),
  sensitiveSpot: (_, { id }, { loaders }) => loaders.transhumanceSpot.load(id),
  sensitiveSpots: (_, args, { repositories }) => repositories.sensitiveSpots.list(geo(args.filter), args),
  countingPoint: (_, { id }, { loaders }) => loaders.transhumanceCountingPoint.load(id),
  countingPoints: (_, args, { repositories }) => repositories.countingPoints.list(geo(args.filter), args),
  flowObservations: (_, args, { repositories }) => {
    const filter = geo(args.filter);
    if (filter.from && filter.to && filter.to < filter.from) throw badInput('filter.to', 'The period ends before it starts');
    return repositories.flowObservations.list(filter, args);
  },
  transhumanceAlert: (_, { id }, { loaders }) => loaders.transhumanceAlert.load(id),
  transhumanceAlerts: (_, args, { repositories }) => repositories.transhumanceAlerts.list(alertFilter(args.filter), args),
  transhumanceFlows: (_, { filter }, { transhumanceAggregates }) => transhumanceAggregates.flows(filter),
  transhumanceAlertStats: (_, { filter }, { transhumanceAggregates }) => transhumanceAggregates.alertStats(alertFilter(filter)),
  transhumanceEarlyActionDefaults: () => EARLY_ACTION_DEFAULTS,
};

export const transhumanceMutations: MutationResolvers = {
  createTranshumanceCorridor: (_, { input }, { transhumanceCorridors }) => transhumanceCorridors.create(input),
  updateTranshumanceCorridor: (_, { id, version, input }, { transhumanceCorridors }) => transhumanceCorridors.update(id, version, input),
  createSensitiveSpot: (_, { input }, { transhumancePlaces }) => transhumancePlaces.createSpot(input),
  updateSensitiveSpot: (_, { id, version, input }, { transhumancePlaces }) => transhumancePlaces.updateSpot(id, version, input),
  createCountingPoint: (_, { input }, { transhumancePlaces }) => transhumancePlaces.createCountingPoint(input),
  recordFlowObservations: (_, { input }, { transhumanceFlows }) => transhumanceFlows.record(input),
  raiseTranshumanceAlert: (_, { input }, { transhumanceAlerts }) => transhumanceAlerts.raise(input),
  verifyTranshumanceAlert: (_, { id, version, input }, { transhumanceAlerts }) => transhumanceAlerts.verify(id, version, input),
  disseminateTranshumanceAlert: (_, { id, version, input }, { transhumanceAlerts }) => transhumanceAlerts.disseminate(id, version, input),
  recordTranshumanceAlertResponse: (_, { id, version, input }, { transhumanceAlerts }) =>
    transhumanceAlerts.recordResponse(id, version, input),
  closeTranshumanceAlert: (_, { id, version, input }, { transhumanceAlerts }) => transhumanceAlerts.close(id, version, input),
};

/** What transhumance adds to the directory's entities: one statement per field for all parents of a request. */
export const transhumanceDirectoryFields = {
  Community: {
    transhumanceAlertsNearby: async (community, args, { loaders }) => {
      // The gateway sends the directory's coordinates (@requires); a community without them has nothing "nearby".
      if (
        community.latitude === null ||
        community.latitude === undefined ||
        community.longitude === null ||
        community.longitude === undefined
      )
        return [];
      const radiusKm = checkRadius('radiusKm', args.radiusKm ?? 30);
      const first = pageSize(args.first);
      const found = await loaders
        .transhumanceAlertsNearCommunity({ radiusKm, status: args.status?.length ? args.status : null, first })
        .load(`${community.id}|${community.latitude}|${community.longitude}`);
      return found.map((f) => f.alert);
    },
  },
  AdminArea: {
    transhumanceAlerts: ({ pcode }, args, { loaders }) =>
      loaders.transhumanceAlertsInArea({ status: args.status?.length ? args.status : null, first: pageSize(args.first) }).load(pcode),
    sensitiveSpots: ({ pcode }, args, { loaders }) =>
      loaders.transhumanceSpotsInArea({ kind: args.kind ?? null, first: pageSize(args.first) }).load(pcode),
  },
  Organisation: {
    transhumanceAlertsReceived: ({ id }, args, { loaders }) => loaders.transhumanceAlertsReceived({ first: pageSize(args.first) }).load(id),
  },
} satisfies Resolvers;
