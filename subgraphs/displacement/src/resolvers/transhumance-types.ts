import { discloseCounts, loadPresent } from '@peacegraph/kit';
import type { DisplacementContext } from '../context';
import type {
  AlertRecipient,
  AlertTransition,
  CountingPoint,
  FlowObservation,
  SensitiveSpot,
  TranshumanceAlert,
  TranshumanceCorridor,
} from '../entities/transhumance';
import { tropicalLivestockUnits, type Heads } from '../entities/transhumance-values';
import { effectiveSettings } from '../services/early-action-settings';
import type { AlertEvidence } from '../services/early-action';
import { parseBox } from '../services/transhumance/corridor-path';

type C = DisplacementContext;

const adminAreaRef = (pcode: string | null) => (pcode ? { __typename: 'AdminArea', pcode } : null);
const organisationRef = (id: string | null) => (id ? { __typename: 'Organisation', id } : null);

export function headsOf(row: Heads) {
  return { cattle: row.cattle, sheep: row.sheep, goats: row.goats, camels: row.camels, tlu: tropicalLivestockUnits(row) };
}

/** Every reference to our own entities resolves through the request's loaders. */
const references = {
  TranshumanceCorridor: { __resolveReference: (ref: { id: string }, { loaders }: C) => loaders.transhumanceCorridor.load(ref.id) },
  SensitiveSpot: { __resolveReference: (ref: { id: string }, { loaders }: C) => loaders.transhumanceSpot.load(ref.id) },
  CountingPoint: { __resolveReference: (ref: { id: string }, { loaders }: C) => loaders.transhumanceCountingPoint.load(ref.id) },
  FlowObservation: { __resolveReference: (ref: { id: string }, { loaders }: C) => loaders.transhumanceObservation.load(ref.id) },
  TranshumanceAlert: { __resolveReference: (ref: { id: string }, { loaders }: C) => loaders.transhumanceAlert.load(ref.id) },
};

export const transhumanceTypes = {
  TranshumanceCorridor: {
    ...references.TranshumanceCorridor,
    bounds: (c: TranshumanceCorridor) => parseBox(c.bounds),
    countries: (c: TranshumanceCorridor) => c.countryCodes,
    adminAreas: (c: TranshumanceCorridor) => c.adminPcodes.map(adminAreaRef),
    earlyAction: (c: TranshumanceCorridor) => effectiveSettings(c.earlyAction),
    sensitiveSpots: (c: TranshumanceCorridor, _: unknown, { loaders }: C) => loaders.transhumanceSpotsOfCorridor.load(c.id),
    countingPoints: (c: TranshumanceCorridor, _: unknown, { loaders }: C) => loaders.transhumanceCountingPointsOfCorridor.load(c.id),
    recordedBy: (c: TranshumanceCorridor) => organisationRef(c.ownerOrg),
  },
  SensitiveSpot: {
    ...references.SensitiveSpot,
    adminArea: (s: SensitiveSpot) => adminAreaRef(s.adminPcode),
    country: (s: SensitiveSpot) => s.countryCode,
    corridor: (s: SensitiveSpot, _: unknown, { loaders }: C) => (s.corridorId ? loaders.transhumanceCorridor.load(s.corridorId) : null),
    kmAlongCorridor: (s: SensitiveSpot) => (s.kmAlong === null ? null : round(s.kmAlong)),
    distanceFromCorridorKm: (s: SensitiveSpot) => (s.distanceFromPathKm === null ? null : round(s.distanceFromPathKm)),
    recordedBy: (s: SensitiveSpot) => organisationRef(s.ownerOrg),
  },
  CountingPoint: {
    ...references.CountingPoint,
    adminArea: (p: CountingPoint) => adminAreaRef(p.adminPcode),
    country: (p: CountingPoint) => p.countryCode,
    corridor: (p: CountingPoint, _: unknown, { loaders }: C) => loaders.transhumanceCorridor.load(p.corridorId),
    kmAlongCorridor: (p: CountingPoint) => round(p.kmAlong),
    distanceFromCorridorKm: (p: CountingPoint) => round(p.distanceFromPathKm),
    recordedBy: (p: CountingPoint) => organisationRef(p.ownerOrg),
  },
  FlowObservation: {
    ...references.FlowObservation,
    countingPoint: (o: FlowObservation, _: unknown, { loaders }: C) => loaders.transhumanceCountingPoint.load(o.countingPointId),
    corridor: (o: FlowObservation, _: unknown, { loaders }: C) => loaders.transhumanceCorridor.load(o.corridorId),
    heads: headsOf,
    // Herders are people: exact for the organisation that counted them.
    herders: (o: FlowObservation, _: unknown, { viewer }: C) =>
      discloseCounts({ herders: o.herders }, { exact: viewer.kind === 'partner' && viewer.organisationId === o.ownerOrg }).counts.herders,
    origin: (o: FlowObservation) => adminAreaRef(o.originPcode),
    destination: (o: FlowObservation) => adminAreaRef(o.destinationPcode),
    recordedBy: (o: FlowObservation) => organisationRef(o.ownerOrg),
  },
  TranshumanceAlert: {
    ...references.TranshumanceAlert,
    organisation: (a: TranshumanceAlert) => organisationRef(a.ownerOrg),
    spot: (a: TranshumanceAlert, _: unknown, { loaders }: C) => (a.spotId ? loaders.transhumanceSpot.load(a.spotId) : null),
    corridor: (a: TranshumanceAlert, _: unknown, { loaders }: C) => (a.corridorId ? loaders.transhumanceCorridor.load(a.corridorId) : null),
    adminArea: (a: TranshumanceAlert) => adminAreaRef(a.adminPcode),
    herd: headsOf,
    recipients: (a: TranshumanceAlert, _: unknown, { loaders }: C) => loaders.transhumanceRecipientsOfAlert.load(a.id),
    history: (a: TranshumanceAlert, _: unknown, { loaders }: C) => loaders.transhumanceHistoryOfAlert.load(a.id),
  },
  TranshumanceAlertEvidence: {
    observations: (e: AlertEvidence, _: unknown, { loaders }: C) => loadPresent(loaders.transhumanceObservation, e.observationIds),
    countingPoint: (e: AlertEvidence, _: unknown, { loaders }: C) => loaders.transhumanceCountingPoint.load(e.countingPointId),
  },
  TranshumanceAlertRecipient: {
    organisation: (r: AlertRecipient) => organisationRef(r.organisationId),
  },
  TranshumanceAlertTransition: {
    from: (t: AlertTransition) => t.fromStatus,
    to: (t: AlertTransition) => t.toStatus,
    actorOrganisation: (t: AlertTransition) => organisationRef(t.actorOrg),
  },
  TranshumanceWeeklyFlow: {
    corridor: (f: { corridorId: string }, _: unknown, { loaders }: C) => loaders.transhumanceCorridor.load(f.corridorId),
  },
};

function round(km: number): number {
  return Math.round(km * 100) / 100;
}
