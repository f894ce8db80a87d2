import { COUNTRY_EXTENTS } from '@peacegraph/kit/input';

/** The six countries of the platform; their bounding boxes are the kit's country extents. */
export interface CountryReference {
  code: string;
  alpha3: string;
  nameEn: string;
  nameFr: string;
  officialLanguages: string[];
  latitude: [number, number];
  longitude: [number, number];
}

const NAMES: Omit<CountryReference, 'latitude' | 'longitude'>[] = [
  { code: 'ML', alpha3: 'MLI', nameEn: 'Mali', nameFr: 'Mali', officialLanguages: ['fra'] },
  { code: 'BF', alpha3: 'BFA', nameEn: 'Burkina Faso', nameFr: 'Burkina Faso', officialLanguages: ['fra'] },
  { code: 'NE', alpha3: 'NER', nameEn: 'Niger', nameFr: 'Niger', officialLanguages: ['fra'] },
  { code: 'SN', alpha3: 'SEN', nameEn: 'Senegal', nameFr: 'Sénégal', officialLanguages: ['fra'] },
  { code: 'GM', alpha3: 'GMB', nameEn: 'The Gambia', nameFr: 'Gambie', officialLanguages: ['eng'] },
  { code: 'GW', alpha3: 'GNB', nameEn: 'Guinea-Bissau', nameFr: 'Guinée-Bissau', officialLanguages: ['por'] },
];

export const COUNTRIES: CountryReference[] = NAMES.map((country) => ({ ...country, ...COUNTRY_EXTENTS[country.code]! }));
