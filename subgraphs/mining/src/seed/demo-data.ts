import type {
  CommitmentStatus,
  EcpfComponent,
  MediaKind,
  Mineral,
  MiningChallenge,
  MiningSiteKind,
  ProvisionTopic,
  StakeholderGroup,
  TrainingKind,
} from '../common/values';

/**
 * Demo records of the West African Civil Society Mining Forum, a demo organisation of the directory,
 * written by us in the style of what such a network reports: the ECOWAS model mining act and its
 * provisions (titles, summaries and article numbers are ours and illustrative, not a citation of the
 * act), consultations and about 300 people trained in the gold-mining communities of Kalana and
 * Nampala (Sikasso region, Mali), a national policy dialogue, a radio and television campaign and a
 * booklet. Nobody is named; outlets are described, not named.
 */
export const WACSMF = '00000000-0000-4000-8000-000000000005';
export const ECOWAS_COMMISSION = '00000000-0000-4000-8000-000000000007';
export const RECONCILIATION_MINISTRY = '00000000-0000-4000-8000-000000000008';

/**
 * The directory's demo communities have fixed ids, 00000000-0000-4000-a000-0000000000NN, NN being the
 * 1-based position in its DEMO_COMMUNITIES (subgraphs/directory/src/seed/demo-data.ts; a test checks
 * that the names below still sit at those positions).
 */
export function demoCommunityId(position: number): string {
  return `00000000-0000-4000-a000-${String(position).padStart(12, '0')}`;
}

export const COMMUNITY_POSITIONS = { Kalana: 1, Nampala: 2 } as const;
export type DemoCommunity = keyof typeof COMMUNITY_POSITIONS;
export const COMMUNITIES: Record<DemoCommunity, string> = {
  Kalana: demoCommunityId(COMMUNITY_POSITIONS.Kalana),
  Nampala: demoCommunityId(COMMUNITY_POSITIONS.Nampala),
};

export interface DemoProvision {
  article: string;
  title: string;
  topic: ProvisionTopic;
  summary: string;
}

export const EMMMDA = {
  title: 'ECOWAS Model Mining and Mineral Development Act',
  shortTitle: 'EMMMDA',
  kind: 'REGIONAL_MODEL_LAW' as const,
  year: 2019,
};

