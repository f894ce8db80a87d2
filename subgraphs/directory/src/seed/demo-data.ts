import type { Domain, OrganisationKind } from '../organisation/organisation.entity';
import { PLATFORM_ORGANISATION } from '../reference/platform';

/**
 * Demo organisations and communities, written by us in the style of what partners report (places
 * where community education, peace commissions, mining-code training and transhumance work happen).
 * Organisation names are invented; ids are fixed so that dev tokens and docs can name them.
 */
/** The platform operator's organisation is reference data (reference/platform.ts); demo loads act as it. */
export const PLATFORM_ORGANISATION_ID = PLATFORM_ORGANISATION.id;

export const DEMO_ORGANISATIONS: {
  id: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  countryCodes: string[];
  domains: Domain[];
}[] = [
  {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Jokko Community Education',
    acronym: 'JCE',
    kind: 'NGO',
    countryCodes: ['SN', 'GM', 'GW', 'ML'],
    domains: ['CURRICULUM'],
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    name: 'Sahel Peace Commissions Network',
    acronym: 'SPCN',
    kind: 'CSO_NETWORK',
    countryCodes: ['ML', 'BF', 'NE'],
    domains: ['CONFLICTS'],
  },
  {
    id: '00000000-0000-4000-8000-000000000004',
    name: 'Community Resilience Fund',
    acronym: 'CRF',
    kind: 'DONOR',
    countryCodes: ['ML', 'BF', 'NE'],
    domains: ['FORUMS'],
  },
  {
    id: '00000000-0000-4000-8000-000000000005',
    name: 'West African Civil Society Mining Forum',
    acronym: 'WACSMF',
    kind: 'CSO_NETWORK',
    countryCodes: ['ML', 'BF', 'NE', 'SN', 'GM', 'GW'],
    domains: ['MINING'],
  },
  {
    id: '00000000-0000-4000-8000-000000000006',
    name: 'Liptako-Gourma Mobility Agency',
    acronym: 'LGMA',
    kind: 'UN_AGENCY',
    countryCodes: ['ML', 'BF', 'NE'],
    domains: ['DISPLACEMENT'],
  },
  {
    id: '00000000-0000-4000-8000-000000000007',
    name: 'ECOWAS Commission',
    acronym: 'ECOWAS',
    kind: 'INTERGOVERNMENTAL',
    countryCodes: ['ML', 'BF', 'NE', 'SN', 'GM', 'GW'],
    domains: [],
  },
  {
    id: '00000000-0000-4000-8000-000000000008',
    name: 'Ministère de la Réconciliation et de la Cohésion sociale',
    acronym: null,
    kind: 'GOVERNMENT',
    countryCodes: ['ML'],
    domains: [],
  },
];

/**
 * Demo communities have fixed ids so that every domain's demo data can name them (ids are
 * 00000000-0000-4000-a000-0000000000NN, NN = position in this list, from 01).
 */
export const DEMO_COMMUNITIES: {
  name: string;
  alternativeNames?: string[];
  adminArea: string;
  latitude: number;
  longitude: number;
  languages: string[];
}[] = [
  // Gold-mining communities of Sikasso region (mining-code training)
  { name: 'Kalana', adminArea: 'ML0306', latitude: 10.79, longitude: -8.2, languages: ['bam', 'emk'] },
  { name: 'Nampala', adminArea: 'ML0305', latitude: 10.98, longitude: -5.98, languages: ['bam'] },
  { name: 'Finkolo', adminArea: 'ML0305', latitude: 11.27, longitude: -5.52, languages: ['bam'] },
  { name: 'Bougouni', adminArea: 'ML0301', latitude: 11.42, longitude: -7.48, languages: ['bam', 'ffm'] },
  // Ségou and the inner Niger delta
  {
    name: 'Ségou',
    alternativeNames: ['Segou', 'Ségou-Koura'],
    adminArea: 'ML0406',
    latitude: 13.43,
    longitude: -6.26,
    languages: ['bam', 'ffm', 'snk'],
  },
  {
    name: 'Djenné',
    alternativeNames: ['Djenne', 'Jenne'],
    adminArea: 'ML0503',
    latitude: 13.9,
    longitude: -4.55,
    languages: ['ffm', 'bam'],
  },
  // Liptako-Gourma border area (transhumance, displacement)
  { name: 'Douentza', adminArea: 'ML0504', latitude: 15.0, longitude: -2.95, languages: ['ffm', 'taq'] },
  { name: 'Ansongo', adminArea: 'ML0701', latitude: 15.66, longitude: 0.5, languages: ['ses', 'taq'] },
  { name: 'Djibo', adminArea: 'BF5603', latitude: 14.1, longitude: -1.63, languages: ['fuh', 'mos'] },
  { name: 'Dori', adminArea: 'BF5602', latitude: 14.03, longitude: -0.03, languages: ['fuh'] },
  { name: 'Gorom-Gorom', adminArea: 'BF5601', latitude: 14.44, longitude: -0.23, languages: ['taq', 'fuh'] },
  { name: 'Téra', alternativeNames: ['Tera'], adminArea: 'NE006011', latitude: 14.01, longitude: 0.75, languages: ['dje', 'fuh'] },
  { name: 'Ayorou', alternativeNames: ['Ayerou'], adminArea: 'NE006002', latitude: 14.73, longitude: 0.92, languages: ['dje', 'taq'] },
  // Senegal, The Gambia, Guinea-Bissau (community education)
  {
    name: 'Kédougou',
    alternativeNames: ['Kedougou'],
    adminArea: 'SN0601',
    latitude: 12.56,
    longitude: -12.17,
    languages: ['fuc', 'mnk', 'bsc'],
  },
  { name: 'Oussouye', adminArea: 'SN1402', latitude: 12.48, longitude: -16.55, languages: ['dyo'] },
  {
    name: 'Vélingara',
    alternativeNames: ['Velingara'],
    adminArea: 'SN0703',
    latitude: 13.15,
    longitude: -14.11,
    languages: ['fuc', 'mnk'],
  },
  {
    name: 'Basse Santa Su',
    alternativeNames: ['Basse'],
    adminArea: 'GM0201',
    latitude: 13.31,
    longitude: -14.22,
    languages: ['mnk', 'fuc', 'snk'],
  },
  { name: 'Brikama', adminArea: 'GM0306', latitude: 13.27, longitude: -16.65, languages: ['mnk', 'wol', 'dyo'] },
  { name: 'Gabú', alternativeNames: ['Gabu'], adminArea: 'GW0502', latitude: 12.28, longitude: -14.22, languages: ['fuc', 'mnk'] },
  { name: 'Bafatá', alternativeNames: ['Bafata'], adminArea: 'GW0101', latitude: 12.17, longitude: -14.66, languages: ['fuc', 'mnk'] },
];

export function demoCommunityId(index: number): string {
  return `00000000-0000-4000-a000-${String(index + 1).padStart(12, '0')}`;
}
