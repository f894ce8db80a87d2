import type { Audience, Headcount } from '../common/headcount';
import type { CoachingMode } from '../staff-training/staff-training.entity';
import type { MobilisationActivity } from '../social-mobilisation/social-mobilisation.entity';
import type { PlannedActionStatus } from '../action-plan/action-plan.entity';

/**
 * Demo records of Jokko Community Education, a demo organisation of the directory, written by us in
 * the style of what community-education partners report. Dates are counted back from the day the
 * demo is loaded, so that every record is in the past whenever it is loaded.
 */
export const JOKKO = '00000000-0000-4000-8000-000000000002';

/** The directory's demo community at position `n` (from 1) of its DEMO_COMMUNITIES. */
function demoCommunity(n: number): string {
  return `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
}

export const COMMUNITIES = {
  kalana: demoCommunity(1),
  bougouni: demoCommunity(4),
  segou: demoCommunity(5),
  douentza: demoCommunity(7),
  djibo: demoCommunity(9),
  tera: demoCommunity(12),
  kedougou: demoCommunity(14),
  oussouye: demoCommunity(15),
  velingara: demoCommunity(16),
  basse: demoCommunity(17),
  brikama: demoCommunity(18),
  gabu: demoCommunity(19),
  bafata: demoCommunity(20),
};

export type DemoCommunity = keyof typeof COMMUNITIES;

/** Contact details are invented and in the number ranges no operator assigns. */
export const DEMO_FACILITATORS: {
  key: string;
  fullName: string;
  languages: string[];
  home: DemoCommunity;
  phone: string;
  email: string;
}[] = [
  {
    key: 'aminata',
    fullName: 'Aminata Diallo',
    languages: ['fuc', 'mnk'],
    home: 'kedougou',
    phone: '+221 70 000 01 14',
    email: 'aminata.diallo@jokko.example',
  },
  {
    key: 'fatou',
    fullName: 'Fatou Badji',
    languages: ['dyo', 'wol'],
    home: 'oussouye',
    phone: '+221 70 000 01 15',
    email: 'fatou.badji@jokko.example',
  },
  {
    key: 'mamadou',
    fullName: 'Mamadou Baldé',
    languages: ['fuc', 'mnk'],
    home: 'velingara',
    phone: '+221 70 000 01 16',
    email: 'mamadou.balde@jokko.example',
  },
  {
    key: 'isatou',
    fullName: 'Isatou Ceesay',
    languages: ['mnk', 'fuc'],
    home: 'basse',
    phone: '+220 300 0017',
    email: 'isatou.ceesay@jokko.example',
  },
  {
    key: 'lamin',
    fullName: 'Lamin Jatta',
    languages: ['mnk', 'wol', 'dyo'],
    home: 'brikama',
    phone: '+220 300 0018',
    email: 'lamin.jatta@jokko.example',
  },
  {
    key: 'sadjo',
    fullName: 'Sadjo Embaló',
    languages: ['fuc', 'mnk'],
    home: 'gabu',
    phone: '+245 95 000 0019',
    email: 'sadjo.embalo@jokko.example',
  },
  {
    key: 'awa',
    fullName: 'Awa Coulibaly',
    languages: ['bam'],
    home: 'kalana',
    phone: '+223 70 00 00 01',
    email: 'awa.coulibaly@jokko.example',
  },
  {
    key: 'seydou',
    fullName: 'Seydou Diarra',
    languages: ['bam', 'ffm'],
    home: 'bougouni',
    phone: '+223 70 00 00 04',
    email: 'seydou.diarra@jokko.example',
  },
];

export interface DemoCohort {
  key: string;
  name: string;
  community: DemoCommunity;
  language: string;
  facilitators: string[];
  audiences: Audience[];
  enrolment: Headcount;
  /** Days before the load the cohort started (or is planned to start, when `delivered` is 0 and it is planned). */
  startedDaysAgo: number;
  /** Sessions delivered, weekly from the start, in order; 21 completes the cohort. */
  delivered: number;
  stage: 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'SUSPENDED';
  suspension?: string;
}

const headcount = (fc: number, fy: number, fa: number, mc: number, my: number, ma: number): Headcount => ({
  femaleChildren: fc,
  femaleYouth: fy,
  femaleAdults: fa,
  maleChildren: mc,
  maleYouth: my,
  maleAdults: ma,
});

/** Cohorts at every stage in Senegal, The Gambia, Guinea-Bissau and Mali, each in a language of its community. */
export const DEMO_COHORTS: DemoCohort[] = [
  {
    key: 'kedougou',
    name: 'Kédougou — Pulaar class',
    community: 'kedougou',
    language: 'fuc',
    facilitators: ['aminata'],
    audiences: ['MEN', 'WOMEN', 'ADOLESCENTS_AND_CHILDREN', 'CMC_MEMBERS', 'RELIGIOUS_LEADERS'],
    enrolment: headcount(3, 8, 14, 2, 6, 11),
    startedDaysAgo: 330,
    delivered: 21,
    stage: 'COMPLETED',
  },
  {
    key: 'velingara',
    name: 'Vélingara — Pulaar class',
    community: 'velingara',
    language: 'fuc',
    facilitators: ['mamadou'],
    audiences: ['MEN', 'WOMEN', 'CMC_MEMBERS', 'RELIGIOUS_LEADERS'],
    enrolment: headcount(0, 7, 16, 0, 5, 12),
    startedDaysAgo: 300,
    delivered: 21,
    stage: 'COMPLETED',
  },
  {
    key: 'kalana',
    name: 'Kalana — Bambara class',
    community: 'kalana',
    language: 'bam',
    facilitators: ['awa'],
    audiences: ['MEN', 'WOMEN', 'CMC_MEMBERS'],
    enrolment: headcount(0, 6, 13, 0, 4, 10),
    startedDaysAgo: 280,
    delivered: 21,
    stage: 'COMPLETED',
  },
  {
    key: 'oussouye',
    name: 'Oussouye — Jola-Fonyi class',
    community: 'oussouye',
    language: 'dyo',
    facilitators: ['fatou'],
    audiences: ['MEN', 'WOMEN', 'ADOLESCENTS_AND_CHILDREN', 'RELIGIOUS_LEADERS'],
    enrolment: headcount(4, 9, 12, 3, 7, 9),
    startedDaysAgo: 100,
    delivered: 12,
    stage: 'IN_PROGRESS',
  },
  {
    key: 'bougouni',
    name: 'Bougouni — Bambara class',
    community: 'bougouni',
    language: 'bam',
    facilitators: ['seydou', 'awa'],
    audiences: ['MEN', 'WOMEN', 'CMC_MEMBERS'],
    enrolment: headcount(0, 8, 15, 0, 6, 13),
    startedDaysAgo: 120,
    delivered: 15,
    stage: 'IN_PROGRESS',
  },
  {
    key: 'basse',
    name: 'Basse Santa Su — Mandinka class',
    community: 'basse',
    language: 'mnk',
    facilitators: ['isatou'],
    audiences: ['MEN', 'WOMEN', 'CMC_MEMBERS'],
    enrolment: headcount(0, 6, 11, 0, 5, 9),
    startedDaysAgo: 60,
    delivered: 7,
    stage: 'IN_PROGRESS',
  },
  {
    key: 'gabu',
    name: 'Gabú — Pulaar class',
    community: 'gabu',
    language: 'fuc',
    facilitators: ['sadjo'],
    audiences: ['MEN', 'WOMEN'],
    enrolment: headcount(0, 5, 12, 0, 4, 10),
    startedDaysAgo: 90,
    delivered: 5,
    stage: 'SUSPENDED',
    suspension: 'Paused for the cashew harvest; participants are in the orchards',
  },
  {
    key: 'brikama',
    name: 'Brikama — Wolof class',
    community: 'brikama',
    language: 'wol',
    facilitators: ['lamin'],
    audiences: ['MEN', 'WOMEN', 'ADOLESCENTS_AND_CHILDREN'],
    enrolment: headcount(5, 8, 10, 4, 7, 8),
    startedDaysAgo: -30,
    delivered: 0,
    stage: 'PLANNED',
  },
  {
    key: 'bafata',
    name: 'Bafatá — Mandinka class',
    community: 'bafata',
    language: 'mnk',
    facilitators: ['sadjo'],
    audiences: ['MEN', 'WOMEN', 'CMC_MEMBERS'],
    enrolment: headcount(0, 6, 12, 0, 5, 10),
    startedDaysAgo: -45,
    delivered: 0,
    stage: 'PLANNED',
  },
];

/** Attendance varies around 80 % of enrolment, cell by cell, never above it. */
export function attendanceAt(enrolment: Headcount, session: number): Headcount {
  const rate = [0.95, 0.8, 0.85, 0.7, 0.9, 0.75][session % 6]!;
  return Object.fromEntries(Object.entries(enrolment).map(([cell, n]) => [cell, Math.floor(n * rate)])) as unknown as Headcount;
}

export const DEMO_ACTION_PLAN = {
  cohort: 'kedougou',
  title: 'Kédougou plan for peace and human security',
  adoptedDaysAgo: 190,
  actions: [
    {
      description: 'Hold a monthly open meeting where disputes over gold-panning sites are raised early',
      responsibleGroup: 'Community Management Committee',
      dueDaysAgo: 160,
      status: 'DONE' as PlannedActionStatus,
      doneDaysAgo: 165,
    },
    {
      description: 'Set up a listening group of women who hear and pass on early warnings',
      responsibleGroup: "women's association",
      dueDaysAgo: 130,
      status: 'DONE' as PlannedActionStatus,
      doneDaysAgo: 120,
    },
    {
      description: 'Organise a football tournament with the youth of neighbouring villages',
      responsibleGroup: 'youth association',
      dueDaysAgo: 60,
      status: 'IN_PROGRESS' as PlannedActionStatus,
    },
    {
      description: 'Invite imams and pastors to speak together on market day about living side by side',
      responsibleGroup: 'religious leaders',
      dueDaysAgo: -30,
      status: 'NOT_STARTED' as PlannedActionStatus,
    },
  ],
};

export const DEMO_MOBILISATIONS: {
  cohort: string;
  heldDaysAgo: number;
  activity: MobilisationActivity;
  reached: DemoCommunity[];
  peopleReached: Headcount;
  notes: string;
}[] = [
  {
    cohort: 'velingara',
    heldDaysAgo: 140,
    activity: 'INTER_VILLAGE_MEETING',
    reached: ['velingara', 'gabu'],
    peopleReached: headcount(12, 34, 58, 9, 29, 51),
    notes: 'The class presented its action plan to delegations from across the border and agreed a joint market-day meeting.',
  },
  {
    cohort: 'kedougou',
    heldDaysAgo: 175,
    activity: 'THEATRE',
    reached: ['kedougou'],
    peopleReached: headcount(25, 40, 61, 22, 37, 48),
    notes: 'A play on a quarrel over a water point, followed by a discussion led by participants.',
  },
];

/** Two weeks of conflict resolution and group facilitation for 26 staff working in Mali, Niger and Burkina Faso. */
export const DEMO_STAFF_TRAINING = {
  title: 'Conflict resolution and group facilitation',
  topics: ['Conflict analysis', 'Non-violent communication', 'Mediation', 'Facilitating groups', 'Designing a dialogue process'],
  startedDaysAgo: 420,
  days: 14,
  venue: 'Bamako',
  trainees: [
    { country: 'ML', women: 5, men: 6 },
    { country: 'NE', women: 3, men: 5 },
    { country: 'BF', women: 3, men: 4 },
  ],
  coaching: [
    { heldDaysAgo: 390, mode: 'REMOTE' as CoachingMode, focus: 'Preparing the first community dialogue', participantsCoached: 12 },
    { heldDaysAgo: 350, mode: 'IN_PERSON' as CoachingMode, focus: 'Handling a dialogue that turns heated', participantsCoached: 9 },
    { heldDaysAgo: 300, mode: 'REMOTE' as CoachingMode, focus: 'Writing up agreements and following them up', participantsCoached: 14 },
  ],
  dialogues: [
    {
      topic: 'Sharing water points between herders and farmers',
      community: 'douentza' as DemoCommunity,
      startedDaysAgo: 370,
      endedDaysAgo: 310,
      participants: headcount(0, 4, 9, 0, 6, 14),
      outcome: 'A calendar of access to the two wells agreed by both groups',
    },
    {
      topic: 'Welcoming displaced families back to their fields',
      community: 'djibo' as DemoCommunity,
      startedDaysAgo: 340,
      participants: headcount(0, 5, 11, 0, 7, 12),
      outcome: null,
    },
    {
      topic: 'Safe access to the weekly market',
      community: 'tera' as DemoCommunity,
      startedDaysAgo: 320,
      endedDaysAgo: 280,
      participants: headcount(0, 6, 8, 0, 8, 10),
      outcome: 'Market committee opened to women traders and young transporters',
    },
  ],
};