export const EMMMDA_PROVISIONS: DemoProvision[] = [
  {
    article: '3',
    title: 'Minerals belong to the State, held in trust for its people',
    topic: 'LICENSING',
    summary: 'Mineral resources are managed by the State on behalf of present and future citizens.',
  },
  {
    article: '12',
    title: 'Categories of mineral rights',
    topic: 'LICENSING',
    summary: 'Reconnaissance, exploration, small-scale and large-scale mining rights, each with its own conditions.',
  },
  {
    article: '19',
    title: 'Open and competitive award of mineral rights',
    topic: 'INSTITUTIONS_AND_GOVERNANCE',
    summary: 'Rights are awarded through published procedures, with reasons given for every decision.',
  },
  {
    article: '25',
    title: 'Zones reserved for artisanal mining',
    topic: 'ARTISANAL_AND_SMALL_SCALE_MINING',
    summary: 'The State sets aside areas where only artisanal miners may work.',
  },
  {
    article: '27',
    title: 'Support to artisanal miners and their cooperatives',
    topic: 'ARTISANAL_AND_SMALL_SCALE_MINING',
    summary: 'Technical advice, credit and market access for organised artisanal miners.',
  },
  {
    article: '30',
    title: 'Mercury and dangerous chemicals in small mines',
    topic: 'ENVIRONMENT',
    summary: 'Phasing out mercury and controlling cyanide in artisanal and small-scale gold mining.',
  },
  {
    article: '35',
    title: 'Consultation of communities before any mining',
    topic: 'HUMAN_RIGHTS',
    summary: 'Affected communities are informed and consulted, freely and in advance, before rights are granted.',
  },
  {
    article: '36',
    title: 'Community development agreements',
    topic: 'COMMUNITY_DEVELOPMENT_AGREEMENTS',
    summary: 'Each large mine signs an agreement with its host communities on their development priorities.',
  },
  {
    article: '37',
    title: 'Community development fund',
    topic: 'COMMUNITY_DEVELOPMENT_AGREEMENTS',
    summary: 'A share of mine revenue is paid into a fund managed with the host communities.',
  },
  {
    article: '40',
    title: 'Access to land and surface rights',
    topic: 'LAND_ACCESS_AND_COMPENSATION',
    summary: 'Holders of mineral rights negotiate access with land users before entering their land.',
  },
  {
    article: '41',
    title: 'Fair compensation and resettlement',
    topic: 'LAND_ACCESS_AND_COMPENSATION',
    summary: 'People who lose land, crops or homes are compensated and resettled in conditions at least as good.',
  },
  {
    article: '45',
    title: 'Environmental and social impact assessment',
    topic: 'ENVIRONMENT',
    summary: 'No mining without an approved assessment, discussed publicly with the communities concerned.',
  },
  {
    article: '48',
    title: 'Mine closure and rehabilitation',
    topic: 'MINE_CLOSURE',
    summary: 'A closure plan and its financial guarantee are approved before mining begins.',
  },
  {
    article: '52',
    title: 'Health and safety of mine workers',
    topic: 'HEALTH_AND_SAFETY',
    summary: 'Operators prevent accidents and occupational diseases and report incidents.',
  },
  {
    article: '55',
    title: 'No child labour in mining',
    topic: 'HUMAN_RIGHTS',
    summary: 'Children may not work in mines or carry and process ore.',
  },
  {
    article: '58',
    title: 'Women in the mining sector',
    topic: 'GENDER_AND_VULNERABLE_GROUPS',
    summary: 'Equal access for women to mineral rights, jobs, training and the benefits of mining.',
  },
  {
    article: '62',
    title: 'Local employment and procurement',
    topic: 'LOCAL_CONTENT',
    summary: 'Operators hire and buy locally first and train nationals for skilled positions.',
  },
  {
    article: '66',
    title: 'Royalties and their sharing with local authorities',
    topic: 'FISCAL_REGIME',
    summary: 'Part of the royalties goes to the local authorities of the mining areas.',
  },
  {
    article: '70',
    title: 'Publication of contracts and payments',
    topic: 'REVENUE_TRANSPARENCY',
    summary: 'Mining contracts and payments to the State are published.',
  },
  {
    article: '72',
    title: 'Disclosure of beneficial owners',
    topic: 'REVENUE_TRANSPARENCY',
    summary: 'The people who ultimately own or control a rights holder are disclosed.',
  },
  {
    article: '78',
    title: 'Grievance mechanisms for communities',
    topic: 'GRIEVANCE_MECHANISMS',
    summary: 'Operators run accessible complaint procedures and answer complaints within set delays.',
  },
  {
    article: '80',
    title: 'Security at mine sites and human rights',
    topic: 'HUMAN_RIGHTS',
    summary: 'Public and private security at mines respects human rights and answers for abuses.',
  },
  {
    article: '85',
    title: 'Mining regulator and coordination between ministries',
    topic: 'INSTITUTIONS_AND_GOVERNANCE',
    summary: 'An independent regulator oversees the sector with the ministries of environment, labour and finance.',
  },
];

export const MALI_CODE = {
  title: 'Mining Code of Mali',
  shortTitle: 'Code minier (Mali)',
  kind: 'NATIONAL_MINING_CODE' as const,
  country: 'ML',
  year: 2023,
};

export const MALI_CODE_PROVISIONS: DemoProvision[] = [
  {
    article: '12',
    title: 'Artisanal mining corridors',
    topic: 'ARTISANAL_AND_SMALL_SCALE_MINING',
    summary: 'Artisanal mining takes place in corridors the administration opens.',
  },
  {
    article: '57',
    title: 'Local development plans in mining areas',
    topic: 'COMMUNITY_DEVELOPMENT_AGREEMENTS',
    summary: 'Operators contribute to the development plans of the communes where they mine.',
  },
  {
    article: '98',
    title: 'Environmental rehabilitation fund',
    topic: 'MINE_CLOSURE',
    summary: 'Operators pay into a fund for rehabilitating mined land.',
  },
  {
    article: '120',
    title: 'Employment of nationals',
    topic: 'LOCAL_CONTENT',
    summary: 'Priority to nationals in hiring, with training plans for skilled jobs.',
  },
];

