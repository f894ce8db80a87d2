import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit/audit';
import { SEARCH_KEY_SQL } from '@peacegraph/kit/sql';
import {
  COMMITMENT_STATUSES,
  DIALOGUE_LEVELS,
  ECPF_COMPONENT_CODES,
  LEGAL_INSTRUMENT_KINDS,
  MEDIA_KINDS,
  MINERALS,
  MINING_CHALLENGES,
  MINING_SITE_KINDS,
  PROVISION_TOPICS,
  PUBLICATION_KINDS,
  sqlList,
  STAKEHOLDER_GROUPS,
  TRAINING_KINDS,
} from '../common/values';

/** Columns of every record a partner writes (see entities/record.ts). */
const OWNED = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org uuid NOT NULL,
  created_by text NOT NULL,
  client_mutation_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1`;

/** Where a record happened: the directory community's key and where it lay, copied at write time. */
const PLACE = `
  community_id uuid NOT NULL,
  admin_pcode text NOT NULL,
  admin1_pcode text NOT NULL,
  admin2_pcode text,
  country_code char(2) NOT NULL,
  CHECK (admin_pcode LIKE admin1_pcode || '%'),
  CHECK (admin2_pcode IS NULL OR admin_pcode LIKE admin2_pcode || '%'),
  CHECK (admin1_pcode LIKE country_code || '%')`;

/** The provisions a record covers: all of one instrument. */
const COVERED = `
  instrument_id uuid REFERENCES legal_instrument (id),
  provision_ids uuid[] NOT NULL DEFAULT '{}',
  CHECK (cardinality(provision_ids) = 0 OR instrument_id IS NOT NULL)`;

/** People of one stakeholder group, by sex; each person once, in one group. */
function participantGroup(table: string, parent: string, parentTable: string, extra = ''): string {
  return `CREATE TABLE ${table} (
    ${parent} uuid NOT NULL REFERENCES ${parentTable} (id) ON DELETE CASCADE,
    stakeholder_group text NOT NULL CHECK (stakeholder_group IN (${sqlList(STAKEHOLDER_GROUPS)})),
    women integer NOT NULL CHECK (women >= 0),
    men integer NOT NULL CHECK (men >= 0),
    ${extra}
    CHECK (women + men > 0),
    CHECK (stakeholder_group <> 'WOMEN' OR men = 0),
    PRIMARY KEY (${parent}, stakeholder_group)
  )`;
}

/**
 * The mining subgraph's first schema. Foreign entities are keys only (community, organisation,
 * language, admin area), with the community's admin areas and country copied at write time so that
 * lists filter by "this area and below" with a P-code prefix index and figures group by region. Every
 * list has an index for each filter and for its keyset order; every uniqueness rule the services check
 * first is also an index, which closes the race between two concurrent writes.
 */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of SEARCH_KEY_SQL) await db.query(statement);
    for (const statement of AUDIT_LOG_SQL) await db.query(statement);

    await db.query(`
      CREATE TABLE legal_instrument (${OWNED},
        title text NOT NULL CHECK (btrim(title) <> ''),
        short_title text,
        kind text NOT NULL CHECK (kind IN (${sqlList(LEGAL_INSTRUMENT_KINDS)})),
        country_code char(2),
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        title_key text GENERATED ALWAYS AS (search_key(title, ARRAY[coalesce(short_title, '')])) STORED,
        CHECK ((country_code IS NULL) = (kind IN ('REGIONAL_MODEL_LAW', 'REGIONAL_DIRECTIVE')))
      )`);
    // Reference material is shared: one record per instrument, whoever recorded it.
    await db.query(`CREATE UNIQUE INDEX legal_instrument_title ON legal_instrument (search_key(title))`);
    await db.query(`CREATE INDEX legal_instrument_title_order ON legal_instrument (title, id)`);
    await db.query(`CREATE INDEX legal_instrument_kind ON legal_instrument (kind, title, id)`);
    await db.query(`CREATE INDEX legal_instrument_country ON legal_instrument (country_code, title, id)`);
    await db.query(`CREATE INDEX legal_instrument_search ON legal_instrument USING gin (title_key gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE provision (${OWNED},
        instrument_id uuid NOT NULL REFERENCES legal_instrument (id),
        article text NOT NULL CHECK (btrim(article) <> ''),
        article_number integer GENERATED ALWAYS AS (coalesce(substring(article FROM '[0-9]+')::integer, 0)) STORED,
        title text NOT NULL CHECK (btrim(title) <> ''),
        topic text NOT NULL CHECK (topic IN (${sqlList(PROVISION_TOPICS)})),
        summary text
      )`);
    await db.query(`CREATE UNIQUE INDEX provision_article ON provision (instrument_id, search_key(article))`);
    await db.query(`CREATE INDEX provision_order ON provision (instrument_id, article_number, article, id)`);
    await db.query(`CREATE INDEX provision_topic ON provision (topic, instrument_id, article_number, article, id)`);
    await db.query(`CREATE INDEX provision_search ON provision USING gin (search_key(title) gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE mining_site (${OWNED}, ${PLACE},
        name text NOT NULL CHECK (btrim(name) <> ''),
        kind text NOT NULL CHECK (kind IN (${sqlList(MINING_SITE_KINDS)})),
        minerals text[] NOT NULL CHECK (cardinality(minerals) > 0 AND minerals <@ ARRAY[${sqlList(MINERALS)}]),
        operator_id uuid,
        CHECK (kind <> 'INDUSTRIAL' OR operator_id IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX mining_site_name_in_community ON mining_site (community_id, search_key(name))`);
    await db.query(`CREATE INDEX mining_site_name_order ON mining_site (name, id)`);
    await db.query(`CREATE INDEX mining_site_community ON mining_site (community_id, name, id)`);
    await db.query(`CREATE INDEX mining_site_country ON mining_site (country_code, name, id)`);
    await db.query(`CREATE INDEX mining_site_admin_prefix ON mining_site (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX mining_site_region ON mining_site (admin1_pcode)`);
    await db.query(`CREATE INDEX mining_site_kind ON mining_site (kind, name, id)`);
    await db.query(`CREATE INDEX mining_site_minerals ON mining_site USING gin (minerals)`);
    await db.query(`CREATE INDEX mining_site_operator ON mining_site (operator_id, name, id)`);
    await db.query(`CREATE INDEX mining_site_search ON mining_site USING gin (search_key(name) gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE community_consultation (${OWNED}, ${PLACE},
        site_id uuid REFERENCES mining_site (id),
        held_on date NOT NULL,
        participants_total integer NOT NULL CHECK (participants_total > 0),
        challenges text[] NOT NULL DEFAULT '{}' CHECK (challenges <@ ARRAY[${sqlList(MINING_CHALLENGES)}]),
        notes text
      )`);
    // One consultation of a community a day per organisation: a second one is a duplicate.
    await db.query(`CREATE UNIQUE INDEX consultation_same ON community_consultation (owner_org, community_id, held_on)`);
    await db.query(`CREATE INDEX consultation_held_order ON community_consultation (held_on, id)`);
    await db.query(`CREATE INDEX consultation_community ON community_consultation (community_id, held_on, id)`);
    await db.query(`CREATE INDEX consultation_site ON community_consultation (site_id, held_on, id)`);
    await db.query(`CREATE INDEX consultation_country ON community_consultation (country_code, held_on, id)`);
    await db.query(`CREATE INDEX consultation_admin_prefix ON community_consultation (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX consultation_region ON community_consultation (admin1_pcode, held_on)`);
    await db.query(`CREATE INDEX consultation_challenges ON community_consultation USING gin (challenges)`);
    await db.query(`CREATE INDEX consultation_organisation ON community_consultation (owner_org, held_on, id)`);
    await db.query(participantGroup('consultation_participant_group', 'consultation_id', 'community_consultation'));

    await db.query(`
      CREATE TABLE mining_training (${OWNED}, ${PLACE}, ${COVERED},
        title text NOT NULL CHECK (btrim(title) <> ''),
        kind text NOT NULL CHECK (kind IN (${sqlList(TRAINING_KINDS)})),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        site_id uuid REFERENCES mining_site (id),
        venue text,
        trainer_ids uuid[] NOT NULL CHECK (cardinality(trainer_ids) BETWEEN 1 AND 10),
        ecpf_components text[] NOT NULL DEFAULT '{}' CHECK (ecpf_components <@ ARRAY[${sqlList(ECPF_COMPONENT_CODES)}]),
        participants_total integer NOT NULL CHECK (participants_total > 0),
        score_scale_min double precision,
        score_scale_max double precision,
        CHECK (ends_on >= starts_on),
        CHECK ((score_scale_min IS NULL) = (score_scale_max IS NULL)),
        CHECK (score_scale_max > score_scale_min)
      )`);
    await db.query(`CREATE UNIQUE INDEX mining_training_same ON mining_training (owner_org, community_id, search_key(title), starts_on)`);
    await db.query(`CREATE INDEX mining_training_start_order ON mining_training (starts_on, id)`);
    await db.query(`CREATE INDEX mining_training_kind ON mining_training (kind, starts_on, id)`);
    await db.query(`CREATE INDEX mining_training_community ON mining_training (community_id, starts_on, id)`);
    await db.query(`CREATE INDEX mining_training_site ON mining_training (site_id, starts_on, id)`);
    await db.query(`CREATE INDEX mining_training_country ON mining_training (country_code, starts_on, id)`);
    await db.query(`CREATE INDEX mining_training_admin_prefix ON mining_training (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX mining_training_region ON mining_training (admin1_pcode, starts_on)`);
    await db.query(`CREATE INDEX mining_training_trainers ON mining_training USING gin (trainer_ids)`);
    await db.query(`CREATE INDEX mining_training_instrument ON mining_training (instrument_id, starts_on, id)`);
    await db.query(`CREATE INDEX mining_training_provisions ON mining_training USING gin (provision_ids)`);
    await db.query(`CREATE INDEX mining_training_ecpf ON mining_training USING gin (ecpf_components)`);
    await db.query(`CREATE INDEX mining_training_organisation ON mining_training (owner_org, starts_on, id)`);
    await db.query(
      participantGroup(
        'training_participant_group',
        'training_id',
        'mining_training',
        `assessed integer CHECK (assessed > 0 AND assessed <= women + men),
         mean_pre_score double precision,
         mean_post_score double precision,
         CHECK ((assessed IS NULL) = (mean_pre_score IS NULL) AND (assessed IS NULL) = (mean_post_score IS NULL)),`,
      ),
    );
    await db.query(
      `CREATE INDEX training_participant_group_assessed ON training_participant_group (training_id) WHERE assessed IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE policy_dialogue (${OWNED}, ${COVERED},
        title text NOT NULL CHECK (btrim(title) <> ''),
        level text NOT NULL CHECK (level IN (${sqlList(DIALOGUE_LEVELS)})),
        held_on date NOT NULL,
        venue text NOT NULL CHECK (btrim(venue) <> ''),
        admin_pcode text,
        admin1_pcode text,
        country_code char(2),
        convened_with uuid[] NOT NULL DEFAULT '{}',
        participants_total integer NOT NULL CHECK (participants_total > 0),
        CHECK ((admin_pcode IS NULL) = (admin1_pcode IS NULL) AND (admin_pcode IS NULL) = (country_code IS NULL)),
        CHECK (admin_pcode LIKE admin1_pcode || '%')
      )`);
    await db.query(`CREATE UNIQUE INDEX policy_dialogue_same ON policy_dialogue (owner_org, search_key(title), held_on)`);
    await db.query(`CREATE INDEX policy_dialogue_held_order ON policy_dialogue (held_on, id)`);
    await db.query(`CREATE INDEX policy_dialogue_level ON policy_dialogue (level, held_on, id)`);
    await db.query(`CREATE INDEX policy_dialogue_country ON policy_dialogue (country_code, held_on, id)`);
    await db.query(`CREATE INDEX policy_dialogue_admin_prefix ON policy_dialogue (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX policy_dialogue_instrument ON policy_dialogue (instrument_id, held_on, id)`);
    await db.query(`CREATE INDEX policy_dialogue_organisation ON policy_dialogue (owner_org, held_on, id)`);
    await db.query(participantGroup('dialogue_participant_group', 'dialogue_id', 'policy_dialogue'));

    await db.query(`
      CREATE TABLE policy_commitment (${OWNED},
        dialogue_id uuid NOT NULL REFERENCES policy_dialogue (id),
        number smallint NOT NULL CHECK (number > 0),
        description text NOT NULL CHECK (btrim(description) <> ''),
        made_by text NOT NULL CHECK (btrim(made_by) <> ''),
        made_on date NOT NULL,
        due_on date,
        status text NOT NULL CHECK (status IN (${sqlList(COMMITMENT_STATUSES)})),
        status_since date NOT NULL,
        CHECK (due_on >= made_on),
        CHECK (status_since >= made_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX policy_commitment_same ON policy_commitment (dialogue_id, search_key(description))`);
    await db.query(`CREATE UNIQUE INDEX policy_commitment_number ON policy_commitment (dialogue_id, number)`);
    await db.query(`
      CREATE TABLE commitment_status_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id uuid NOT NULL REFERENCES policy_commitment (id),
        owner_org uuid NOT NULL,
        from_status text CHECK (from_status IN (${sqlList(COMMITMENT_STATUSES)})),
        to_status text NOT NULL CHECK (to_status IN (${sqlList(COMMITMENT_STATUSES)})),
        changed_on date NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX commitment_status_change_commitment ON commitment_status_change (commitment_id, changed_on, created_at)`);

    await db.query(`
      CREATE TABLE media_intervention (${OWNED}, ${COVERED},
        kind text NOT NULL CHECK (kind IN (${sqlList(MEDIA_KINDS)})),
        outlet text NOT NULL CHECK (btrim(outlet) <> ''),
        title text NOT NULL CHECK (btrim(title) <> ''),
        campaign text,
        language_code char(3) NOT NULL,
        released_on date NOT NULL,
        airings integer NOT NULL CHECK (airings > 0),
        regions_reached text[] NOT NULL CHECK (cardinality(regions_reached) > 0),
        estimated_audience integer CHECK (estimated_audience >= 0)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX media_intervention_same ON media_intervention (owner_org, search_key(outlet), search_key(title), released_on)`,
    );
    await db.query(`CREATE INDEX media_intervention_released_order ON media_intervention (released_on, id)`);
    await db.query(`CREATE INDEX media_intervention_kind ON media_intervention (kind, released_on, id)`);
    await db.query(`CREATE INDEX media_intervention_language ON media_intervention (language_code, released_on, id)`);
    await db.query(`CREATE INDEX media_intervention_regions ON media_intervention USING gin (regions_reached)`);
    await db.query(`CREATE INDEX media_intervention_campaign ON media_intervention (campaign, released_on, id)`);

    await db.query(`
      CREATE TABLE publication (${OWNED}, ${COVERED},
        title text NOT NULL CHECK (btrim(title) <> ''),
        kind text NOT NULL CHECK (kind IN (${sqlList(PUBLICATION_KINDS)})),
        language_code char(3) NOT NULL,
        published_on date NOT NULL,
        copies_printed integer CHECK (copies_printed >= 0),
        copies_distributed integer NOT NULL CHECK (copies_distributed >= 0),
        CHECK (copies_distributed <= copies_printed)
      )`);
    await db.query(`CREATE UNIQUE INDEX publication_same ON publication (owner_org, search_key(title), language_code)`);
    await db.query(`CREATE INDEX publication_published_order ON publication (published_on, id)`);
    await db.query(`CREATE INDEX publication_kind ON publication (kind, published_on, id)`);
    await db.query(`CREATE INDEX publication_language ON publication (language_code, published_on, id)`);
    await db.query(`CREATE INDEX publication_instrument ON publication (instrument_id, published_on, id)`);

    // Retried creates: one record per client mutation id and organisation.
    for (const table of [
      'legal_instrument',
      'provision',
      'mining_site',
      'community_consultation',
      'mining_training',
      'policy_dialogue',
      'policy_commitment',
      'media_intervention',
      'publication',
    ]) {
      await db.query(`CREATE UNIQUE INDEX ${table}_client_mutation ON ${table} (owner_org, client_mutation_id)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE publication, media_intervention, commitment_status_change, policy_commitment, dialogue_participant_group,
      policy_dialogue, training_participant_group, mining_training, consultation_participant_group, community_consultation, mining_site,
      provision, legal_instrument, audit_log`);
    await db.query(`DROP FUNCTION search_key(text, text[])`);
    await db.query(`DROP FUNCTION search_key(text)`);
  }
}
