import {
  addHeads,
  NO_HEADS,
  tropicalLivestockUnits,
  type AlertSeverity,
  type AlertTrigger,
  type FlowDirection,
  type Heads,
  type SpotKind,
} from '../common/transhumance-values';
import type { EarlyActionSettings } from './early-action-settings';
import { kmText, type Position } from '../common/geo';
import { timingOf, type SeasonWindow, type Timing, type TimingFound } from '../corridor/season';

/**
 * The early-action rules, as plain functions of what the repositories gathered: no database, no clock
 * but the `now` given. They propose alerts; the service decides whether each is new, a refresh of an
 * open one, or already handled.
 */

export interface CorridorForRules {
  id: string;
  name: string;
  season: SeasonWindow[];
  settings: EarlyActionSettings;
}

export interface PlaceOnCorridor extends Position {
  id: string;
  name: string;
  kmAlong: number;
  adminPcode: string;
}

export interface SpotForRules extends PlaceOnCorridor {
  kind: SpotKind;
}

export interface ObservationForRules {
  id: string;
  countingPoint: PlaceOnCorridor;
  observedAt: Date;
  direction: FlowDirection;
  heads: Heads;
}

export type AlertRule = 'HERD_APPROACHING_SPOT' | 'OUTSIDE_SEASON';

export interface AlertEvidence {
  rule: AlertRule;
  observationIds: string[];
  countingPointId: string;
  distanceAlongCorridorKm: number | null;
  assumedSpeedKmPerDay: number | null;
  horizonDays: number | null;
  lookBackDays: number;
  alertThresholdTlu: number;
  massiveThresholdTlu: number;
  offSeasonMinimumTlu: number | null;
  offSeasonWeeks: number | null;
  seasonWindow: SeasonWindow | null;
  daysOutsideWindow: number | null;
}

export interface AlertProposal {
  /** Same key, same arrival window: the same alert (see the service's idempotence). */
  ruleKey: string;
  trigger: AlertTrigger;
  severity: AlertSeverity;
  corridorId: string;
  spotId: string | null;
  adminPcode: string;
  latitude: number;
  longitude: number;
  direction: FlowDirection;
  expectedArrival: Date;
  heads: Heads;
  tlu: number;
  reasoning: string;
  evidence: AlertEvidence;
}

const DAY_MS = 86_400_000;
const SEVERITIES: AlertSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Observations of the look-back period, oldest first. */
function recent(observations: readonly ObservationForRules[], settings: EarlyActionSettings, now: Date): ObservationForRules[] {
  const since = now.getTime() - settings.lookBackDays * DAY_MS;
  return observations
    .filter((o) => o.observedAt.getTime() >= since && o.observedAt.getTime() <= now.getTime())
    .sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
}

/**
 * Rule 1, a herd approaching a sensitive spot. For each spot and direction, the nearest counting point
 * behind the spot with recent observations heading its way speaks for the herd: adding every counting
 * point behind it would count the same animals once per point they passed. Their herds, walking at
 * the assumed speed from where and when they were counted, arrive within the horizon? Then a herd of
 * at least the alert threshold is worth a warning: MASSIVE from the massive threshold; otherwise
 * EARLY, LATE or UNEXPECTED when it moves outside the corridor's calendar, APPROACHING when inside it.
 */
