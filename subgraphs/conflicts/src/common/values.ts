/**
 * The closed vocabularies of the domain. The GraphQL enums in schema.graphql and the CHECK constraints
 * of the migrations hold the same values; a unit test keeps the enums in step with these lists.
 */
export const COMMISSION_ROLES = [
  'CHAIR',
  'VICE_CHAIR',
  'SECRETARY',
  'MEDIATOR',
  'WOMENS_REPRESENTATIVE',
  'YOUTH_REPRESENTATIVE',
  'RELIGIOUS_LEADER',
  'TRADITIONAL_LEADER',
  'MEMBER',
] as const;
export type CommissionRole = (typeof COMMISSION_ROLES)[number];

export const CONFLICT_LEVELS = ['FAMILY', 'COMMUNITY', 'INTERCOMMUNITY'] as const;
export type ConflictLevel = (typeof CONFLICT_LEVELS)[number];

export const CONFLICT_TYPES = [
  'LAND',
  'FARMER_HERDER',
  'WATER_AND_NATURAL_RESOURCES',
  'INHERITANCE',
  'MARRIAGE_AND_FAMILY',
  'CHIEFTAINCY',
  'MINING',
  'LIVESTOCK_THEFT',
  'RELIGIOUS',
  'POLITICAL',
  'OTHER',
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

export const CASE_STATUSES = ['REPORTED', 'UNDER_MEDIATION', 'REFERRED', 'UNRESOLVED', 'RESOLVED', 'FOLLOW_UP_HELD', 'RELAPSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** How statistics split cases by current status: a partition, so the parts add up to `reported`. */
export const STATUS_GROUPS = {
  open: ['REPORTED', 'UNDER_MEDIATION', 'RELAPSED'],
  resolved: ['RESOLVED', 'FOLLOW_UP_HELD'],
  referred: ['REFERRED'],
  unresolved: ['UNRESOLVED'],
} as const satisfies Record<string, readonly CaseStatus[]>;

export const PARTY_KINDS = ['INDIVIDUAL', 'FAMILY', 'GROUP', 'INSTITUTION'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_SEXES = ['FEMALE', 'MALE', 'MIXED', 'NOT_APPLICABLE'] as const;
export type PartySex = (typeof PARTY_SEXES)[number];

export const PARTY_AGE_GROUPS = ['CHILD', 'YOUTH', 'ADULT', 'ELDER', 'MIXED', 'NOT_APPLICABLE'] as const;
export type PartyAgeGroup = (typeof PARTY_AGE_GROUPS)[number];

export const MEDIATION_OUTCOMES = ['PROGRESS', 'ADJOURNED', 'AGREEMENT_REACHED', 'NO_AGREEMENT'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

export const REFERRAL_BODIES = ['VILLAGE_CHIEF', 'MAYOR', 'LAND_COMMISSION', 'COURT', 'GENDARMERIE_POLICE', 'OTHER'] as const;
export type ReferralBody = (typeof REFERRAL_BODIES)[number];

export const RESOLUTION_OUTCOMES = ['FULL_AGREEMENT', 'PARTIAL_AGREEMENT', 'NO_AGREEMENT', 'WITHDRAWN'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const RESOLUTION_ROUTES = ['MEDIATION', 'REFERRAL'] as const;
export type ResolutionRoute = (typeof RESOLUTION_ROUTES)[number];

export const FOLLOW_UP_FINDINGS = ['HOLDING', 'RELAPSED'] as const;
export type FollowUpFinding = (typeof FOLLOW_UP_FINDINGS)[number];
