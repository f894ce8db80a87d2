import { type Viewer } from '@peacegraph/kit/auth';
import { groupedLoader, keyedLoader, perArguments } from '@peacegraph/kit/sql';
import type { AlertStatus, SpotKind } from '../entities/transhumance-values';
import type { Repositories } from '../repositories';
import type { PlacedCommunity } from '../repositories/transhumance/alert-repository';

type AlertsNearby = { radiusKm: number; status: AlertStatus[] | null; first: number };
type AreaAlerts = { status: AlertStatus[] | null; first: number };
type AreaSpots = { kind: SpotKind | null; first: number };

/** A community and where it is, as one loader key (its coordinates come with the reference). */
export function placedKey(community: PlacedCommunity): string {
  return `${community.id}|${community.latitude}|${community.longitude}`;
}

function fromPlacedKey(key: string): PlacedCommunity {
  const [id, latitude, longitude] = key.split('|');
  return { id: id!, latitude: Number(latitude), longitude: Number(longitude) };
}

/** Fresh per request. Keys are prefixed: the other half of the subgraph has loaders of its own. */
export function createTranshumanceLoaders(repositories: Repositories, _viewer: Viewer) {
  const {
    transhumanceCorridors: corridors,
    sensitiveSpots: spots,
    countingPoints: points,
    flowObservations: flows,
    transhumanceAlerts: alerts,
  } = repositories;
  return {
    transhumanceCorridor: keyedLoader(
      (ids: readonly string[]) => corridors.byIds(ids),
      (c) => c.id,
    ),
    transhumanceSpot: keyedLoader(
      (ids: readonly string[]) => spots.byIds(ids),
      (s) => s.id,
    ),
    transhumanceCountingPoint: keyedLoader(
      (ids: readonly string[]) => points.byIds(ids),
      (p) => p.id,
    ),
    transhumanceObservation: keyedLoader(
      (ids: readonly string[]) => flows.byIds(ids),
      (o) => o.id,
    ),
    transhumanceAlert: keyedLoader(
      (ids: readonly string[]) => alerts.byIds(ids),
      (a) => a.id,
    ),
    transhumanceSpotsOfCorridor: groupedLoader(
      (ids: readonly string[]) => spots.onCorridors(ids),
      (s) => s.corridorId ?? '',
    ),
    transhumanceCountingPointsOfCorridor: groupedLoader(
      (ids: readonly string[]) => points.onCorridors(ids),
      (p) => p.corridorId,
    ),
    transhumanceRecipientsOfAlert: groupedLoader(
      (ids: readonly string[]) => alerts.recipientsOf(ids),
      (r) => r.alertId,
    ),
    transhumanceHistoryOfAlert: groupedLoader(
      (ids: readonly string[]) => alerts.historyOf(ids),
      (t) => t.alertId,
    ),

    // Lists under the directory's entities: one statement per field and argument set.
    transhumanceAlertsNearCommunity: perArguments(({ radiusKm, status, first }: AlertsNearby) =>
      groupedLoader(
        async (keys: readonly string[]) =>
          (await alerts.nearCommunities(keys.map(fromPlacedKey), radiusKm, status, first)).map((alert) => ({
            alert,
            keys: keys.filter((k) => k.startsWith(`${alert.communityId}|`)),
          })),
        (found) => found.keys,
      ),
    ),
    transhumanceAlertsInArea: perArguments(({ status, first }: AreaAlerts) =>
      groupedLoader(
        (pcodes: readonly string[]) => alerts.inAreas(pcodes, status, first),
        (a) => a.area,
      ),
    ),
    transhumanceSpotsInArea: perArguments(({ kind, first }: AreaSpots) =>
      groupedLoader(
        (pcodes: readonly string[]) => spots.inAreas(pcodes, kind, first),
        (s) => s.area,
      ),
    ),
    transhumanceAlertsReceived: perArguments(({ first }: { first: number }) =>
      groupedLoader(
        (ids: readonly string[]) => alerts.receivedBy(ids, first),
        (a) => a.organisationId,
      ),
    ),
  };
}
