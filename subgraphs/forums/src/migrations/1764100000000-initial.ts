import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit/audit';
import { SEARCH_KEY_SQL } from '@peacegraph/kit/sql';
import {
  FORUM_SCOPES,
  FORUM_TOPICS,
  PARTICIPANT_CATEGORIES,
  RECOMMENDATION_ADDRESSEES,
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_THEMES,
  TESTIMONY_AGE_GROUPS,
  sqlList,
} from '../common/values';

/**
 * Full-text search in French and English that ignores accents: the french and english configurations
 * with `unaccent` before the stemmer, so "réconciliation" and "reconciliation" become the same lexeme
 * (reconcili) in texts and in queries alike. Texts in other languages (Bambara, Fulfulde …) get the
 * simple configuration, unaccented. `forums_search_config` picks the configuration from a text's
 * ISO 639-3 code; it is IMMUTABLE so that generated tsvector columns may call it (the configurations
 * are ours and only a migration changes them, which would re-generate the columns).
 */
export const SEARCH_CONFIGURATION_SQL = [
  `CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french)`,
  `ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem`,
  `CREATE TEXT SEARCH CONFIGURATION en_unaccent (COPY = english)`,
  `ALTER TEXT SEARCH CONFIGURATION en_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`,
  `CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple)`,
  `ALTER TEXT SEARCH CONFIGURATION simple_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`,
  `CREATE FUNCTION forums_search_config(language text) RETURNS regconfig
   LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
   AS $$ SELECT CASE language
                  WHEN 'fra' THEN 'public.fr_unaccent'::regconfig
                  WHEN 'eng' THEN 'public.en_unaccent'::regconfig
                  ELSE 'public.simple_unaccent'::regconfig
                END $$`,
];

/** A title (weight A) and a body (weight B) in the text's own configuration. */
const searchVector = (title: string | null, body: string) =>
  `tsvector GENERATED ALWAYS AS (${
    title ? `setweight(to_tsvector(forums_search_config(language), ${title}), 'A') || ` : ''
  }setweight(to_tsvector(forums_search_config(language), ${body}), 'B')) STORED`;

const RECORD = `
  owner_org uuid NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1`;
const APPENDED = `
  owner_org uuid NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()`;
const LANGUAGE = `language text NOT NULL CHECK (language ~ '^[a-z]{3}$')`;

/**
 * The forums subgraph's first schema. Foreign entities are keys only (community ids, P-codes and
 * countries copied from the directory at write time, organisation ids). Every list filter and keyset
 * order has an index; every text searched has a stored tsvector with a GIN index. CHECK constraints
 * repeat the services' rules, so that no code path can store what the rules would refuse.
 */
export class Initial1764100000000 implements MigrationInterface {
  name = 'Initial1764100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of [...AUDIT_LOG_SQL, ...SEARCH_KEY_SQL, ...SEARCH_CONFIGURATION_SQL]) await db.query(statement);

    await db.query(`
      CREATE TABLE forum (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (btrim(title) <> ''),
        scope text NOT NULL CHECK (scope IN (${sqlList(FORUM_SCOPES)})),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        venue_name text,
        community_id uuid,
        admin_pcode text NOT NULL,
        admin1_pcode text NOT NULL,
        country_code char(2) NOT NULL,
        convenor_ids uuid[] NOT NULL CHECK (cardinality(convenor_ids) >= 1),
        co_convenor_ids uuid[] NOT NULL DEFAULT '{}',
        countries_represented text[] NOT NULL,
        client_mutation_id text,
        ${RECORD},
        CHECK (ends_on >= starts_on AND ends_on <= starts_on + 31),
        CHECK (admin_pcode LIKE admin1_pcode || '%'),
        CHECK (countries_represented[1] = country_code),
        CHECK (scope <> 'REGIONAL' OR cardinality(countries_represented) >= 2)
      )`);
    await db.query(`CREATE UNIQUE INDEX forum_client_mutation ON forum (owner_org, client_mutation_id)`);
    // Lists are latest first, (starts_on, id) descending; each filter leads its own index in that order.
    await db.query(`CREATE INDEX forum_order ON forum (starts_on, id)`);
    await db.query(`CREATE INDEX forum_country ON forum (country_code, starts_on, id)`);
    await db.query(`CREATE INDEX forum_scope ON forum (scope, starts_on, id)`);
    await db.query(`CREATE INDEX forum_community ON forum (community_id, starts_on, id)`);
    await db.query(`CREATE INDEX forum_admin_prefix ON forum (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX forum_countries_represented ON forum USING gin (countries_represented)`);
    await db.query(`CREATE INDEX forum_convenors ON forum USING gin (convenor_ids)`);
    await db.query(`CREATE INDEX forum_co_convenors ON forum USING gin (co_convenor_ids)`);

