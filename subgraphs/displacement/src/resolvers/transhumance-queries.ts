import { badInput, pageSize, type PageArgs } from '@peacegraph/kit';
import type { AlertStatus, SpotKind } from '../entities/transhumance-values';
import type { DisplacementContext } from '../context';
import { EARLY_ACTION_DEFAULTS } from '../services/early-action-settings';
import type { AlertFilter } from '../repositories/transhumance/alert-repository';
import type { CorridorFilter } from '../repositories/transhumance/corridor-repository';
import type { FlowObservationFilter } from '../repositories/transhumance/flow-repository';
import { checkBox, checkRadius, type AlongCorridorFilter, type BoxFilter, type NearFilter } from '../repositories/transhumance/geo-filters';
import type { PlaceFilter, SpotFilter } from '../repositories/transhumance/place-repository';
import type { FlowFilterInput } from '../services/transhumance/aggregate-service';

type C = DisplacementContext;
type ById = { id: string };
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

export const transhumanceQueries = {
  transhumanceCorridor: (_: unknown, { id }: ById, { loaders }: C) => loaders.transhumanceCorridor.load(id),
  transhumanceCorridors: (_: unknown, args: { filter?: CorridorFilter | null } & PageArgs, { repositories }: C) =>
    repositories.transhumanceCorridors.list(geo(args.filter), args),
  sensitiveSpot: (_: unknown, { id }: ById, { loaders }: C) => loaders.transhumanceSpot.load(id),
  sensitiveSpots: (_: unknown, args: { filter?: SpotFilter | null } & PageArgs, { repositories }: C) =>
    repositories.sensitiveSpots.list(geo(args.filter), args),
  countingPoint: (_: unknown, { id }: ById, { loaders }: C) => loaders.transhumanceCountingPoint.load(id),
  countingPoints: (_: unknown, args: { filter?: PlaceFilter | null } & PageArgs, { repositories }: C) =>
    repositories.countingPoints.list(geo(args.filter), args),
  flowObservations: (_: unknown, args: { filter?: FlowObservationFilter | null } & PageArgs, { repositories }: C) => {
    const filter = geo(args.filter);
    if (filter.from && filter.to && filter.to < filter.from) throw badInput('filter.to', 'The period ends before it starts');
    return repositories.flowObservations.list(filter, args);
  },
  transhumanceAlert: (_: unknown, { id }: ById, { loaders }: C) => loaders.transhumanceAlert.load(id),
  transhumanceAlerts: (_: unknown, args: { filter?: AlertFilter | null } & PageArgs, { repositories }: C) =>
    repositories.transhumanceAlerts.list(alertFilter(args.filter), args),
  transhumanceFlows: (_: unknown, { filter }: { filter: FlowFilterInput }, { transhumanceAggregates }: C) =>
    transhumanceAggregates.flows(filter),
  transhumanceAlertStats: (_: unknown, { filter }: { filter?: AlertFilter | null }, { transhumanceAggregates }: C) =>
    transhumanceAggregates.alertStats(alertFilter(filter)),
  transhumanceEarlyActionDefaults: () => EARLY_ACTION_DEFAULTS,
};

type Input<T> = { input: T };
type Step<T> = { id: string; version: number; input: T };

export const transhumanceMutations = {
  createTranshumanceCorridor: (
    _: unknown,
    { input }: Input<Parameters<C['transhumanceCorridors']['create']>[0]>,
    { transhumanceCorridors }: C,
  ) => transhumanceCorridors.create(input),
  updateTranshumanceCorridor: (
    _: unknown,
    { id, version, input }: Step<Parameters<C['transhumanceCorridors']['update']>[2]>,
    { transhumanceCorridors }: C,
  ) => transhumanceCorridors.update(id, version, input),
  createSensitiveSpot: (_: unknown, { input }: Input<Parameters<C['transhumancePlaces']['createSpot']>[0]>, { transhumancePlaces }: C) =>
    transhumancePlaces.createSpot(input),
  updateSensitiveSpot: (
    _: unknown,
    { id, version, input }: Step<Parameters<C['transhumancePlaces']['updateSpot']>[2]>,
    { transhumancePlaces }: C,
  ) => transhumancePlaces.updateSpot(id, version, input),
  createCountingPoint: (
    _: unknown,
    { input }: Input<Parameters<C['transhumancePlaces']['createCountingPoint']>[0]>,
    { transhumancePlaces }: C,
  ) => transhumancePlaces.createCountingPoint(input),
  recordFlowObservations: (_: unknown, { input }: Input<Parameters<C['transhumanceFlows']['record']>[0]>, { transhumanceFlows }: C) =>
    transhumanceFlows.record(input),
  raiseTranshumanceAlert: (_: unknown, { input }: Input<Parameters<C['transhumanceAlerts']['raise']>[0]>, { transhumanceAlerts }: C) =>
    transhumanceAlerts.raise(input),
  verifyTranshumanceAlert: (
    _: unknown,
    { id, version, input }: Step<Parameters<C['transhumanceAlerts']['verify']>[2]>,
    { transhumanceAlerts }: C,
  ) => transhumanceAlerts.verify(id, version, input),
  disseminateTranshumanceAlert: (
    _: unknown,
    { id, version, input }: Step<Parameters<C['transhumanceAlerts']['disseminate']>[2]>,
    { transhumanceAlerts }: C,
  ) => transhumanceAlerts.disseminate(id, version, input),
  recordTranshumanceAlertResponse: (
    _: unknown,
    { id, version, input }: Step<Parameters<C['transhumanceAlerts']['recordResponse']>[2]>,
    { transhumanceAlerts }: C,
  ) => transhumanceAlerts.recordResponse(id, version, input),
  closeTranshumanceAlert: (
    _: unknown,
    { id, version, input }: Step<Parameters<C['transhumanceAlerts']['close']>[2]>,
    { transhumanceAlerts }: C,
  ) => transhumanceAlerts.close(id, version, input),
};

type StatusArgs = { status?: AlertStatus[] | null; first?: number | null };

/** What transhumance adds to the directory's entities: one statement per field for all parents of a request. */
export const transhumanceDirectoryFields = {
  Community: {
    transhumanceAlertsNearby: async (
      community: { id: string; latitude?: number | null; longitude?: number | null },
      args: StatusArgs & { radiusKm?: number | null },
      { loaders }: C,
    ) => {
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
    transhumanceAlerts: ({ pcode }: { pcode: string }, args: StatusArgs, { loaders }: C) =>
      loaders.transhumanceAlertsInArea({ status: args.status?.length ? args.status : null, first: pageSize(args.first) }).load(pcode),
    sensitiveSpots: ({ pcode }: { pcode: string }, args: { kind?: SpotKind | null; first?: number | null }, { loaders }: C) =>
      loaders.transhumanceSpotsInArea({ kind: args.kind ?? null, first: pageSize(args.first) }).load(pcode),
  },
  Organisation: {
    transhumanceAlertsReceived: ({ id }: { id: string }, args: { first?: number | null }, { loaders }: C) =>
      loaders.transhumanceAlertsReceived({ first: pageSize(args.first) }).load(id),
  },
};
