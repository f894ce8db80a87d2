import type {
  AwarenessSessionKind,
  DisplacementAgeGroup,
  DisplacementSex,
  ReintegrationAgeGroup,
  ReintegrationAssistanceKind,
  ReintegrationCategory,
} from '../common/displacement-values';
import type { DemoCommunity } from './demo-data';

/**
 * The agency's demo work in the Liptako-Gourma border region, written by us: figures of the order such
 * rounds report, never copied. Dates are days before the load.
 */

/** Mobility-tracking rounds, about every three months. */
export const DEMO_ROUND_DAYS_AGO = [330, 240, 150, 60];

/** IDPs per round in each admin-2 area (plausible magnitudes: Soum and Séno host the most). */
export const DEMO_AREA_ROUNDS: { pcode: string; idps: number[]; returnees: number[]; origins: [string, number][] }[] = [
  { pcode: 'BF5601', idps: [38_400, 41_250, 44_900, 43_120], returnees: [0, 310, 620, 1_140], origins: [['BF5604', 0.35]] },
  {
    pcode: 'BF5602',
    idps: [112_300, 118_760, 124_050, 121_480],
    returnees: [0, 0, 850, 1_920],
    origins: [
      ['BF5603', 0.4],
      ['BF5601', 0.2],
    ],
  },
  { pcode: 'BF5603', idps: [241_800, 256_300, 268_940, 262_115], returnees: [0, 0, 0, 640], origins: [['BF5603', 0.7]] },
  {
    pcode: 'ML0504',
    idps: [21_650, 23_480, 25_210, 24_030],
    returnees: [420, 510, 760, 980],
    origins: [
      ['ML0505', 0.3],
      ['ML0501', 0.25],
    ],
  },
  { pcode: 'ML0701', idps: [14_200, 15_870, 17_330, 18_045], returnees: [300, 290, 410, 530], origins: [['ML0702', 0.2]] },
  {
    pcode: 'NE006011',
    idps: [31_760, 34_980, 37_420, 36_310],
    returnees: [0, 150, 240, 500],
    origins: [
      ['NE006005', 0.3],
      ['BF5601', 0.1],
    ],
  },
  { pcode: 'NE006002', idps: [9_340, 10_120, 11_460, 11_980], returnees: [0, 0, 90, 170], origins: [['NE006004', 0.45]] },
];

/** Shares of IDPs by sex and age group, as such rounds find them (children are over half). */
export const DEMO_SEX_AGE_SHARES: [DisplacementSex, DisplacementAgeGroup, number][] = [
  ['FEMALE', 'AGE_0_5', 0.1],
  ['FEMALE', 'AGE_6_17', 0.16],
  ['FEMALE', 'AGE_18_59', 0.2],
  ['FEMALE', 'AGE_60_PLUS', 0.03],
  ['MALE', 'AGE_0_5', 0.1],
  ['MALE', 'AGE_6_17', 0.15],
  ['MALE', 'AGE_18_59', 0.23],
  ['MALE', 'AGE_60_PLUS', 0.03],
];

/** People per household in the region's displacement sites. */
export const DEMO_HOUSEHOLD_SIZE = 6.4;

export const DEMO_PROGRAMME = {
  code: 'DDRRLG',
  kind: 'DISENGAGEMENT_DISASSOCIATION_REINTEGRATION_RECONCILIATION',
  name: 'Disengagement and community reintegration in the Liptako-Gourma',
  adminAreas: ['BF56', 'ML0504', 'ML0701', 'NE006011', 'NE006002'],
  startedDaysAgo: 540,
} as const;

export const DEMO_STABILISATION = {
  code: 'CVRTERA',
  kind: 'COMMUNITY_VIOLENCE_REDUCTION',
  name: 'Youth and herders against violence around Téra',
  adminAreas: ['NE006011'],
  startedDaysAgo: 300,
} as const;

/** Where the programme's cases live (admin-2 area) and how many, with the demo community there. */
export const DEMO_CASE_AREAS: { pcode: string; cases: number; community: DemoCommunity }[] = [
  { pcode: 'BF5602', cases: 16, community: 'Dori' },
  { pcode: 'BF5603', cases: 12, community: 'Djibo' },
  { pcode: 'ML0504', cases: 12, community: 'Douentza' },
  { pcode: 'NE006011', cases: 8, community: 'Tera' },
];

