import type { CommissionRole, ConflictType } from '../common/values';

/**
 * Demo Peace Commissions, written by us in the style of what commissions report: the Liptako-Gourma
 * border area (transhumance, land, water, livestock) and two gold-mining communities of Sikasso region.
 * No person is named anywhere; narratives are short and generic.
 */
export const DEMO_OWNER_ORGANISATION_ID = '00000000-0000-4000-8000-000000000003'; // Sahel Peace Commissions Network

/**
 * The directory's demo communities have fixed ids, 00000000-0000-4000-a000-0000000000NN, NN being the
 * 1-based position in its DEMO_COMMUNITIES (subgraphs/directory/src/seed/demo-data.ts; a test checks
 * that the names below still sit at those positions).
 */
export function demoCommunityId(position: number): string {
  return `00000000-0000-4000-a000-${String(position).padStart(12, '0')}`;
}

export type Zone = 'MINING' | 'LIPTAKO';

export interface DemoCommission {
  /** 1-based position in the directory's DEMO_COMMUNITIES. */
  position: number;
  name: string;
  zone: Zone;
  establishedOn: string;
  cases: number;
  /** Positions of the communities its intercommunity cases involve. */
  neighbours: number[];
  membership: { role: CommissionRole; women: number; men: number }[];
}

const membership = (mediatorsWomen: number, mediatorsMen: number, members: [number, number]) => [
  { role: 'CHAIR' as const, women: 0, men: 1 },
  { role: 'VICE_CHAIR' as const, women: 1, men: 0 },
  { role: 'SECRETARY' as const, women: 0, men: 1 },
  { role: 'MEDIATOR' as const, women: mediatorsWomen, men: mediatorsMen },
  { role: 'WOMENS_REPRESENTATIVE' as const, women: 1, men: 0 },
  { role: 'YOUTH_REPRESENTATIVE' as const, women: 1, men: 1 },
  { role: 'RELIGIOUS_LEADER' as const, women: 0, men: 2 },
  { role: 'TRADITIONAL_LEADER' as const, women: 0, men: 1 },
  { role: 'MEMBER' as const, women: members[0], men: members[1] },
];

export const DEMO_COMMISSIONS: DemoCommission[] = [
  {
    position: 1,
    name: 'Kalana',
    zone: 'MINING',
    establishedOn: '2020-03-12',
    cases: 40,
    neighbours: [2],
    membership: membership(2, 4, [2, 3]),
  },
  {
    position: 2,
    name: 'Nampala',
    zone: 'MINING',
    establishedOn: '2021-01-20',
    cases: 30,
    neighbours: [1],
    membership: membership(2, 3, [1, 3]),
  },
  {
    position: 7,
    name: 'Douentza',
    zone: 'LIPTAKO',
    establishedOn: '2019-06-05',
    cases: 40,
    neighbours: [9],
    membership: membership(3, 4, [2, 4]),
  },
  {
    position: 8,
    name: 'Ansongo',
    zone: 'LIPTAKO',
    establishedOn: '2020-11-18',
    cases: 35,
    neighbours: [13],
    membership: membership(2, 4, [2, 2]),
  },
  {
    position: 9,
    name: 'Djibo',
    zone: 'LIPTAKO',
    establishedOn: '2019-09-30',
    cases: 40,
    neighbours: [10, 7],
    membership: membership(3, 5, [2, 3]),
  },
  {
    position: 10,
    name: 'Dori',
    zone: 'LIPTAKO',
    establishedOn: '2019-04-22',
    cases: 40,
    neighbours: [11, 9],
    membership: membership(3, 4, [3, 3]),
  },
  {
    position: 11,
    name: 'Gorom-Gorom',
    zone: 'LIPTAKO',
    establishedOn: '2020-02-14',
    cases: 35,
    neighbours: [10, 12],
    membership: membership(2, 4, [1, 3]),
  },
  {
    position: 12,
    name: 'Téra',
    zone: 'LIPTAKO',
    establishedOn: '2021-05-03',
    cases: 35,
    neighbours: [13, 11],
    membership: membership(2, 3, [2, 2]),
  },
  {
    position: 13,
    name: 'Ayorou',
    zone: 'LIPTAKO',
    establishedOn: '2021-08-25',
    cases: 30,
    neighbours: [12, 8],
    membership: membership(2, 3, [1, 2]),
  },
];

