import { discloseCounts } from '@peacegraph/kit/disclosure';
import { loadExisting, loadPresent } from '@peacegraph/kit/sql';
import { tropicalLivestockUnits, type Heads } from '../transhumance-values';
import type { Resolvers } from '../generated/resolvers';
import { effectiveSettings } from '../alert/early-action-settings';
import { parseBox } from '../corridor/corridor-path';

// A key the row always has gives a reference, one it may lack a reference or null.
function adminAreaRef(pcode: string): { __typename: string; pcode: string };
function adminAreaRef(pcode: string | null): { __typename: string; pcode: string } | null;
function adminAreaRef(pcode: string | null) {
  return pcode ? { __typename: 'AdminArea', pcode } : null;
}
function organisationRef(id: string): { __typename: string; id: string };
function organisationRef(id: string | null): { __typename: string; id: string } | null;
function organisationRef(id: string | null) {
  return id ? { __typename: 'Organisation', id } : null;
}

export function headsOf(row: Heads) {
  return { cattle: row.cattle, sheep: row.sheep, goats: row.goats, camels: row.camels, tlu: tropicalLivestockUnits(row) };
}

/** Every reference to our own entities resolves through the request's loaders. */
const references = {
  TranshumanceCorridor: { __resolveReference: (ref, { loaders }) => loaders.transhumanceCorridor.load(ref.id) },
  SensitiveSpot: { __resolveReference: (ref, { loaders }) => loaders.transhumanceSpot.load(ref.id) },
  CountingPoint: { __resolveReference: (ref, { loaders }) => loaders.transhumanceCountingPoint.load(ref.id) },
  FlowObservation: { __resolveReference: (ref, { loaders }) => loaders.transhumanceObservation.load(ref.id) },
  TranshumanceAlert: { __resolveReference: (ref, { loaders }) => loaders.transhumanceAlert.load(ref.id) },
} satisfies Resolvers;

export const transhumanceTypes = {
  TranshumanceCorridor: {
    ...references.TranshumanceCorridor,
    bounds: (c) => parseBox(c.bounds),
    countries: (c) => c.countryCodes,
    adminAreas: (c) => c.adminPcodes.map((pcode) => adminAreaRef(pcode)),
    earlyAction: (c) => effectiveSettings(c.earlyAction),
    sensitiveSpots: (c, _, { loaders }) => loaders.transhumanceSpotsOfCorridor.load(c.id),
    countingPoints: (c, _, { loaders }) => loaders.transhumanceCountingPointsOfCorridor.load(c.id),
    recordedBy: (c) => organisationRef(c.ownerOrg),
  },
  SensitiveSpot: {
    ...references.SensitiveSpot,
    adminArea: (s) => adminAreaRef(s.adminPcode),
    country: (s) => s.countryCode,
    corridor: (s, _, { loaders }) => (s.corridorId ? loaders.transhumanceCorridor.load(s.corridorId) : null),
    kmAlongCorridor: (s) => (s.kmAlong === null ? null : round(s.kmAlong)),
    distanceFromCorridorKm: (s) => (s.distanceFromPathKm === null ? null : round(s.distanceFromPathKm)),
    recordedBy: (s) => organisationRef(s.ownerOrg),
  },
  CountingPoint: {
    ...references.CountingPoint,
    adminArea: (p) => adminAreaRef(p.adminPcode),
    country: (p) => p.countryCode,
    corridor: (p, _, { loaders }) => loadExisting(loaders.transhumanceCorridor, p.corridorId),
    kmAlongCorridor: (p) => round(p.kmAlong),
    distanceFromCorridorKm: (p) => round(p.distanceFromPathKm),
    recordedBy: (p) => organisationRef(p.ownerOrg),
  },
  FlowObservation: {
    ...references.FlowObservation,
    countingPoint: (o, _, { loaders }) => loadExisting(loaders.transhumanceCountingPoint, o.countingPointId),
    corridor: (o, _, { loaders }) => loadExisting(loaders.transhumanceCorridor, o.corridorId),
    heads: headsOf,
    // Herders are people: exact for the organisation that counted them.
    herders: (o, _, { viewer }) =>
      discloseCounts({ herders: o.herders }, { exact: viewer.kind === 'partner' && viewer.organisationId === o.ownerOrg }).counts.herders,
    origin: (o) => adminAreaRef(o.originPcode),
    destination: (o) => adminAreaRef(o.destinationPcode),
    recordedBy: (o) => organisationRef(o.ownerOrg),
  },
  TranshumanceAlert: {
    ...references.TranshumanceAlert,
    organisation: (a) => organisationRef(a.ownerOrg),
    spot: (a, _, { loaders }) => (a.spotId ? loaders.transhumanceSpot.load(a.spotId) : null),
    corridor: (a, _, { loaders }) => (a.corridorId ? loaders.transhumanceCorridor.load(a.corridorId) : null),
    adminArea: (a) => adminAreaRef(a.adminPcode),
    herd: headsOf,
    recipients: (a, _, { loaders }) => loaders.transhumanceRecipientsOfAlert.load(a.id),
    history: (a, _, { loaders }) => loaders.transhumanceHistoryOfAlert.load(a.id),
  },
  TranshumanceAlertEvidence: {
    observations: (e, _, { loaders }) => loadPresent(loaders.transhumanceObservation, e.observationIds),
    countingPoint: (e, _, { loaders }) => loaders.transhumanceCountingPoint.load(e.countingPointId),
  },
  TranshumanceAlertRecipient: {
    organisation: (r) => organisationRef(r.organisationId),
  },
  TranshumanceAlertTransition: {
    from: (t) => t.fromStatus,
    to: (t) => t.toStatus,
    actorOrganisation: (t) => organisationRef(t.actorOrg),
  },
  TranshumanceWeeklyFlow: {
    corridor: (f, _, { loaders }) => loadExisting(loaders.transhumanceCorridor, f.corridorId),
  },
} satisfies Resolvers;

function round(km: number): number {
  return Math.round(km * 100) / 100;
}