export interface DemoSite {
  key: string;
  name: string;
  community: DemoCommunity;
  kind: MiningSiteKind;
  minerals: Mineral[];
}

export const DEMO_SITES: DemoSite[] = [
  { key: 'kalana-panning', name: 'Kalana gold-panning area', community: 'Kalana', kind: 'ARTISANAL', minerals: ['GOLD'] },
  { key: 'kalana-small-mine', name: 'Kalana small-scale gold mine', community: 'Kalana', kind: 'SMALL_SCALE', minerals: ['GOLD'] },
  { key: 'nampala-washing', name: 'Nampala gold-washing site', community: 'Nampala', kind: 'ARTISANAL', minerals: ['GOLD'] },
];

type Groups = { stakeholderGroup: StakeholderGroup; women: number; men: number }[];
type Scores = { stakeholderGroup: StakeholderGroup; assessed: number; meanPreScore: number; meanPostScore: number }[];

export interface DemoConsultation {
  community: DemoCommunity;
  site: string;
  heldDaysAgo: number;
  participants: Groups;
  challenges: MiningChallenge[];
  notes: string;
}

export const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    community: 'Kalana',
    site: 'kalana-small-mine',
    heldDaysAgo: 420,
    participants: [
      { stakeholderGroup: 'COMMUNITY_LEADERS', women: 1, men: 8 },
      { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 4 },
      { stakeholderGroup: 'WOMEN', women: 6, men: 0 },
      { stakeholderGroup: 'YOUTH', women: 2, men: 5 },
    ],
    challenges: ['LAND_DISPOSSESSION', 'COMPENSATION', 'WATER_POLLUTION', 'YOUTH_UNEMPLOYMENT', 'RELATIONS_WITH_OPERATOR'],
    notes:
      'Leaders asked that the trainings reach the gold-panning area as well as the village, and that women be invited through their own association.',
  },
  {
    community: 'Nampala',
    site: 'nampala-washing',
    heldDaysAgo: 415,
    participants: [
      { stakeholderGroup: 'COMMUNITY_LEADERS', women: 0, men: 7 },
      { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 3 },
      { stakeholderGroup: 'WOMEN', women: 5, men: 0 },
      { stakeholderGroup: 'YOUTH', women: 3, men: 4 },
    ],
    challenges: ['ENVIRONMENTAL_DAMAGE', 'REVENUE_SHARING', 'CHILD_LABOUR', 'INSECURITY', 'MIGRANT_INFLUX'],
    notes: 'Newcomers at the washing site outnumber residents in the dry season; the meeting asked for sessions after the harvest.',
  },
];

export interface DemoTraining {
  key: string;
  title: string;
  kind: TrainingKind;
  community: DemoCommunity;
  site?: string;
  venue: string;
  startedDaysAgo: number;
  days: number;
  trainers: string[];
  instrument: 'EMMMDA' | 'MALI_CODE';
  articles: string[];
  ecpfComponents: EcpfComponent[];
  participants: Groups;
  knowledge?: { scaleMin: number; scaleMax: number; byGroup: Scores };
}