    await db.query(`
      CREATE TABLE forum_participant_group (
        forum_id uuid NOT NULL REFERENCES forum (id),
        category text NOT NULL CHECK (category IN (${sqlList(PARTICIPANT_CATEGORIES)})),
        women integer NOT NULL CHECK (women >= 0),
        men integer NOT NULL CHECK (men >= 0),
        ${APPENDED},
        PRIMARY KEY (forum_id, category),
        CHECK (women + men > 0)
      )`);
    await db.query(`
      CREATE TABLE forum_participant_origin (
        forum_id uuid NOT NULL REFERENCES forum (id),
        region_pcode text NOT NULL,
        country_code char(2) NOT NULL,
        participants integer NOT NULL CHECK (participants > 0),
        ${APPENDED},
        PRIMARY KEY (forum_id, region_pcode),
        CHECK (region_pcode LIKE country_code || '%')
      )`);

    await db.query(`
      CREATE TABLE working_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        forum_id uuid NOT NULL REFERENCES forum (id),
        topic text NOT NULL CHECK (topic IN (${sqlList(FORUM_TOPICS)})),
        other_topic text,
        facilitator_org uuid,
        facilitator_name text,
        key_findings text[] NOT NULL DEFAULT '{}',
        client_mutation_id text,
        ${RECORD},
        CHECK ((topic = 'OTHER') = (other_topic IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX working_group_client_mutation ON working_group (owner_org, client_mutation_id)`);
    await db.query(`CREATE INDEX working_group_forum ON working_group (forum_id, created_at, id)`);
    await db.query(`CREATE INDEX working_group_topic ON working_group (topic, forum_id)`);

    await db.query(`
      CREATE TABLE testimony (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        forum_id uuid NOT NULL REFERENCES forum (id),
        working_group_id uuid REFERENCES working_group (id),
        ${LANGUAGE},
        body text NOT NULL CHECK (btrim(body) <> ''),
        speaker_role text NOT NULL CHECK (speaker_role IN (${sqlList(PARTICIPANT_CATEGORIES)})),
        speaker_age_group text NOT NULL CHECK (speaker_age_group IN (${sqlList(TESTIMONY_AGE_GROUPS)})),
        speaker_region_pcode text NOT NULL,
        speaker_country_code char(2) NOT NULL,
        given_on date NOT NULL,
        consent_to_publish boolean NOT NULL,
        published_on date,
        search ${searchVector(null, 'body')},
        client_mutation_id text,
        ${RECORD},
        CHECK (published_on IS NULL OR consent_to_publish),
        CHECK (published_on >= given_on),
        CHECK (speaker_region_pcode LIKE speaker_country_code || '%')
      )`);
    await db.query(`CREATE UNIQUE INDEX testimony_client_mutation ON testimony (owner_org, client_mutation_id)`);
    await db.query(`CREATE INDEX testimony_order ON testimony (given_on, id)`);
    // Anyone's lists, and the search, read published testimonies only: partial indexes hold just those.
    await db.query(`CREATE INDEX testimony_published ON testimony (given_on, id) WHERE published_on IS NOT NULL`);
    await db.query(`CREATE INDEX testimony_search ON testimony USING gin (search) WHERE published_on IS NOT NULL`);
    await db.query(`CREATE INDEX testimony_owner ON testimony (owner_org, given_on, id)`);
    await db.query(`CREATE INDEX testimony_forum ON testimony (forum_id, given_on, id)`);
    await db.query(`CREATE INDEX testimony_working_group ON testimony (working_group_id, given_on, id)`);
    await db.query(`CREATE INDEX testimony_language ON testimony (language, given_on, id)`);
    await db.query(`CREATE INDEX testimony_role ON testimony (speaker_role, given_on, id)`);
    await db.query(`CREATE INDEX testimony_age_group ON testimony (speaker_age_group, given_on, id)`);
    await db.query(`CREATE INDEX testimony_region ON testimony (speaker_region_pcode, given_on, id)`);

    await db.query(`
      CREATE TABLE declaration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        forum_id uuid NOT NULL REFERENCES forum (id),
        ${LANGUAGE},
        adopted_on date NOT NULL,
        published_on date,
        drafters jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(drafters) = 'array'),
        client_mutation_id text,
        ${RECORD},
        CHECK (published_on >= adopted_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX declaration_client_mutation ON declaration (owner_org, client_mutation_id)`);
    await db.query(`CREATE INDEX declaration_order ON declaration (adopted_on, id)`);
    await db.query(`CREATE INDEX declaration_published ON declaration (adopted_on, id) WHERE published_on IS NOT NULL`);
    await db.query(`CREATE INDEX declaration_owner ON declaration (owner_org, adopted_on, id)`);
    await db.query(`CREATE INDEX declaration_forum ON declaration (forum_id, adopted_on, id)`);

    await db.query(`
      CREATE TABLE declaration_text (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        declaration_id uuid NOT NULL REFERENCES declaration (id),
        ${LANGUAGE},
        title text NOT NULL CHECK (btrim(title) <> ''),
        body text NOT NULL CHECK (btrim(body) <> ''),
        original boolean NOT NULL,
        search ${searchVector('title', 'body')},
        ${RECORD},
        UNIQUE (declaration_id, language)
      )`);
    await db.query(`CREATE UNIQUE INDEX declaration_text_one_original ON declaration_text (declaration_id) WHERE original`);
    await db.query(`CREATE INDEX declaration_text_search ON declaration_text USING gin (search)`);