export function herdsApproachingSpots(
  corridor: CorridorForRules,
  observations: readonly ObservationForRules[],
  spots: readonly SpotForRules[],
  now: Date,
): AlertProposal[] {
  const { settings } = corridor;
  const proposals: AlertProposal[] = [];
  const horizonEnd = now.getTime() + settings.horizonDays * DAY_MS;
  for (const spot of spots) {
    for (const direction of ['FORWARD', 'BACKWARD'] as const) {
      const heading = recent(observations, settings, now)
        .filter((o) => o.direction === direction)
        .map((o) => {
          const ahead = direction === 'FORWARD' ? spot.kmAlong - o.countingPoint.kmAlong : o.countingPoint.kmAlong - spot.kmAlong;
          return {
            observation: o,
            distanceKm: ahead,
            arrival: new Date(o.observedAt.getTime() + (ahead / settings.herdSpeedKmPerDay) * DAY_MS),
          };
        })
        // Behind the counting point, or already reached: nothing to prevent at this spot.
        .filter((h) => h.distanceKm > 0 && h.arrival.getTime() >= now.getTime() && h.arrival.getTime() <= horizonEnd);
      if (heading.length === 0) continue;
      const nearest = Math.min(...heading.map((h) => h.distanceKm));
      const used = heading.filter((h) => h.distanceKm === nearest);
      const heads = used.reduce((sum, h) => addHeads(sum, h.observation.heads), NO_HEADS);
      const tlu = tropicalLivestockUnits(heads);
      if (tlu < settings.alertThresholdTlu) continue;
      const arrival = new Date(Math.min(...used.map((h) => h.arrival.getTime())));
      const timings = used.map((h) => ({
        ...timingOf(corridor.season, direction, h.observation.observedAt, settings.offSeasonWeeks),
        tlu: tropicalLivestockUnits(h.observation.heads),
      }));
      const offSeason = timings.filter((t) => t.timing !== 'INSIDE' && t.timing !== 'NO_CALENDAR').sort((a, b) => b.tlu - a.tlu)[0];
      const trigger: AlertTrigger =
        tlu >= settings.massiveThresholdTlu ? 'MASSIVE' : offSeason ? (offSeason.timing as AlertTrigger) : 'APPROACHING';
      const point = used[0]!.observation.countingPoint;
      proposals.push({
        ruleKey: `approach:${spot.id}:${direction}`,
        trigger,
        severity: severityOf(tlu, settings, spot.kind, arrival),
        corridorId: corridor.id,
        spotId: spot.id,
        adminPcode: spot.adminPcode,
        latitude: spot.latitude,
        longitude: spot.longitude,
        direction,
        expectedArrival: arrival,
        heads,
        tlu,
        reasoning: approachReasoning({
          heads,
          tlu,
          point,
          spot,
          used: used.map((h) => h.observation),
          distanceKm: nearest,
          arrival,
          settings,
          offSeason: offSeason ?? null,
        }),
        evidence: {
          rule: 'HERD_APPROACHING_SPOT',
          observationIds: used.map((h) => h.observation.id),
          countingPointId: point.id,
          distanceAlongCorridorKm: round(nearest),
          assumedSpeedKmPerDay: settings.herdSpeedKmPerDay,
          horizonDays: settings.horizonDays,
          lookBackDays: settings.lookBackDays,
          alertThresholdTlu: settings.alertThresholdTlu,
          massiveThresholdTlu: settings.massiveThresholdTlu,
          offSeasonMinimumTlu: null,
          offSeasonWeeks: offSeason ? settings.offSeasonWeeks : null,
          seasonWindow: offSeason?.window ?? null,
          daysOutsideWindow: offSeason?.daysOutside ?? null,
        },
      });
    }
  }
  return proposals;
}

/**
 * Rule 2, movement outside the corridor's usual calendar. Recent observations are judged against the
 * window of their direction; those outside it are summed per counting point, direction and timing,
 * and a sum of at least the off-season minimum raises an alert in the counting point's area, where the
 * herd was seen.
 */
export function movementsOutsideSeason(
  corridor: CorridorForRules,
  observations: readonly ObservationForRules[],
  now: Date,
): AlertProposal[] {
  const { settings } = corridor;
  const groups = new Map<string, { found: TimingFound; observations: ObservationForRules[] }>();
  for (const observation of recent(observations, settings, now)) {
    const found = timingOf(corridor.season, observation.direction, observation.observedAt, settings.offSeasonWeeks);
    if (found.timing === 'INSIDE' || found.timing === 'NO_CALENDAR') continue;
    const key = `season:${observation.countingPoint.id}:${observation.direction}:${found.timing}`;
    const group = groups.get(key) ?? { found, observations: [] };
    group.observations.push(observation);
    groups.set(key, group);
  }
  const proposals: AlertProposal[] = [];
  for (const [ruleKey, { found, observations: used }] of groups) {
    const heads = used.reduce((sum, o) => addHeads(sum, o.heads), NO_HEADS);
    const tlu = tropicalLivestockUnits(heads);
    if (tlu < settings.offSeasonMinimumTlu) continue;
    const latest = used[used.length - 1]!;
    const point = latest.countingPoint;
    proposals.push({
      ruleKey,
      trigger: found.timing as AlertTrigger,
      severity: severityOf(tlu, settings, null, latest.observedAt),
      corridorId: corridor.id,
      spotId: null,
      adminPcode: point.adminPcode,
      latitude: point.latitude,
      longitude: point.longitude,
      direction: latest.direction,
      expectedArrival: latest.observedAt,
      heads,
      tlu,
      reasoning: seasonReasoning({ heads, tlu, point, used, found, settings, corridor }),
      evidence: {
        rule: 'OUTSIDE_SEASON',
        observationIds: used.map((o) => o.id),
        countingPointId: point.id,
        distanceAlongCorridorKm: null,
        assumedSpeedKmPerDay: null,
        horizonDays: null,
        lookBackDays: settings.lookBackDays,
        alertThresholdTlu: settings.alertThresholdTlu,
        massiveThresholdTlu: settings.massiveThresholdTlu,
        offSeasonMinimumTlu: settings.offSeasonMinimumTlu,
        offSeasonWeeks: settings.offSeasonWeeks,
        seasonWindow: found.window,
        daysOutsideWindow: found.daysOutside,
      },
    });
  }
  return proposals;
}

/**
 * Severity from the herd's size, one level up where the spot is most fragile when the herd arrives:
 * cropland from mid-August to mid-December (crops standing until the harvest is in), water points from
 * March to June (the hot dry season, when wells and ponds run low).
 * Base: LOW under twice the alert threshold, MEDIUM under the massive threshold, HIGH from it.
 */