/** Relative frequency of conflict types by zone: mining disputes where gold is dug, transhumance elsewhere. */
export const TYPE_WEIGHTS: Record<Zone, Partial<Record<ConflictType, number>>> = {
  MINING: {
    MINING: 35,
    LAND: 20,
    WATER_AND_NATURAL_RESOURCES: 10,
    INHERITANCE: 8,
    MARRIAGE_AND_FAMILY: 7,
    FARMER_HERDER: 5,
    CHIEFTAINCY: 5,
    LIVESTOCK_THEFT: 3,
    POLITICAL: 3,
    RELIGIOUS: 2,
    OTHER: 2,
  },
  LIPTAKO: {
    FARMER_HERDER: 30,
    LAND: 18,
    WATER_AND_NATURAL_RESOURCES: 12,
    LIVESTOCK_THEFT: 12,
    INHERITANCE: 7,
    MARRIAGE_AND_FAMILY: 6,
    CHIEFTAINCY: 5,
    RELIGIOUS: 3,
    POLITICAL: 3,
    MINING: 2,
    OTHER: 2,
  },
};

/** Short, generic accounts of what was brought to the commission, by type. */
export const NARRATIVES: Record<ConflictType, string[]> = {
  LAND: [
    'Two families dispute the boundary of a field cleared after the rains; each says the elders allotted it to them.',
    'A plot lent for a season was not returned; the lender’s heirs ask for it back.',
    'Newcomers cleared bush that the village keeps as a reserve; the village asks them to stop.',
  ],
  FARMER_HERDER: [
    'A herd crossed a millet field before the harvest; the farmer asks for damages and the herders contest the amount.',
    'Farmers and herders disagree on where the livestock corridor to the water point runs since new fields were opened.',
    'Animals left the corridor at night and damaged a vegetable garden; the owners of the herd are not known to the gardeners.',
  ],
  WATER_AND_NATURAL_RESOURCES: [
    'Households and herders disagree on turns at the borehole during the dry season.',
    'Market gardeners pump water from the pond that herders need for their animals.',
    'Cutting of trees in the shared woodland for charcoal is contested by the neighbouring hamlet.',
  ],
  INHERITANCE: [
    'Brothers and their sister disagree on how their late father’s fields and cattle are to be shared.',
    'A widow and her late husband’s family disagree about the house and the fields.',
  ],
  MARRIAGE_AND_FAMILY: [
    'The separation of a couple and the return of the bride wealth are disputed between the two families.',
    'Spouses disagree over the care of their children after a separation.',
  ],
  CHIEFTAINCY: [
    'Two lineages contest the succession to the village chief’s seat.',
    'It is disputed who may allocate land on behalf of the village.',
  ],
  MINING: [
    'Artisanal miners and landowners disagree on how the gold from a new pit is to be shared.',
    'Residents say waste water from a mining site reaches their fields; the site’s operators deny it.',
    'Young miners from outside the village opened pits on farmland without the landowners’ consent.',
  ],
  LIVESTOCK_THEFT: [
    'Cattle missing from a herd were found at a neighbouring market; the owner and the seller dispute the sale.',
    'Two neighbourhoods accuse each other of goat theft after a series of losses.',
  ],
  RELIGIOUS: [
    'Two congregations disagree on the use of the new prayer ground.',
    'The schedule and loudspeakers of religious gatherings cause tension between neighbours.',
  ],
  POLITICAL: [
    'Supporters of rival candidates clashed verbally after the local elections.',
    'The choice of the village’s representatives to the communal council is disputed.',
  ],
  OTHER: [
    'Traders from outside the village and local sellers dispute places at the weekly market.',
    'Households disagree on contributions to repair the community grain store.',
  ],
};