export const DEMO_TRAININGS: DemoTraining[] = [
  {
    key: 'kalana-leaders',
    title: 'The ECOWAS mining act for community and religious leaders',
    kind: 'ADVOCACY',
    community: 'Kalana',
    site: 'kalana-small-mine',
    venue: 'Community hall',
    startedDaysAgo: 380,
    days: 2,
    trainers: [WACSMF],
    instrument: 'EMMMDA',
    articles: ['35', '36', '37', '40', '41', '78'],
    ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE', 'EARLY_WARNING', 'HUMAN_RIGHTS_AND_RULE_OF_LAW'],
    participants: [
      { stakeholderGroup: 'CIVIL_SOCIETY', women: 4, men: 4 },
      { stakeholderGroup: 'COMMUNITY_LEADERS', women: 3, men: 14 },
      { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 8 },
      { stakeholderGroup: 'WOMEN', women: 12, men: 0 },
      { stakeholderGroup: 'YOUTH', women: 6, men: 9 },
    ],
    knowledge: {
      scaleMin: 0,
      scaleMax: 20,
      byGroup: [
        { stakeholderGroup: 'CIVIL_SOCIETY', assessed: 8, meanPreScore: 10.5, meanPostScore: 16 },
        { stakeholderGroup: 'COMMUNITY_LEADERS', assessed: 15, meanPreScore: 8.2, meanPostScore: 14.1 },
        { stakeholderGroup: 'RELIGIOUS_LEADERS', assessed: 8, meanPreScore: 7.5, meanPostScore: 13 },
        { stakeholderGroup: 'WOMEN', assessed: 11, meanPreScore: 6.9, meanPostScore: 13.4 },
        { stakeholderGroup: 'YOUTH', assessed: 14, meanPreScore: 8.8, meanPostScore: 15.2 },
      ],
    },
  },
  {
    key: 'kalana-artisanal',
    title: 'Safer artisanal gold mining without mercury',
    kind: 'TECHNICAL',
    community: 'Kalana',
    site: 'kalana-panning',
    venue: 'Gold-panning area',
    startedDaysAgo: 300,
    days: 3,
    trainers: [WACSMF],
    instrument: 'EMMMDA',
    articles: ['25', '27', '30', '52', '55'],
    ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE', 'YOUTH_EMPOWERMENT'],
    participants: [
      { stakeholderGroup: 'YOUTH', women: 4, men: 9 },
      { stakeholderGroup: 'COMMUNITY_MEMBERS', women: 10, men: 22 },
    ],
    knowledge: {
      scaleMin: 0,
      scaleMax: 100,
      byGroup: [
        { stakeholderGroup: 'YOUTH', assessed: 12, meanPreScore: 40, meanPostScore: 71 },
        { stakeholderGroup: 'COMMUNITY_MEMBERS', assessed: 30, meanPreScore: 35, meanPostScore: 62 },
      ],
    },
  },
  {
    key: 'nampala-leaders',
    title: 'The ECOWAS mining act for community and religious leaders',
    kind: 'ADVOCACY',
    community: 'Nampala',
    site: 'nampala-washing',
    venue: "Mayor's meeting room",
    startedDaysAgo: 370,
    days: 2,
    trainers: [WACSMF],
    instrument: 'EMMMDA',
    articles: ['35', '36', '37', '40', '41', '78'],
    ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE', 'EARLY_WARNING', 'HUMAN_RIGHTS_AND_RULE_OF_LAW'],
    participants: [
      { stakeholderGroup: 'CIVIL_SOCIETY', women: 2, men: 3 },
      { stakeholderGroup: 'COMMUNITY_LEADERS', women: 2, men: 15 },
      { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 7 },
      { stakeholderGroup: 'WOMEN', women: 13, men: 0 },
      { stakeholderGroup: 'YOUTH', women: 5, men: 10 },
    ],
    knowledge: {
      scaleMin: 0,
      scaleMax: 20,
      byGroup: [
        { stakeholderGroup: 'CIVIL_SOCIETY', assessed: 5, meanPreScore: 11, meanPostScore: 15.5 },
        { stakeholderGroup: 'COMMUNITY_LEADERS', assessed: 16, meanPreScore: 7.8, meanPostScore: 13.6 },
        { stakeholderGroup: 'RELIGIOUS_LEADERS', assessed: 7, meanPreScore: 7.1, meanPostScore: 12.4 },
        { stakeholderGroup: 'WOMEN', assessed: 12, meanPreScore: 6.2, meanPostScore: 12.9 },
        { stakeholderGroup: 'YOUTH', assessed: 14, meanPreScore: 8.5, meanPostScore: 14.8 },
      ],
    },
  },
  {
    key: 'nampala-environment',
    title: 'Protecting land and water, and closing mines properly',
    kind: 'TECHNICAL',
    community: 'Nampala',
    site: 'nampala-washing',
    venue: 'Primary school',
    startedDaysAgo: 290,
    days: 2,
    trainers: [WACSMF],
    instrument: 'EMMMDA',
    articles: ['30', '45', '48'],
    ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE'],
    participants: [
      { stakeholderGroup: 'WOMEN', women: 8, men: 0 },
      { stakeholderGroup: 'GOVERNMENT_EXPERTS', women: 1, men: 3 },
      { stakeholderGroup: 'COMMUNITY_MEMBERS', women: 9, men: 21 },
    ],
    knowledge: {
      scaleMin: 0,
      scaleMax: 100,
      byGroup: [
        { stakeholderGroup: 'WOMEN', assessed: 8, meanPreScore: 33, meanPostScore: 58 },
        { stakeholderGroup: 'GOVERNMENT_EXPERTS', assessed: 3, meanPreScore: 55, meanPostScore: 78 },
        { stakeholderGroup: 'COMMUNITY_MEMBERS', assessed: 26, meanPreScore: 38, meanPostScore: 60 },
      ],
    },
  },
  {
    key: 'kalana-women-youth',
    title: 'Women and youth in the mining economy: local content and revenue sharing',
    kind: 'ADVOCACY',
    community: 'Kalana',
    venue: "Women's association centre",
    startedDaysAgo: 220,
    days: 2,
    trainers: [WACSMF],
    instrument: 'EMMMDA',
    articles: ['58', '62', '66', '70'],
    ecpfComponents: ['WOMEN_PEACE_AND_SECURITY', 'YOUTH_EMPOWERMENT', 'NATURAL_RESOURCE_GOVERNANCE'],
    participants: [
      { stakeholderGroup: 'WOMEN', women: 24, men: 0 },
      { stakeholderGroup: 'YOUTH', women: 11, men: 13 },
    ],
  },
  {
    key: 'nampala-officials-media',
    title: 'Revenue transparency and grievance mechanisms for officials and the media',
    kind: 'ADVOCACY',
    community: 'Nampala',
    venue: 'Town hall',
    startedDaysAgo: 200,
    days: 2,
    trainers: [WACSMF, ECOWAS_COMMISSION],
    instrument: 'EMMMDA',
    articles: ['66', '70', '72', '78', '85'],
    ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE', 'MEDIA', 'DEMOCRACY_AND_POLITICAL_GOVERNANCE'],
    participants: [
      { stakeholderGroup: 'CIVIL_SOCIETY', women: 5, men: 8 },
      { stakeholderGroup: 'GOVERNMENT_EXPERTS', women: 6, men: 18 },
      { stakeholderGroup: 'MEDIA', women: 4, men: 7 },
    ],
    knowledge: {
      scaleMin: 0,
      scaleMax: 20,
      byGroup: [
        { stakeholderGroup: 'CIVIL_SOCIETY', assessed: 13, meanPreScore: 9.4, meanPostScore: 15.1 },
        { stakeholderGroup: 'GOVERNMENT_EXPERTS', assessed: 22, meanPreScore: 10.2, meanPostScore: 15.7 },
        { stakeholderGroup: 'MEDIA', assessed: 10, meanPreScore: 8.6, meanPostScore: 14.9 },
      ],
    },
  },
];

