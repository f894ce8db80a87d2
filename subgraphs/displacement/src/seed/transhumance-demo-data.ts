import type { CorridorFormality, FlowDirection, SpotKind } from '../common/transhumance-values';

/**
 * The agency's demo transhumance work in the Liptako-Gourma, written by us: three corridors through
 * the directory's demo towns (coordinates as the directory has them), spots and counting points along
 * them. Paths are [longitude, latitude]; FORWARD is the order drawn.
 */
export interface DemoCorridor {
  key: string;
  name: string;
  formality: CorridorFormality;
  legalBasis: string | null;
  path: [number, number][];
  adminAreas: string[];
  season: { direction: FlowDirection; opens: string; closes: string; label: string }[];
  notes: string;
}

export const DEMO_CORRIDORS: DemoCorridor[] = [
  {
    key: 'douentza-tera',
    name: 'Douentza–Djibo–Dori–Téra corridor',
    formality: 'FORMAL',
    legalBasis: 'ECOWAS 1998 decision on transhumance between member states; demarcated with the Sahel regional pastoral services',
    // Douentza, Djibo, Dori, Téra, then south towards the pastures of the Tillabéri plains.
    path: [
      [-2.95, 15.0],
      [-2.3, 14.6],
      [-1.63, 14.1],
      [-0.8, 14.05],
      [-0.03, 14.03],
      [0.75, 14.01],
      [1.0, 13.6],
    ],
    adminAreas: ['ML0504', 'BF5603', 'BF5602', 'NE006011'],
    season: [
      { direction: 'FORWARD', opens: '10-15', closes: '12-31', label: 'descent towards the southern pastures' },
      { direction: 'BACKWARD', opens: '05-01', closes: '07-31', label: 'return to the northern rangelands' },
    ],
    notes: 'Beaconed in 2019 between Djibo and Téra; the Malian section follows the old cattle track past Douentza.',
  },
  {
    key: 'gorom-ayorou',
    name: 'Gorom-Gorom–Ayorou track',
    formality: 'INFORMAL',
    legalBasis: null,
    path: [
      [-0.23, 14.44],
      [0.35, 14.6],
      [0.92, 14.73],
    ],
    adminAreas: ['BF5601', 'NE006002'],
    season: [
      { direction: 'FORWARD', opens: '11-01', closes: '02-28', label: 'towards the river pastures' },
      { direction: 'BACKWARD', opens: '06-01', closes: '08-15', label: 'back to the Oudalan dunes' },
    ],
    notes: 'Used by Tuareg and Fulbe herders by custom; not demarcated, crosses the border at no official post.',
  },
  {
    key: 'ansongo-ayorou',
    name: 'Ansongo–Ayorou river corridor',
    formality: 'FORMAL',
    legalBasis: 'Mali pastoral charter (2001) and the Niger rural code; cross-border agreement of the Ansongo and Ayorou communes',
    path: [
      [0.5, 15.66],
      [0.7, 15.2],
      [0.92, 14.73],
    ],
    adminAreas: ['ML0701', 'NE006002'],
    season: [
      { direction: 'FORWARD', opens: '11-15', closes: '01-31', label: 'downriver' },
      { direction: 'BACKWARD', opens: '05-15', closes: '07-15', label: 'upriver before the rains' },
    ],
    notes: 'Follows the left bank of the Niger; herds water at the river and must keep off the rice perimeters.',
  },
];

export interface DemoSpot {
  key: string;
  name: string;
  kind: SpotKind;
  latitude: number;
  longitude: number;
  adminArea: string;
  corridor: string | null;
  notes: string | null;
}

