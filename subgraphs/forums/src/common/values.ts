/**
 * The closed vocabularies of the domain. The GraphQL enums in schema.graphql and the CHECK constraints
 * of the migration hold the same values; a unit test keeps the enums in step with these lists.
 */
export const FORUM_SCOPES = ['LOCAL', 'NATIONAL', 'REGIONAL'] as const;
export type ForumScope = (typeof FORUM_SCOPES)[number];

/** The categories the convenor counts participants by, in the order it reports them. */
export const PARTICIPANT_CATEGORIES = [
  'YOUTH',
  'TRADITIONAL_COMMUNITY_LEADERS',
  'INTERNALLY_DISPLACED_PERSONS',
  'VICTIMS_OF_MODERN_SLAVERY',
  'VICTIMS_OF_VIOLENT_EXTREMIST_GROUPS',
  'ETHNIC_SELF_DEFENCE_GROUPS',
  'COMMUNITY_WORKERS',
  'LOCAL_ORGANISATIONS',
  'GOVERNMENT_OFFICIALS',
  'DONORS',
  'REGIONAL_YOUTH_AMBASSADORS_FOR_PEACE',
  'WOMENS_GROUPS',
  'RELIGIOUS_LEADERS',
  'DELEGATIONS',
] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];

export const FORUM_TOPICS = [
  'LAND_AND_NATURAL_RESOURCE_MANAGEMENT',
  'INTERETHNIC_COHESION',
  'GOOD_GOVERNANCE',
  'ROLE_OF_THE_MEDIA',
  'SOCIO_ECONOMIC_OPPORTUNITIES',
  'OTHER',
] as const;
export type ForumTopic = (typeof FORUM_TOPICS)[number];

export const TESTIMONY_AGE_GROUPS = ['CHILD', 'YOUTH', 'ADULT', 'ELDER'] as const;
export type TestimonyAgeGroup = (typeof TESTIMONY_AGE_GROUPS)[number];

export const RECOMMENDATION_THEMES = [
  'GOVERNANCE',
  'POLITICAL_AND_INSTITUTIONAL_REFORMS',
  'EMPLOYMENT',
  'SECURITY',
  'SOCIAL_COHESION',
  'MEDIA',
] as const;
export type RecommendationTheme = (typeof RECOMMENDATION_THEMES)[number];

export const RECOMMENDATION_ADDRESSEES = [
  'HEAD_OF_STATE',
  'GOVERNMENT',
  'LOCAL_AUTHORITIES',
  'TRADITIONAL_AND_RELIGIOUS_AUTHORITIES',
  'DEFENCE_AND_SECURITY_FORCES',
  'REGIONAL_BODIES',
  'CIVIL_SOCIETY',
  'COMMUNITIES',
  'MEDIA',
  'TECHNICAL_AND_FINANCIAL_PARTNERS',
  'PRIVATE_SECTOR',
] as const;
export type RecommendationAddressee = (typeof RECOMMENDATION_ADDRESSEES)[number];

export const RECOMMENDATION_STATUSES = ['PENDING', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const SEARCH_KINDS = ['DECLARATION', 'RECOMMENDATION', 'TESTIMONY'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** SQL list of quoted values for a CHECK constraint: the lists above are code, never input. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