    await db.query(`
      CREATE TABLE declaration_recipient (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        declaration_id uuid NOT NULL REFERENCES declaration (id),
        position smallint NOT NULL CHECK (position >= 0),
        recipient text NOT NULL CHECK (btrim(recipient) <> ''),
        organisation_id uuid,
        delivered_on date,
        delivery_note text,
        ${RECORD},
        UNIQUE (declaration_id, position),
        CHECK (delivery_note IS NULL OR delivered_on IS NOT NULL)
      )`);

    await db.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        declaration_id uuid NOT NULL REFERENCES declaration (id),
        forum_id uuid NOT NULL REFERENCES forum (id),
        number smallint NOT NULL CHECK (number >= 1),
        theme text NOT NULL CHECK (theme IN (${sqlList(RECOMMENDATION_THEMES)})),
        addressee text NOT NULL CHECK (addressee IN (${sqlList(RECOMMENDATION_ADDRESSEES)})),
        addressee_name text,
        addressee_org uuid,
        addressed_pcode text,
        addressed_community_id uuid,
        ${LANGUAGE},
        adopted_on date NOT NULL,
        published_on date,
        status text NOT NULL CHECK (status IN (${sqlList(RECOMMENDATION_STATUSES)})),
        status_since date,
        client_mutation_id text,
        ${RECORD},
        UNIQUE (declaration_id, number),
        CHECK (status_since IS NOT NULL OR status = 'PENDING'),
        CHECK (status_since >= adopted_on),
        CHECK (addressed_community_id IS NULL OR addressed_pcode IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX recommendation_client_mutation ON recommendation (owner_org, client_mutation_id)`);
    // Lists run in adoption order, declaration by declaration, by number: (adopted_on, declaration_id, number).
    await db.query(`CREATE INDEX recommendation_order ON recommendation (adopted_on, declaration_id, number)`);
    await db.query(
      `CREATE INDEX recommendation_published ON recommendation (adopted_on, declaration_id, number) WHERE published_on IS NOT NULL`,
    );
    await db.query(`CREATE INDEX recommendation_owner ON recommendation (owner_org, adopted_on, declaration_id, number)`);
    await db.query(`CREATE INDEX recommendation_forum ON recommendation (forum_id, adopted_on, declaration_id, number)`);
    await db.query(`CREATE INDEX recommendation_theme ON recommendation (theme, adopted_on, declaration_id, number)`);
    await db.query(`CREATE INDEX recommendation_addressee ON recommendation (addressee, adopted_on, declaration_id, number)`);
    await db.query(`CREATE INDEX recommendation_status ON recommendation (status, adopted_on, declaration_id, number)`);
    await db.query(`CREATE INDEX recommendation_community ON recommendation (addressed_community_id, adopted_on, declaration_id, number)`);
    await db.query(`CREATE INDEX recommendation_addressed_prefix ON recommendation (addressed_pcode text_pattern_ops)`);

    await db.query(`
      CREATE TABLE recommendation_text (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recommendation_id uuid NOT NULL REFERENCES recommendation (id),
        ${LANGUAGE},
        body text NOT NULL CHECK (btrim(body) <> ''),
        original boolean NOT NULL,
        search ${searchVector(null, 'body')},
        ${RECORD},
        UNIQUE (recommendation_id, language)
      )`);
    await db.query(`CREATE UNIQUE INDEX recommendation_text_one_original ON recommendation_text (recommendation_id) WHERE original`);
    await db.query(`CREATE INDEX recommendation_text_search ON recommendation_text USING gin (search)`);

    await db.query(`
      CREATE TABLE recommendation_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recommendation_id uuid NOT NULL REFERENCES recommendation (id),
        from_status text NOT NULL CHECK (from_status IN (${sqlList(RECOMMENDATION_STATUSES)})),
        to_status text NOT NULL CHECK (to_status IN (${sqlList(RECOMMENDATION_STATUSES.filter((s) => s !== 'PENDING'))})),
        reported_on date NOT NULL,
        evidence text NOT NULL CHECK (btrim(evidence) <> ''),
        evidence_url text,
        reporter text NOT NULL CHECK (btrim(reporter) <> ''),
        reporting_org uuid,
        ${APPENDED}
      )`);
    await db.query(
      `CREATE INDEX recommendation_follow_up_recommendation ON recommendation_follow_up (recommendation_id, reported_on, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE recommendation_follow_up, recommendation_text, recommendation, declaration_recipient, declaration_text,
        declaration, testimony, working_group, forum_participant_origin, forum_participant_group, forum, audit_log`,
    );
    await db.query(`DROP FUNCTION forums_search_config(text), search_key(text, text[]), search_key(text)`);
    for (const name of ['fr_unaccent', 'en_unaccent', 'simple_unaccent']) await db.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
  }
}
