/**
 * Rebuilds this folder's subsets from the full public files in ../shared/data (run by hand when the
 * sources change: `tsx subgraphs/directory/reference-data/extract.ts ../shared/data`). The subsets
 * are committed so that the platform never needs ../shared at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv, toCsv } from '../src/reference/csv';

const COUNTRIES_ALPHA3 = new Set(['MLI', 'BFA', 'NER', 'SEN', 'GMB', 'GNB']);
const COUNTRIES_ALPHA2 = new Set(['ML', 'BF', 'NE', 'SN', 'GM', 'GW']);
/** Languages of administration in the six countries; Glottolog lists them under Europe only. */
const ADMINISTRATION_LANGUAGES = new Set(['fra', 'eng', 'por']);

const source = process.argv[2] ?? path.resolve(__dirname, '../../../../shared/data');
const here = __dirname;

const pcodes = parseCsv(fs.readFileSync(path.join(source, 'fixtures-download-global-pcodes-adm-1-2.csv'), 'utf8'));
const areas = pcodes.filter((row) => COUNTRIES_ALPHA3.has(row['Location']!));
fs.writeFileSync(
  path.join(here, 'admin-areas.csv'),
  toCsv(
    ['country_alpha3', 'level', 'pcode', 'name', 'parent_pcode', 'valid_from'],
    areas.map((r) => [r['Location']!, r['Admin Level']!, r['P-Code']!, r['Name']!, r['Parent P-Code']!, r['Valid from date']!]),
  ),
);

const glottolog = parseCsv(fs.readFileSync(path.join(source, 'languages.csv'), 'utf8'));
const languages = glottolog.filter((row) => {
  if (row['Level'] !== 'language' || !row['ISO639P3code']) return false;
  if (ADMINISTRATION_LANGUAGES.has(row['ISO639P3code'])) return true;
  return (row['Countries'] ?? '').split(';').some((c) => COUNTRIES_ALPHA2.has(c));
});
fs.writeFileSync(
  path.join(here, 'languages.csv'),
  toCsv(
    ['iso639_3', 'name', 'glottocode', 'latitude', 'longitude', 'countries'],
    languages.map((r) => [
      r['ISO639P3code']!,
      r['Name']!,
      r['Glottocode']!,
      r['Latitude'] ?? '',
      r['Longitude'] ?? '',
      (r['Countries'] ?? '')
        .split(';')
        .filter((c) => COUNTRIES_ALPHA2.has(c))
        .join(';'),
    ]),
  ),
);
process.stdout.write(`admin areas: ${areas.length}, languages: ${languages.length}\n`);
