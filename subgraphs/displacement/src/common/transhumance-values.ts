/**
 * The closed vocabularies of transhumance. The GraphQL enums in schema.graphql and the CHECK
 * constraints of the migration hold the same values; a unit test keeps the enums in step with these lists.
 */
export const CORRIDOR_FORMALITIES = ['FORMAL', 'INFORMAL'] as const;
export type CorridorFormality = (typeof CORRIDOR_FORMALITIES)[number];

/** Relative to the corridor's path as drawn: FORWARD from its first position to its last, BACKWARD the other way. */
export const FLOW_DIRECTIONS = ['FORWARD', 'BACKWARD'] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

export const SPOT_KINDS = ['WATER_POINT', 'CROPLAND', 'MARKET', 'BORDER_CROSSING', 'PROTECTED_AREA'] as const;
export type SpotKind = (typeof SPOT_KINDS)[number];

export const SPECIES = ['CATTLE', 'SHEEP', 'GOATS', 'CAMELS'] as const;
export type Species = (typeof SPECIES)[number];

/**
 * Tropical livestock units: one TLU is a 250 kg animal. FAO's factors for the Sahel: cattle 0.7,
 * sheep and goats 0.1, camels 1.0. They put a mixed herd on one scale, which is what water, pasture
 * and crops feel.
 */
export const TLU_FACTORS: Record<Species, number> = { CATTLE: 0.7, SHEEP: 0.1, GOATS: 0.1, CAMELS: 1.0 };

/** Most heads of a species one counter can tell apart in one passing herd group: more is a typing error. */
export const MAX_HEADS: Record<Species, number> = { CATTLE: 20_000, SHEEP: 50_000, GOATS: 50_000, CAMELS: 5_000 };
export const MAX_HERDERS = 2_000;

export interface Heads {
  cattle: number;
  sheep: number;
  goats: number;
  camels: number;
}

export function tropicalLivestockUnits(heads: Heads): number {
  const tlu =
    heads.cattle * TLU_FACTORS.CATTLE +
    heads.sheep * TLU_FACTORS.SHEEP +
    heads.goats * TLU_FACTORS.GOATS +
    heads.camels * TLU_FACTORS.CAMELS;
  return Math.round(tlu * 10) / 10;
}

/** A herd as the schema shows it: heads by species and their tropical livestock units. */
export function headsOf(row: Heads) {
  return { cattle: row.cattle, sheep: row.sheep, goats: row.goats, camels: row.camels, tlu: tropicalLivestockUnits(row) };
}

export function addHeads(a: Heads, b: Heads): Heads {
  return { cattle: a.cattle + b.cattle, sheep: a.sheep + b.sheep, goats: a.goats + b.goats, camels: a.camels + b.camels };
}

export const NO_HEADS: Heads = { cattle: 0, sheep: 0, goats: 0, camels: 0 };

export const ALERT_KINDS = ['EVENT', 'PREVENTION'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * Why a PREVENTION alert was raised. MASSIVE, EARLY, LATE and UNEXPECTED are the issue's; APPROACHING
 * is ours: a herd over the alert threshold, but under the massive one, heading for a spot within the
 * horizon in its usual season.
 */
export const ALERT_TRIGGERS = ['MASSIVE', 'APPROACHING', 'EARLY', 'LATE', 'UNEXPECTED'] as const;
export type AlertTrigger = (typeof ALERT_TRIGGERS)[number];

export const ALERT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ['RAISED', 'VERIFIED', 'DISSEMINATED', 'RESPONSE_RECORDED', 'CLOSED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_RAISERS = ['SERVICE', 'PARTNER'] as const;
export type AlertRaiser = (typeof ALERT_RAISERS)[number];

export const RECIPIENT_KINDS = ['AUTHORITY', 'MINISTRY', 'HERDER_ASSOCIATION', 'COMMUNITY_LEADERS', 'SECURITY_SERVICES', 'OTHER'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** `'A','B'` for a CHECK constraint. */
export function sqlValues(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(',');
}
