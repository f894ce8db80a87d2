import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { parseCsv } from './csv';
import { COUNTRIES } from './countries';
import { PLATFORM_ORGANISATION } from './platform';

const DATA_DIR = path.resolve(__dirname, '../../reference-data');

/**
 * Loads the reference data (countries, OCHA admin areas, Glottolog languages) that the product needs
 * to work at all, as upserts: safe on every start, and a new release of the files updates names in
 * place. Runs after migrations, before demo data.
 */
export async function importReferenceData(dataSource: DataSource): Promise<{ countries: number; adminAreas: number; languages: number }> {
  const byAlpha3 = new Map(COUNTRIES.map((c) => [c.alpha3, c.code]));
  const areas = parseCsv(fs.readFileSync(path.join(DATA_DIR, 'admin-areas.csv'), 'utf8'))
    // Parents first, so the foreign key holds inside the single statement's row order.
    .sort((a, b) => Number(a['level']) - Number(b['level']));
  const languages = parseCsv(fs.readFileSync(path.join(DATA_DIR, 'languages.csv'), 'utf8'));

  await dataSource.transaction(async (db) => {
    await db.query(
      `INSERT INTO country (code, alpha3, name_en, name_fr, official_languages, min_latitude, max_latitude, min_longitude, max_longitude)
       SELECT code, alpha3, name_en, name_fr, string_to_array(official, ','), min_lat, max_lat, min_lng, max_lng
       FROM unnest($1::char(2)[], $2::char(3)[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[], $9::float8[])
         AS t(code, alpha3, name_en, name_fr, official, min_lat, max_lat, min_lng, max_lng)
       ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3, name_en = excluded.name_en, name_fr = excluded.name_fr,
         official_languages = excluded.official_languages, min_latitude = excluded.min_latitude,
         max_latitude = excluded.max_latitude, min_longitude = excluded.min_longitude, max_longitude = excluded.max_longitude`,
      [
        COUNTRIES.map((c) => c.code),
        COUNTRIES.map((c) => c.alpha3),
        COUNTRIES.map((c) => c.nameEn),
        COUNTRIES.map((c) => c.nameFr),
        COUNTRIES.map((c) => c.officialLanguages.join(',')),
        COUNTRIES.map((c) => c.latitude[0]),
        COUNTRIES.map((c) => c.latitude[1]),
        COUNTRIES.map((c) => c.longitude[0]),
        COUNTRIES.map((c) => c.longitude[1]),
      ],
    );
    for (const level of [1, 2]) {
      const rows = areas.filter((a) => Number(a['level']) === level);
      await db.query(
        `INSERT INTO admin_area (pcode, country_code, level, name, parent_pcode, valid_from)
         SELECT * FROM unnest($1::text[], $2::char(2)[], $3::smallint[], $4::text[], $5::text[], $6::date[])
         ON CONFLICT (pcode) DO UPDATE SET name = excluded.name, parent_pcode = excluded.parent_pcode,
           valid_from = excluded.valid_from, level = excluded.level, country_code = excluded.country_code`,
        [
          rows.map((a) => a['pcode']),
          rows.map((a) => byAlpha3.get(a['country_alpha3']!)),
          rows.map((a) => Number(a['level'])),
          rows.map((a) => a['name']),
          rows.map((a) => (level === 1 ? null : a['parent_pcode'])),
          rows.map((a) => a['valid_from'] || null),
        ],
      );
    }
    await db.query(
      `INSERT INTO language (code, name, glottocode, country_codes)
       SELECT code, name, glottocode, CASE WHEN countries = '' THEN '{}'::text[] ELSE string_to_array(countries, ';') END
       FROM unnest($1::char(3)[], $2::text[], $3::text[], $4::text[]) AS t(code, name, glottocode, countries)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, glottocode = excluded.glottocode, country_codes = excluded.country_codes`,
      [
        languages.map((l) => l['iso639_3']),
        languages.map((l) => l['name']),
        languages.map((l) => l['glottocode'] || null),
        languages.map((l) => l['countries'] ?? ''),
      ],
    );
  });
  // The platform operator's organisation: admin tokens name it, so a deployment with reference data
  // only (no demo data) can still be signed into and can register the partners.
  await dataSource.query(
    `INSERT INTO organisation (id, name, acronym, kind, country_codes, domains)
     VALUES ($1, $2, $3, 'CSO_NETWORK', $4, '{DIRECTORY}')
     ON CONFLICT (id) DO NOTHING`,
    [PLATFORM_ORGANISATION.id, PLATFORM_ORGANISATION.name, PLATFORM_ORGANISATION.acronym, COUNTRIES.map((c) => c.code)],
  );
  return { countries: COUNTRIES.length, adminAreas: areas.length, languages: languages.length };
}
