import { type Viewer } from '@peacegraph/kit/auth';
import { groupedLoader, keyedLoader, loadedOnce, perArguments } from '@peacegraph/kit/sql';
import type { PlacedCommunity } from './alert/alert.repository';
import type { Repositories } from './repositories';
import type { StockRow } from './statistics/statistics.repository';
import type { AlertStatus, SpotKind } from './common/transhumance-values';

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

type FirstArgs = { first: number };

/** Whose figures are exact: nobody's, for a caller without an organisation. */
export function viewerOrganisation(viewer: Viewer): string {
  return viewer.kind === 'partner' ? viewer.organisationId : '00000000-0000-0000-0000-000000000000';
}

/**
 * Fresh per request: a loader's cache must never outlive the caller it was filled for. Lists and figures
 * under the directory's entities cost one statement per field and argument set, for any number of parents.
 */
export function createLoaders(repositories: Repositories, viewer: Viewer) {
  const {
    displacementReports,
    reintegration,
    awarenessSessions,
    displacementAggregates,
    reintegrationCaseloads,
    transhumanceCorridors: corridors,
    sensitiveSpots: spots,
    countingPoints: points,
    flowObservations: flows,
    transhumanceAlerts: alerts,
  } = repositories;
  const viewerOrg = viewerOrganisation(viewer);
  return {
    displacementReport: keyedLoader(
      (ids: readonly string[]) => displacementReports.byIds(ids),
      (r) => r.id,
    ),
    reintegrationProgramme: keyedLoader(
      (ids: readonly string[]) => reintegration.programmesByIds(ids),
      (p) => p.id,
    ),
    reintegrationCase: keyedLoader(
      (ids: readonly string[]) => reintegration.casesByIds(ids),
      (c) => c.id,
    ),
    reintegrationAssistanceOfCase: groupedLoader(
      (ids: readonly string[]) => reintegration.assistanceOf(ids),
      (a) => a.caseId,
    ),
    awarenessSession: keyedLoader(
      (ids: readonly string[]) => awarenessSessions.byIds(ids),
      (s) => s.id,
    ),

    displacementFiguresOfArea: perArguments(({ asOf }: { asOf: string | null }) =>
      keyedLoader(
        (pcodes: readonly string[]) => displacementAggregates.latestOfAreas(pcodes, asOf, viewerOrg),
        (row: StockRow) => row.key,
      ),
    ),
    /** Every case, for any number of areas and breakdowns: one disclosure pattern for all of them, kept while no case is written. */
    caseloadOfAll: loadedOnce(() => reintegrationCaseloads.of({}, viewerOrg)),
    awarenessSessionsOfCommunity: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => awarenessSessions.ofCommunities(ids, first),
        (s) => s.communityId,
      ),
    ),
    awarenessSessionsFacilitatedBy: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => awarenessSessions.facilitatedBy(ids, first),
        (s) => s.facilitatorIds,
      ),
    ),
    reintegrationProgrammesOf: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => reintegration.programmesOf(ids, first),
        (p) => p.ownerOrg,
      ),
    ),

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

export type Loaders = ReturnType<typeof createLoaders>;
