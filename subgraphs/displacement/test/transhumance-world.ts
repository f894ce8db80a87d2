import { ok } from './fixtures';
import type { DisplacementUnderTest } from './support';

type Client = DisplacementUnderTest['owner'];

/**
 * A straight test corridor in Séno (Burkina Faso), drawn north to south along longitude −0.03 from
 * 14.6° to 13.6° N: FORWARD is southward, and a degree of latitude is 111.32 km on earthdistance's
 * sphere, so distances along it are easy to compute by hand.
 */
export const LONGITUDE = -0.03;
export const KM_PER_DEGREE = (6378.168 * Math.PI) / 180;
export const NORTH = 14.6;
export const SOUTH = 13.6;

/** km along the test corridor (from its northern start) of a point at this latitude on it. */
export const kmAt = (latitude: number) => (NORTH - latitude) * KM_PER_DEGREE;

/** 'MM-DD' of a day `n` days from now. */
export function monthDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(5, 10);
}

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

export const CORRIDOR_FIELDS = `id name formality lengthKm version countries bounds { south west north east } season { direction opens closes label }
  earlyAction { lookBackDays herdSpeedKmPerDay horizonDays alertThresholdTlu massiveThresholdTlu offSeasonWeeks offSeasonMinimumTlu maxDistanceFromPathKm }`;

export async function createCorridor(client: Client, input: Record<string, unknown>) {
  const data = await ok<{ createTranshumanceCorridor: { id: string; version: number; lengthKm: number } }>(
    client,
    `mutation ($input: CreateTranshumanceCorridorInput!) { createTranshumanceCorridor(input: $input) { ${CORRIDOR_FIELDS} } }`,
    {
      input: {
        name: 'Test corridor',
        formality: 'FORMAL',
        path: {
          coordinates: [
            [LONGITUDE, NORTH],
            [LONGITUDE, SOUTH],
          ],
        },
        adminAreas: ['BF5602'],
        ...input,
      },
    },
  );
  return data.createTranshumanceCorridor;
}

export async function createSpot(
  client: Client,
  input: Record<string, unknown>,
): Promise<{ id: string; kmAlongCorridor: number | null; distanceFromCorridorKm: number | null }> {
  const data = await ok<{ createSensitiveSpot: { id: string; kmAlongCorridor: number | null; distanceFromCorridorKm: number | null } }>(
    client,
    `mutation ($input: CreateSensitiveSpotInput!) { createSensitiveSpot(input: $input) { id kmAlongCorridor distanceFromCorridorKm } }`,
    { input: { kind: 'WATER_POINT', adminArea: 'BF5602', longitude: LONGITUDE, ...input } },
  );
  return data.createSensitiveSpot;
}

export async function createCountingPoint(
  client: Client,
  input: Record<string, unknown>,
): Promise<{ id: string; kmAlongCorridor: number }> {
  const data = await ok<{ createCountingPoint: { id: string; kmAlongCorridor: number } }>(
    client,
    `mutation ($input: CreateCountingPointInput!) { createCountingPoint(input: $input) { id kmAlongCorridor } }`,
    { input: { adminArea: 'BF5602', longitude: LONGITUDE, ...input } },
  );
  return data.createCountingPoint;
}

export const ALERT_FIELDS = `id kind trigger status severity raisedBy reasoning expectedArrival version direction
  herd { cattle sheep goats camels tlu } spot { id name } corridor { id } adminArea { pcode }
  evidence { rule distanceAlongCorridorKm assumedSpeedKmPerDay horizonDays alertThresholdTlu massiveThresholdTlu daysOutsideWindow observations { id } countingPoint { id } }`;

export interface AlertView {
  id: string;
  kind: string;
  trigger: string | null;
  status: string;
  severity: string;
  raisedBy: string;
  reasoning: string | null;
  expectedArrival: string | null;
  version: number;
  direction: string | null;
  herd: { cattle: number; sheep: number; goats: number; camels: number; tlu: number };
  spot: { id: string; name: string } | null;
  corridor: { id: string } | null;
  adminArea: { pcode: string } | null;
  evidence: {
    rule: string;
    distanceAlongCorridorKm: number | null;
    assumedSpeedKmPerDay: number | null;
    horizonDays: number | null;
    alertThresholdTlu: number;
    massiveThresholdTlu: number;
    daysOutsideWindow: number | null;
    observations: { id: string }[];
    countingPoint: { id: string } | null;
  } | null;
}

export async function record(client: Client, observations: Record<string, unknown>[], clientMutationId?: string) {
  const data = await ok<{ recordFlowObservations: { observations: { id: string }[]; alerts: AlertView[] } }>(
    client,
    `mutation ($input: RecordFlowObservationsInput!) { recordFlowObservations(input: $input) { observations { id } alerts { ${ALERT_FIELDS} } } }`,
    { input: { observations, clientMutationId } },
  );
  return data.recordFlowObservations;
}
