import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_KEY_SQL } from '@peacegraph/kit/sql';

/**
 * The directory's first schema. Name searches ignore case and accents through the kit's
 * `search_key()`; trigram indexes serve "contains" searches; P-code prefix indexes serve "in this
 * area and everything under it" (OCHA P-codes of a child start with their parent's).
 */
export class Initial1732300000000 implements MigrationInterface {
  name = 'Initial1732300000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of SEARCH_KEY_SQL) await db.query(statement);

    await db.query(`
      CREATE TABLE country (
        code char(2) PRIMARY KEY,
        alpha3 char(3) NOT NULL UNIQUE,
        name_en text NOT NULL,
        name_fr text NOT NULL,
        official_languages text[] NOT NULL,
        min_latitude double precision NOT NULL,
        max_latitude double precision NOT NULL,
        min_longitude double precision NOT NULL,
        max_longitude double precision NOT NULL
      )`);

    await db.query(`
      CREATE TABLE admin_area (
        pcode text PRIMARY KEY,
        country_code char(2) NOT NULL REFERENCES country (code),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        name text NOT NULL CHECK (btrim(name) <> ''),
        name_key text GENERATED ALWAYS AS (search_key(name)) STORED,
        parent_pcode text REFERENCES admin_area (pcode),
        valid_from date,
        CHECK ((level = 1) = (parent_pcode IS NULL)),
        CHECK (parent_pcode IS NULL OR pcode LIKE parent_pcode || '%')
      )`);
    await db.query(`CREATE INDEX admin_area_country_level ON admin_area (country_code, level, pcode)`);
    await db.query(`CREATE INDEX admin_area_parent ON admin_area (parent_pcode, pcode)`);
    await db.query(`CREATE INDEX admin_area_pcode_prefix ON admin_area (pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX admin_area_name_search ON admin_area USING gin (name_key gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE language (
        code char(3) PRIMARY KEY,
        name text NOT NULL,
        name_key text GENERATED ALWAYS AS (search_key(name)) STORED,
        glottocode text,
        country_codes text[] NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX language_name_order ON language (name, code)`);
    await db.query(`CREATE INDEX language_countries ON language USING gin (country_codes)`);
    await db.query(`CREATE INDEX language_name_search ON language USING gin (name_key gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        name_key text GENERATED ALWAYS AS (search_key(name, ARRAY[acronym])) STORED,
        acronym text,
        kind text NOT NULL CHECK (kind IN ('NGO','CSO_NETWORK','INTERGOVERNMENTAL','UN_AGENCY','GOVERNMENT','DONOR')),
        country_codes text[] NOT NULL DEFAULT '{}',
        domains text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE UNIQUE INDEX organisation_name_unique ON organisation (search_key(name))`);
    await db.query(`CREATE INDEX organisation_name_order ON organisation (name, id)`);
    await db.query(`CREATE INDEX organisation_kind ON organisation (kind, name, id)`);
    await db.query(`CREATE INDEX organisation_countries ON organisation USING gin (country_codes)`);
    await db.query(`CREATE INDEX organisation_domains ON organisation USING gin (domains)`);
    await db.query(`CREATE INDEX organisation_name_search ON organisation USING gin (name_key gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE community (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        name_key text GENERATED ALWAYS AS (search_key(name, alternative_names)) STORED,
        alternative_names text[] NOT NULL DEFAULT '{}',
        admin_pcode text NOT NULL REFERENCES admin_area (pcode),
        country_code char(2) NOT NULL REFERENCES country (code),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        language_codes text[] NOT NULL DEFAULT '{}',
        client_mutation_id text UNIQUE,
        owner_org uuid,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    // One community of a name per admin area; the service checks first to give a clear error, the
    // index closes the race between two concurrent creations.
    await db.query(`CREATE UNIQUE INDEX community_name_in_area ON community (admin_pcode, search_key(name))`);
    await db.query(`CREATE INDEX community_name_order ON community (name, id)`);
    await db.query(`CREATE INDEX community_admin_prefix ON community (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX community_country ON community (country_code, name, id)`);
    await db.query(`CREATE INDEX community_languages ON community USING gin (language_codes)`);
    await db.query(`CREATE INDEX community_name_search ON community USING gin (name_key gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE community, organisation, language, admin_area, country`);
    await db.query(`DROP FUNCTION search_key(text, text[])`);
    await db.query(`DROP FUNCTION search_key(text)`);
  }
}