export const DEMO_SPOTS: DemoSpot[] = [
  {
    key: 'douentza-pond',
    name: 'Douentza pond',
    kind: 'WATER_POINT',
    latitude: 14.95,
    longitude: -2.9,
    adminArea: 'ML0504',
    corridor: 'douentza-tera',
    notes: 'Dries up by March.',
  },
  {
    key: 'djibo-borehole',
    name: 'Djibo pastoral borehole',
    kind: 'WATER_POINT',
    latitude: 14.12,
    longitude: -1.6,
    adminArea: 'BF5603',
    corridor: 'douentza-tera',
    notes: null,
  },
  {
    key: 'gorgadji-fields',
    name: 'Gorgadji sorghum fields',
    kind: 'CROPLAND',
    latitude: 14.07,
    longitude: -0.55,
    adminArea: 'BF5602',
    corridor: 'douentza-tera',
    notes: 'Harvest usually ends in early December.',
  },
  {
    key: 'dori-market',
    name: 'Dori livestock market',
    kind: 'MARKET',
    latitude: 14.04,
    longitude: -0.02,
    adminArea: 'BF5602',
    corridor: 'douentza-tera',
    notes: 'Thursday market; herds gather the day before.',
  },
  {
    key: 'tera-crossing',
    name: 'Téra border crossing',
    kind: 'BORDER_CROSSING',
    latitude: 14.02,
    longitude: 0.3,
    adminArea: 'NE006011',
    corridor: 'douentza-tera',
    notes: null,
  },
  {
    key: 'tera-gardens',
    name: 'Téra dry-season gardens',
    kind: 'CROPLAND',
    latitude: 13.95,
    longitude: 0.78,
    adminArea: 'NE006011',
    corridor: 'douentza-tera',
    notes: 'Onion and cabbage gardens watered from the pond.',
  },
  {
    key: 'oursi-pond',
    name: 'Oursi pond',
    kind: 'WATER_POINT',
    latitude: 14.67,
    longitude: -0.46,
    adminArea: 'BF5601',
    corridor: null,
    notes: 'A wetland of international importance; herds water at its edge.',
  },
  {
    key: 'ayorou-market',
    name: 'Ayorou Sunday market',
    kind: 'MARKET',
    latitude: 14.72,
    longitude: 0.9,
    adminArea: 'NE006002',
    corridor: 'gorom-ayorou',
    notes: null,
  },
  {
    key: 'ansongo-reserve',
    name: 'Ansongo-Ménaka reserve',
    kind: 'PROTECTED_AREA',
    latitude: 15.4,
    longitude: 0.65,
    adminArea: 'ML0701',
    corridor: 'ansongo-ayorou',
    notes: 'Grazing is forbidden inside the reserve.',
  },
  {
    key: 'ansongo-rice',
    name: 'Ansongo rice perimeter',
    kind: 'CROPLAND',
    latitude: 15.55,
    longitude: 0.57,
    adminArea: 'ML0701',
    corridor: 'ansongo-ayorou',
    notes: null,
  },
];

export interface DemoCountingPoint {
  key: string;
  name: string;
  latitude: number;
  longitude: number;
  adminArea: string;
  corridor: string;
}

export const DEMO_COUNTING_POINTS: DemoCountingPoint[] = [
  { key: 'djibo', name: 'Djibo', latitude: 14.1, longitude: -1.63, adminArea: 'BF5603', corridor: 'douentza-tera' },
  { key: 'gorgadji', name: 'Gorgadji', latitude: 14.05, longitude: -0.7, adminArea: 'BF5602', corridor: 'douentza-tera' },
  { key: 'tera', name: 'Téra', latitude: 14.01, longitude: 0.7, adminArea: 'NE006011', corridor: 'douentza-tera' },
  { key: 'gorom', name: 'Gorom-Gorom', latitude: 14.45, longitude: -0.22, adminArea: 'BF5601', corridor: 'gorom-ayorou' },
  { key: 'ansongo', name: 'Ansongo', latitude: 15.6, longitude: 0.52, adminArea: 'ML0701', corridor: 'ansongo-ayorou' },
];

/** The herd whose approach the early action must see: counted at Gorgadji, heading for Dori. */
export const APPROACHING_HERD = { countingPoint: 'gorgadji', hoursAgo: 20, cattle: 420, sheep: 650, goats: 120, camels: 0, herders: 14 };

/** A herd moving on the river corridor in the direction that is out of season today. */
export const OFF_SEASON_HERD = { countingPoint: 'ansongo', hoursAgo: 30, cattle: 150, sheep: 80, goats: 40, camels: 6, herders: 7 };