/** Who the programme follows, in turn: mostly former fighters and associated people, and the community beside them. */
export const DEMO_CASE_PROFILES: [ReintegrationCategory, DisplacementSex, ReintegrationAgeGroup][] = [
  ['FORMER_COMBATANT', 'MALE', 'AGE_18_24'],
  ['FORMER_COMBATANT', 'MALE', 'AGE_25_35'],
  ['ASSOCIATED_PERSON', 'MALE', 'AGE_15_17'],
  ['ASSOCIATED_PERSON', 'FEMALE', 'AGE_18_24'],
  ['COMMUNITY_MEMBER', 'FEMALE', 'AGE_25_35'],
  ['FORMER_COMBATANT', 'MALE', 'AGE_36_59'],
  ['RETURNEE', 'MALE', 'AGE_25_35'],
  ['IDP', 'FEMALE', 'AGE_18_24'],
];

/** Assistance in the order a case usually receives it. */
export const DEMO_ASSISTANCE: ReintegrationAssistanceKind[] = ['PSYCHOSOCIAL', 'HEALTH', 'LIVELIHOOD', 'EDUCATION', 'SOCIO_ECONOMIC'];

export const DEMO_SESSIONS: {
  key: string;
  community: DemoCommunity;
  kind: AwarenessSessionKind;
  daysAgo: number;
  participants: [DisplacementSex, DisplacementAgeGroup, number][];
  topics: string[];
  withEcowas?: boolean;
}[] = [
  {
    key: 'douentza-cohesion',
    community: 'Douentza',
    kind: 'SOCIAL_COHESION',
    daysAgo: 95,
    participants: [
      ['FEMALE', 'AGE_18_59', 21],
      ['MALE', 'AGE_18_59', 26],
      ['MALE', 'AGE_60_PLUS', 7],
    ],
    topics: ['Welcoming displaced families', 'Sharing wells and grazing'],
  },
  {
    key: 'ansongo-transhumance',
    community: 'Ansongo',
    kind: 'PEACEFUL_TRANSHUMANCE',
    daysAgo: 70,
    participants: [
      ['FEMALE', 'AGE_18_59', 9],
      ['MALE', 'AGE_18_59', 34],
      ['MALE', 'AGE_6_17', 11],
    ],
    topics: ['Passage corridors along the river', 'Fields to keep herds out of before harvest'],
    withEcowas: true,
  },
  {
    key: 'djibo-peace',
    community: 'Djibo',
    kind: 'PEACE_EDUCATION',
    daysAgo: 120,
    participants: [
      ['FEMALE', 'AGE_6_17', 38],
      ['MALE', 'AGE_6_17', 41],
    ],
    topics: ['Settling quarrels without weapons'],
  },
  {
    key: 'dori-cohesion',
    community: 'Dori',
    kind: 'SOCIAL_COHESION',
    daysAgo: 45,
    participants: [
      ['FEMALE', 'AGE_18_59', 33],
      ['MALE', 'AGE_18_59', 29],
      ['FEMALE', 'AGE_60_PLUS', 6],
      ['MALE', 'AGE_60_PLUS', 8],
    ],
    topics: ['Returning former fighters and their neighbours', 'Rumours and how to check them'],
  },
  {
    key: 'gorom-transhumance',
    community: 'GoromGorom',
    kind: 'PEACEFUL_TRANSHUMANCE',
    daysAgo: 150,
    participants: [
      ['FEMALE', 'AGE_18_59', 12],
      ['MALE', 'AGE_18_59', 47],
    ],
    topics: ['Dates of the herds’ departure', 'Who to call when a field is damaged'],
    withEcowas: true,
  },
  {
    key: 'tera-transhumance',
    community: 'Tera',
    kind: 'PEACEFUL_TRANSHUMANCE',
    daysAgo: 30,
    participants: [
      ['FEMALE', 'AGE_18_59', 15],
      ['MALE', 'AGE_18_59', 39],
      ['MALE', 'AGE_60_PLUS', 5],
    ],
    topics: ['Crossing the border with the ECOWAS certificate', 'Water points on the corridor'],
    withEcowas: true,
  },
  {
    key: 'tera-cohesion',
    community: 'Tera',
    kind: 'SOCIAL_COHESION',
    daysAgo: 85,
    participants: [
      ['FEMALE', 'AGE_18_59', 24],
      ['MALE', 'AGE_18_59', 18],
      ['FEMALE', 'AGE_6_17', 10],
    ],
    topics: ['Youth, work and the armed groups’ offers'],
  },
  {
    key: 'ayorou-peace',
    community: 'Ayorou',
    kind: 'PEACE_EDUCATION',
    daysAgo: 20,
    participants: [
      ['FEMALE', 'AGE_6_17', 27],
      ['MALE', 'AGE_6_17', 25],
      ['FEMALE', 'AGE_18_59', 4],
      ['MALE', 'AGE_18_59', 3],
    ],
    topics: ['Market day safety', 'Radio messages of peace'],
  },
];
