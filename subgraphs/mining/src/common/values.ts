/**
 * The closed vocabularies of the domain. The GraphQL enums in schema.graphql and the CHECK constraints
 * of the migration hold the same values; a unit test keeps the enums in step with these lists.
 */
export const LEGAL_INSTRUMENT_KINDS = ['REGIONAL_MODEL_LAW', 'REGIONAL_DIRECTIVE', 'NATIONAL_MINING_CODE', 'NATIONAL_REGULATION'] as const;
export type LegalInstrumentKind = (typeof LEGAL_INSTRUMENT_KINDS)[number];
/** National instruments name their country; regional ones name none. */
export const NATIONAL_KINDS: readonly LegalInstrumentKind[] = ['NATIONAL_MINING_CODE', 'NATIONAL_REGULATION'];

export const PROVISION_TOPICS = [
  'LICENSING',
  'COMMUNITY_DEVELOPMENT_AGREEMENTS',
  'LAND_ACCESS_AND_COMPENSATION',
  'ARTISANAL_AND_SMALL_SCALE_MINING',
  'ENVIRONMENT',
  'MINE_CLOSURE',
  'HEALTH_AND_SAFETY',
  'REVENUE_TRANSPARENCY',
  'FISCAL_REGIME',
  'LOCAL_CONTENT',
  'GRIEVANCE_MECHANISMS',
  'HUMAN_RIGHTS',
  'GENDER_AND_VULNERABLE_GROUPS',
  'INSTITUTIONS_AND_GOVERNANCE',
] as const;
export type ProvisionTopic = (typeof PROVISION_TOPICS)[number];

/** The ECOWAS Conflict Prevention Framework's components, in the framework's order, with their names. */
export const ECPF_COMPONENTS = [
  ['EARLY_WARNING', 'Early warning'],
  ['PREVENTIVE_DIPLOMACY', 'Preventive diplomacy'],
  ['DEMOCRACY_AND_POLITICAL_GOVERNANCE', 'Democracy and political governance'],
  ['HUMAN_RIGHTS_AND_RULE_OF_LAW', 'Human rights and the rule of law'],
  ['MEDIA', 'Media'],
  ['NATURAL_RESOURCE_GOVERNANCE', 'Natural resource governance'],
  ['CROSS_BORDER_INITIATIVES', 'Cross-border initiatives'],
  ['SECURITY_GOVERNANCE', 'Security governance'],
  ['PRACTICAL_DISARMAMENT', 'Practical disarmament'],
  ['WOMEN_PEACE_AND_SECURITY', 'Women, peace and security'],
  ['YOUTH_EMPOWERMENT', 'Youth empowerment'],
  ['ECOWAS_STANDBY_FORCE', 'ECOWAS Standby Force'],
  ['HUMANITARIAN_ASSISTANCE', 'Humanitarian assistance'],
  ['PEACE_EDUCATION', 'Peace education (the culture of peace)'],
] as const;
export type EcpfComponent = (typeof ECPF_COMPONENTS)[number][0];
export const ECPF_COMPONENT_CODES = ECPF_COMPONENTS.map(([code]) => code);

export const MINING_SITE_KINDS = ['ARTISANAL', 'SMALL_SCALE', 'INDUSTRIAL'] as const;
export type MiningSiteKind = (typeof MINING_SITE_KINDS)[number];

export const MINERALS = [
  'GOLD',
  'BAUXITE',
  'IRON_ORE',
  'MANGANESE',
  'PHOSPHATE',
  'URANIUM',
  'LITHIUM',
  'DIAMONDS',
  'ZIRCON',
  'LIMESTONE',
  'SALT',
  'SAND_AND_GRAVEL',
] as const;
export type Mineral = (typeof MINERALS)[number];

export const MINING_CHALLENGES = [
  'LAND_DISPOSSESSION',
  'COMPENSATION',
  'ENVIRONMENTAL_DAMAGE',
  'WATER_POLLUTION',
  'REVENUE_SHARING',
  'YOUTH_UNEMPLOYMENT',
  'CHILD_LABOUR',
  'RELATIONS_WITH_OPERATOR',
  'HEALTH_AND_SAFETY',
  'GENDER_BASED_VIOLENCE',
  'INSECURITY',
  'MIGRANT_INFLUX',
] as const;
export type MiningChallenge = (typeof MINING_CHALLENGES)[number];

export const TRAINING_KINDS = ['TECHNICAL', 'ADVOCACY'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** Each participant is counted once, in one group: the groups partition the participants. */
export const STAKEHOLDER_GROUPS = [
  'CIVIL_SOCIETY',
  'COMMUNITY_LEADERS',
  'RELIGIOUS_LEADERS',
  'WOMEN',
  'YOUTH',
  'GOVERNMENT_EXPERTS',
  'MEDIA',
  'COMMUNITY_MEMBERS',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const DIALOGUE_LEVELS = ['LOCAL', 'NATIONAL', 'REGIONAL'] as const;
export type DialogueLevel = (typeof DIALOGUE_LEVELS)[number];

export const COMMITMENT_STATUSES = ['MADE', 'IN_PROGRESS', 'STALLED', 'FULFILLED', 'ABANDONED'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const MEDIA_KINDS = ['RADIO', 'TELEVISION', 'PRINT', 'ONLINE'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const PUBLICATION_KINDS = ['BOOKLET', 'GUIDE', 'POLICY_BRIEF', 'REPORT', 'LEAFLET', 'POSTER'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** `'A','B'` for a CHECK constraint. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(',');
}