export function severityOf(tlu: number, settings: EarlyActionSettings, kind: SpotKind | null, arrival: Date): AlertSeverity {
  let level = tlu >= settings.massiveThresholdTlu ? 2 : tlu >= 2 * settings.alertThresholdTlu ? 1 : 0;
  const monthDay = arrival.toISOString().slice(5, 10);
  if (kind === 'CROPLAND' && monthDay >= '08-15' && monthDay <= '12-15') level++;
  if (kind === 'WATER_POINT' && monthDay >= '03-01' && monthDay <= '06-30') level++;
  return SEVERITIES[Math.min(level, 3)]!;
}

// --- Reasoning in plain words -------------------------------------------------------------------

const SPECIES_WORDS: [keyof Heads, string][] = [
  ['cattle', 'cattle'],
  ['sheep', 'sheep'],
  ['goats', 'goats'],
  ['camels', 'camels'],
];

export function headsText(heads: Heads): string {
  const parts = SPECIES_WORDS.filter(([key]) => heads[key] > 0).map(([key, word]) => `${heads[key]} ${word}`);
  return parts.length <= 1 ? (parts[0] ?? 'no animals') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function dayText(at: Date): string {
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

const COMPASS = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];

/** Compass heading from one place to another, in words. */
export function headingText(from: Position, to: Position): string {
  const y = Math.sin(((to.longitude - from.longitude) * Math.PI) / 180) * Math.cos((to.latitude * Math.PI) / 180);
  const x =
    Math.cos((from.latitude * Math.PI) / 180) * Math.sin((to.latitude * Math.PI) / 180) -
    Math.sin((from.latitude * Math.PI) / 180) *
      Math.cos((to.latitude * Math.PI) / 180) *
      Math.cos(((to.longitude - from.longitude) * Math.PI) / 180);
  const bearing = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return COMPASS[Math.round(bearing / 45) % 8]!;
}

function whenCounted(used: readonly ObservationForRules[]): string {
  const first = used[0]!.observedAt;
  const last = used[used.length - 1]!.observedAt;
  if (used.length === 1) return `on ${dayText(first)}`;
  const from = dayText(first);
  const to = dayText(last);
  return from === to ? `in ${used.length} counts on ${from}` : `in ${used.length} counts from ${from} to ${to}`;
}

const SPOT_WORDS: Record<SpotKind, string> = {
  WATER_POINT: 'water point',
  CROPLAND: 'cropland',
  MARKET: 'market',
  BORDER_CROSSING: 'border crossing',
  PROTECTED_AREA: 'protected area',
};

function windowText(window: SeasonWindow): string {
  const day = (md: string) => dayText(new Date(`2000-${md}T00:00:00Z`));
  return `${window.label ? `the ${window.label} window` : 'its window'} (${day(window.opens)} to ${day(window.closes)})`;
}

function timingText(found: { timing: Timing; window: SeasonWindow | null; daysOutside: number }): string {
  if (!found.window) return '';
  if (found.timing === 'EARLY') return `${found.daysOutside} days before ${windowText(found.window)} opens`;
  return `${found.daysOutside} days after ${windowText(found.window)} closed`;
}

function approachReasoning(p: {
  heads: Heads;
  tlu: number;
  point: PlaceOnCorridor;
  spot: SpotForRules;
  used: ObservationForRules[];
  distanceKm: number;
  arrival: Date;
  settings: EarlyActionSettings;
  offSeason: TimingFound | null;
}): string {
  const { settings } = p;
  const massive = p.tlu >= settings.massiveThresholdTlu ? `, massive from ${settings.massiveThresholdTlu} TLU` : '';
  const season = p.offSeason && p.offSeason.window ? ` The movement comes ${timingText(p.offSeason)}.` : '';
  return (
    `${headsText(p.heads)} (${p.tlu} TLU) passed ${p.point.name} counting point heading ${headingText(p.point, p.spot)} ${whenCounted(p.used)}; ` +
    `at ${settings.herdSpeedKmPerDay} km/day they reach ${p.spot.name} (${SPOT_WORDS[p.spot.kind]}), ${kmText(p.distanceKm)} on, around ${dayText(p.arrival)}, ` +
    `within the ${settings.horizonDays}-day horizon; threshold ${settings.alertThresholdTlu} TLU${massive}.${season}`
  );
}

function seasonReasoning(p: {
  heads: Heads;
  tlu: number;
  point: PlaceOnCorridor;
  used: ObservationForRules[];
  found: TimingFound;
  settings: EarlyActionSettings;
  corridor: CorridorForRules;
}): string {
  const direction = p.used[0]!.direction === 'FORWARD' ? 'along' : 'back along';
  const words = p.found.timing === 'UNEXPECTED' ? `far outside the calendar, ${timingText(p.found)}` : timingText(p.found);
  return (
    `${headsText(p.heads)} (${p.tlu} TLU) passed ${p.point.name} counting point moving ${direction} the ${p.corridor.name} ${whenCounted(p.used)}, ` +
    `${words}; early or late means within ${p.settings.offSeasonWeeks} weeks of the window; alerts from ${p.settings.offSeasonMinimumTlu} TLU.`
  );
}

function round(km: number): number {
  return Math.round(km * 10) / 10;
}
