import { badInput } from '@peacegraph/kit/errors';

/**
 * What the early-action rules assume and where they draw lines. Defaults live here; a corridor may
 * override any of them (its `earlyAction` settings), because herds on a sandy northern track do not
 * walk like herds on a southern one, and a partner knows its corridor. No environment variables: the
 * values are part of the agency's work, shown with each alert, not deployment details.
 */
export interface EarlyActionSettings {
  /** Observations older than this are history, not a herd on its way. */
  lookBackDays: number;
  /** How far a herd walks in a day along the corridor. */
  herdSpeedKmPerDay: number;
  /** How far ahead an expected arrival is worth warning about. */
  horizonDays: number;
  /** Smallest herd (TLU) heading for a spot that raises an alert. */
  alertThresholdTlu: number;
  /** From this size (TLU) a movement is MASSIVE. */
  massiveThresholdTlu: number;
  /** A movement up to this many weeks before its window opens is EARLY, after it closes LATE; further out UNEXPECTED. */
  offSeasonWeeks: number;
  /** Smallest herd (TLU) moving outside the calendar that raises an alert. */
  offSeasonMinimumTlu: number;
  /** How far from the path a spot or counting point of the corridor may lie. */
  maxDistanceFromPathKm: number;
}

export const EARLY_ACTION_DEFAULTS: EarlyActionSettings = {
  lookBackDays: 7,
  herdSpeedKmPerDay: 15,
  horizonDays: 5,
  alertThresholdTlu: 100,
  massiveThresholdTlu: 500,
  offSeasonWeeks: 4,
  offSeasonMinimumTlu: 50,
  maxDistanceFromPathKm: 10,
};

const LIMITS: Record<keyof EarlyActionSettings, [number, number]> = {
  lookBackDays: [1, 60],
  herdSpeedKmPerDay: [1, 60],
  horizonDays: [1, 30],
  alertThresholdTlu: [1, 100_000],
  massiveThresholdTlu: [1, 1_000_000],
  offSeasonWeeks: [0, 26],
  offSeasonMinimumTlu: [1, 100_000],
  maxDistanceFromPathKm: [0.1, 100],
};

export type EarlyActionOverrides = Partial<EarlyActionSettings>;

export function effectiveSettings(overrides: EarlyActionOverrides | null | undefined): EarlyActionSettings {
  return {
    ...EARLY_ACTION_DEFAULTS,
    ...Object.fromEntries(Object.entries(overrides ?? {}).filter(([, v]) => v !== null && v !== undefined)),
  };
}

/** The overrides a partner gives, each within sane limits; null keeps (or returns to) the default. */
export function readOverrides(field: string, raw: Partial<Record<keyof EarlyActionSettings, number | null>>): EarlyActionOverrides {
  const overrides: EarlyActionOverrides = {};
  for (const [key, value] of Object.entries(raw) as [keyof EarlyActionSettings, number | null][]) {
    if (value === null || value === undefined) continue;
    const limits = LIMITS[key];
    if (!limits) continue;
    if (!Number.isFinite(value) || value < limits[0] || value > limits[1])
      throw badInput(`${field}.${key}`, `${key} must be between ${limits[0]} and ${limits[1]} (got ${value})`);
    overrides[key] = value;
  }
  const settings = effectiveSettings(overrides);
  if (settings.massiveThresholdTlu < settings.alertThresholdTlu) {
    throw badInput(
      `${field}.massiveThresholdTlu`,
      `The massive-movement threshold (${settings.massiveThresholdTlu} TLU) is below the alert threshold (${settings.alertThresholdTlu} TLU)`,
    );
  }
  return overrides;
}