export interface DemoCommitment {
  description: string;
  madeBy: string;
  dueInDays?: number;
  steps: { status: CommitmentStatus; daysAgo: number; note?: string }[];
}

export const DEMO_DIALOGUE = {
  title: 'High-level dialogue on bringing the ECOWAS mining act into national law',
  level: 'NATIONAL' as const,
  heldDaysAgo: 150,
  venue: 'International conference centre, Bamako',
  adminArea: 'ML0901',
  convenedWith: [ECOWAS_COMMISSION, RECONCILIATION_MINISTRY],
  articles: ['35', '36', '66', '70', '78'],
  participants: [
    { stakeholderGroup: 'CIVIL_SOCIETY', women: 6, men: 9 },
    { stakeholderGroup: 'COMMUNITY_LEADERS', women: 1, men: 6 },
    { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 3 },
    { stakeholderGroup: 'WOMEN', women: 5, men: 0 },
    { stakeholderGroup: 'YOUTH', women: 2, men: 3 },
    { stakeholderGroup: 'GOVERNMENT_EXPERTS', women: 7, men: 19 },
    { stakeholderGroup: 'MEDIA', women: 3, men: 4 },
  ] as Groups,
  commitments: [
    {
      description: 'Set up a national committee to compare the mining code with the ECOWAS act',
      madeBy: 'Ministry of Mines',
      dueInDays: 90,
      steps: [
        { status: 'IN_PROGRESS', daysAgo: 120, note: 'Committee members appointed' },
        { status: 'FULFILLED', daysAgo: 40, note: 'Comparison report handed to the minister' },
      ],
    },
    {
      description: 'Publish the community development agreements of the gold mines of Sikasso region',
      madeBy: 'Ministry of Mines',
      dueInDays: 180,
      steps: [
        { status: 'IN_PROGRESS', daysAgo: 100 },
        { status: 'STALLED', daysAgo: 30, note: 'Waiting for the operators to agree' },
      ],
    },
    {
      description: 'Add tensions around mining sites to the early-warning indicators',
      madeBy: 'ECOWAS Commission',
      steps: [{ status: 'IN_PROGRESS', daysAgo: 90 }],
    },
    {
      description: 'Hold a yearly public hearing on the sharing of mining revenue in Sikasso region',
      madeBy: 'Regional council of Sikasso',
      dueInDays: 365,
      steps: [],
    },
  ] as DemoCommitment[],
};

