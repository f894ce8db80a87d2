/**
 * The closed vocabularies of displacement, reintegration and awareness work. The GraphQL enums of
 * schema.graphql and the CHECK constraints of the migration hold the same values; a unit test keeps
 * the enums in step with these lists.
 */
export const DISPLACEMENT_SEXES = ['FEMALE', 'MALE'] as const;
export type DisplacementSex = (typeof DISPLACEMENT_SEXES)[number];

/** DTM's age groups for people counted in displacement sites and host communities. */
export const DISPLACEMENT_AGE_GROUPS = ['AGE_0_5', 'AGE_6_17', 'AGE_18_59', 'AGE_60_PLUS'] as const;
export type DisplacementAgeGroup = (typeof DISPLACEMENT_AGE_GROUPS)[number];

export const DISPLACEMENT_REASONS = ['CONFLICT', 'DISASTER', 'OTHER'] as const;
export type DisplacementReason = (typeof DISPLACEMENT_REASONS)[number];

export const REINTEGRATION_PROGRAMME_KINDS = [
  'DISARMAMENT_DEMOBILISATION_REINTEGRATION',
  'DISENGAGEMENT_DISASSOCIATION_REINTEGRATION_RECONCILIATION',
  'COMMUNITY_VIOLENCE_REDUCTION',
  'COMMUNITY_STABILISATION',
  'PREVENTING_VIOLENT_EXTREMISM',
  'COMMUNITY_POLICING',
  'SECURITY_SECTOR_REFORM',
] as const;
export type ReintegrationProgrammeKind = (typeof REINTEGRATION_PROGRAMME_KINDS)[number];

export const REINTEGRATION_CATEGORIES = ['FORMER_COMBATANT', 'ASSOCIATED_PERSON', 'IDP', 'RETURNEE', 'COMMUNITY_MEMBER'] as const;
export type ReintegrationCategory = (typeof REINTEGRATION_CATEGORIES)[number];

/**
 * Age groups of reintegration cases: finer than DTM's where programmes differ. Children under 18
 * associated with armed groups follow child-protection rules (Paris Principles), youth of 18 to 35 are
 * the target of most violence-reduction work.
 */
export const REINTEGRATION_AGE_GROUPS = ['UNDER_15', 'AGE_15_17', 'AGE_18_24', 'AGE_25_35', 'AGE_36_59', 'AGE_60_PLUS'] as const;
export type ReintegrationAgeGroup = (typeof REINTEGRATION_AGE_GROUPS)[number];
export const MINOR_AGE_GROUPS: readonly ReintegrationAgeGroup[] = ['UNDER_15', 'AGE_15_17'];

export const REINTEGRATION_ASSISTANCE_KINDS = ['PSYCHOSOCIAL', 'HEALTH', 'SHELTER', 'SOCIO_ECONOMIC', 'EDUCATION', 'LIVELIHOOD'] as const;
export type ReintegrationAssistanceKind = (typeof REINTEGRATION_ASSISTANCE_KINDS)[number];

export const REINTEGRATION_STATUSES = ['REGISTERED', 'IN_ASSISTANCE', 'REINTEGRATED', 'DROPPED_OUT'] as const;
export type ReintegrationStatus = (typeof REINTEGRATION_STATUSES)[number];

export const AWARENESS_SESSION_KINDS = ['SOCIAL_COHESION', 'PEACEFUL_TRANSHUMANCE', 'PEACE_EDUCATION'] as const;
export type AwarenessSessionKind = (typeof AWARENESS_SESSION_KINDS)[number];

/** `'A','B'` for a CHECK constraint. */
export function sqlValues(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(',');
}