export interface DemoMedia {
  key: string;
  kind: MediaKind;
  outlet: string;
  title: string;
  language: string;
  releasedDaysAgo: number;
  airings: number;
  regions: string[];
  audience: number | null;
  articles: string[];
}

export const CAMPAIGN = 'Know your mining code — Sikasso';

export const DEMO_MEDIA: DemoMedia[] = [
  {
    key: 'radio-owners',
    kind: 'RADIO',
    outlet: 'Community radio, Yanfolila',
    title: 'Who owns the gold? The mining code explained',
    language: 'bam',
    releasedDaysAgo: 260,
    airings: 12,
    regions: ['ML03'],
    audience: 45_000,
    articles: ['3', '25', '36'],
  },
  {
    key: 'radio-women',
    kind: 'RADIO',
    outlet: 'Community radio, Sikasso',
    title: 'Women and youth in the mining economy',
    language: 'bam',
    releasedDaysAgo: 210,
    airings: 8,
    regions: ['ML03'],
    audience: 60_000,
    articles: ['58', '62'],
  },
  {
    key: 'tv-debate',
    kind: 'TELEVISION',
    outlet: 'National public television',
    title: 'Mining, communities and peace: a debate',
    language: 'fra',
    releasedDaysAgo: 140,
    airings: 2,
    regions: ['ML02', 'ML03', 'ML04', 'ML09'],
    audience: 800_000,
    articles: ['35', '36', '70'],
  },
  {
    key: 'online-questions',
    kind: 'ONLINE',
    outlet: "The forum's social media pages",
    title: 'Ten questions on the ECOWAS mining act',
    language: 'fra',
    releasedDaysAgo: 135,
    airings: 1,
    regions: ['ML03', 'ML09'],
    audience: null,
    articles: ['35', '36', '41', '66', '78'],
  },
];

export interface DemoPublication {
  key: string;
  title: string;
  language: string;
  publishedDaysAgo: number;
  printed: number;
  distributed: number;
  articles: string[];
}

export const DEMO_PUBLICATIONS: DemoPublication[] = [
  {
    key: 'booklet-fra',
    title: 'The ECOWAS mining act in questions and answers',
    language: 'fra',
    publishedDaysAgo: 330,
    printed: 3000,
    distributed: 2450,
    articles: ['3', '25', '35', '36', '37', '41', '55', '58', '66', '70', '78'],
  },
  {
    key: 'booklet-bam',
    title: 'The ECOWAS mining act in questions and answers',
    language: 'bam',
    publishedDaysAgo: 310,
    printed: 2000,
    distributed: 1800,
    articles: ['3', '25', '35', '36', '37', '41', '55', '58', '66', '70', '78'],
  },
];
