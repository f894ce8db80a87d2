import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit/audit';
import { SEARCH_KEY_SQL } from '@peacegraph/kit/sql';

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
  region_pcode text NOT NULL,
  country_code char(2) NOT NULL,
  CHECK (admin_pcode LIKE region_pcode || '%'),
  CHECK (region_pcode LIKE country_code || '%')`;

/** Six counts by sex and age group under a prefix (entities/headcount.ts). */
function headcount(prefix: string): string {
  return ['female_children', 'female_youth', 'female_adults', 'male_children', 'male_youth', 'male_adults']
    .map((cell) => `${prefix}_${cell} integer NOT NULL DEFAULT 0 CHECK (${prefix}_${cell} >= 0)`)
    .join(',\n  ');
}

function audiences(prefix: string): string {
  return ['men', 'women', 'adolescents_and_children', 'cmc_members', 'religious_leaders']
    .map((audience) => `${prefix}_${audience} integer NOT NULL DEFAULT 0 CHECK (${prefix}_${audience} >= 0)`)
    .join(',\n  ');
}

const AUDIENCE_VALUES = `'MEN','WOMEN','ADOLESCENTS_AND_CHILDREN','CMC_MEMBERS','RELIGIOUS_LEADERS'`;

/**
 * The curriculum's first schema. Foreign entities are stored as keys only (community, language,
 * organisation), with the community's admin area and country copied at write time so that lists
 * filter by "this area and below" with a P-code prefix index. Every list has an index for each filter
 * and for its keyset order; every uniqueness rule the services check first is also an index, which
 * closes the race between two concurrent writes (the services turn its violation into a clear error).
 */
export class Initial1735000000000 implements MigrationInterface {
  name = 'Initial1735000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of SEARCH_KEY_SQL) await db.query(statement);
    for (const statement of AUDIT_LOG_SQL) await db.query(statement);

    await db.query(`
      CREATE TABLE module (${OWNED},
        title text NOT NULL CHECK (btrim(title) <> ''),
        edition text NOT NULL CHECK (btrim(edition) <> ''),
        summary text
      )`);
    await db.query(`CREATE UNIQUE INDEX module_title_edition ON module (owner_org, search_key(title), edition)`);
    await db.query(`CREATE INDEX module_title_order ON module (title, id)`);

    await db.query(`
      CREATE TABLE session_plan (${OWNED},
        module_id uuid NOT NULL REFERENCES module (id),
        number smallint NOT NULL CHECK (number BETWEEN 1 AND 60),
        title text NOT NULL CHECK (btrim(title) <> ''),
        theme text NOT NULL CHECK (theme IN ('COMMUNITY_VISION','HUMAN_RIGHTS','SOCIAL_NORMS','PEACE_AND_HUMAN_SECURITY',
          'DIALOGUE_IN_CONFLICT_MANAGEMENT','WOMEN_IN_CONFLICT_PREVENTION','MEDIATION_TECHNIQUES','ACTION_PLANNING')),
        objectives text[] NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
        audiences text[] NOT NULL CHECK (audiences <@ ARRAY[${AUDIENCE_VALUES}])
      )`);
    await db.query(`CREATE UNIQUE INDEX session_plan_number ON session_plan (module_id, number)`);

    await db.query(`
      CREATE TABLE facilitator (${OWNED},
        full_name text NOT NULL CHECK (btrim(full_name) <> ''),
        name_key text GENERATED ALWAYS AS (search_key(full_name)) STORED,
        language_codes text[] NOT NULL,
        certified_module_ids uuid[] NOT NULL DEFAULT '{}',
        home_community_id uuid,
        home_admin_pcode text,
        home_country_code char(2),
        phone text,
        email text,
        CHECK ((home_community_id IS NULL) = (home_admin_pcode IS NULL))
      )`);
    // The same person recorded twice by one organisation: same name and home community.
    await db.query(
      `CREATE UNIQUE INDEX facilitator_same_person ON facilitator (owner_org, search_key(full_name), home_community_id) NULLS NOT DISTINCT`,
    );
    await db.query(`CREATE INDEX facilitator_name_order ON facilitator (full_name, id)`);
    await db.query(`CREATE INDEX facilitator_organisation ON facilitator (owner_org, full_name, id)`);
    await db.query(`CREATE INDEX facilitator_languages ON facilitator USING gin (language_codes)`);
    await db.query(`CREATE INDEX facilitator_modules ON facilitator USING gin (certified_module_ids)`);
    await db.query(`CREATE INDEX facilitator_community ON facilitator (home_community_id)`);
    await db.query(`CREATE INDEX facilitator_country ON facilitator (home_country_code, full_name, id)`);
    await db.query(`CREATE INDEX facilitator_admin_prefix ON facilitator (home_admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX facilitator_name_search ON facilitator USING gin (name_key gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE cohort (${OWNED}, ${PLACE},
        name text NOT NULL CHECK (btrim(name) <> ''),
        module_id uuid NOT NULL REFERENCES module (id),
        language_code char(3) NOT NULL,
        facilitator_ids uuid[] NOT NULL CHECK (cardinality(facilitator_ids) BETWEEN 1 AND 10),
        audiences text[] NOT NULL CHECK (cardinality(audiences) > 0 AND audiences <@ ARRAY[${AUDIENCE_VALUES}]),
        ${headcount('enrolled')},
        ${audiences('enrolled')},
        planned_start date NOT NULL,
        planned_end date,
        started_on date,
        completed_on date,
        start_date date GENERATED ALWAYS AS (coalesce(started_on, planned_start)) STORED,
        status text NOT NULL CHECK (status IN ('PLANNED','IN_PROGRESS','COMPLETED','SUSPENDED')),
        suspended_reason text,
        suspended_on date,
        resumed_on date,
        CHECK (planned_end >= planned_start),
        CHECK (completed_on >= started_on),
        CHECK (status <> 'SUSPENDED' OR (suspended_reason IS NOT NULL AND suspended_on IS NOT NULL)),
        CHECK (status NOT IN ('IN_PROGRESS','COMPLETED') OR started_on IS NOT NULL),
        CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX cohort_name_in_community ON cohort (community_id, module_id, search_key(name))`);
    await db.query(`CREATE INDEX cohort_start_order ON cohort (start_date, id)`);
    await db.query(`CREATE INDEX cohort_country ON cohort (country_code, start_date, id)`);
    await db.query(`CREATE INDEX cohort_admin_prefix ON cohort (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX cohort_community ON cohort (community_id, start_date, id)`);
    await db.query(`CREATE INDEX cohort_module ON cohort (module_id, start_date, id)`);
    await db.query(`CREATE INDEX cohort_status ON cohort (status, start_date, id)`);
    await db.query(`CREATE INDEX cohort_language ON cohort (language_code, start_date, id)`);
    await db.query(`CREATE INDEX cohort_facilitators ON cohort USING gin (facilitator_ids)`);
    await db.query(`CREATE INDEX cohort_organisation ON cohort (owner_org, start_date, id)`);
    await db.query(`CREATE INDEX cohort_started ON cohort (started_on) WHERE started_on IS NOT NULL`);
    await db.query(`CREATE INDEX cohort_completed ON cohort (completed_on) WHERE completed_on IS NOT NULL`);

    await db.query(`
      CREATE TABLE session_delivery (${OWNED},
        cohort_id uuid NOT NULL REFERENCES cohort (id),
        session_plan_id uuid NOT NULL REFERENCES session_plan (id),
        session_number smallint NOT NULL,
        delivered_on date NOT NULL,
        make_up boolean NOT NULL DEFAULT false,
        facilitator_ids uuid[] NOT NULL,
        ${headcount('attended')},
        ${audiences('attended')},
        notes text
      )`);
    // A plan is delivered once per cohort; re-deliveries are make-ups, at most one a day.
    await db.query(`CREATE UNIQUE INDEX session_delivery_once ON session_delivery (cohort_id, session_plan_id) WHERE NOT make_up`);
    await db.query(
      `CREATE UNIQUE INDEX session_delivery_make_up_day ON session_delivery (cohort_id, session_plan_id, delivered_on) WHERE make_up`,
    );
    await db.query(`CREATE INDEX session_delivery_cohort ON session_delivery (cohort_id, session_number, delivered_on)`);
    await db.query(`CREATE INDEX session_delivery_date_order ON session_delivery (delivered_on, id)`);
    await db.query(`CREATE INDEX session_delivery_make_ups ON session_delivery (delivered_on, id) WHERE make_up`);
    await db.query(`CREATE INDEX session_delivery_plan ON session_delivery (session_plan_id)`);

    await db.query(`
      CREATE TABLE community_action_plan (${OWNED}, ${PLACE},
        cohort_id uuid NOT NULL UNIQUE REFERENCES cohort (id),
        title text NOT NULL CHECK (btrim(title) <> ''),
        adopted_on date NOT NULL
      )`);
    await db.query(`CREATE INDEX action_plan_adopted_order ON community_action_plan (adopted_on, id)`);
    await db.query(`CREATE INDEX action_plan_community ON community_action_plan (community_id, adopted_on, id)`);
    await db.query(`CREATE INDEX action_plan_country ON community_action_plan (country_code, adopted_on, id)`);
    await db.query(`CREATE INDEX action_plan_admin_prefix ON community_action_plan (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX action_plan_organisation ON community_action_plan (owner_org, adopted_on, id)`);

    await db.query(`
      CREATE TABLE planned_action (${OWNED},
        action_plan_id uuid NOT NULL REFERENCES community_action_plan (id),
        description text NOT NULL CHECK (btrim(description) <> ''),
        responsible_group text NOT NULL CHECK (btrim(responsible_group) <> ''),
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('NOT_STARTED','IN_PROGRESS','DONE','DROPPED')),
        done_on date,
        CHECK ((status = 'DONE') = (done_on IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX planned_action_same ON planned_action (action_plan_id, search_key(description))`);
    await db.query(`CREATE INDEX planned_action_plan ON planned_action (action_plan_id, due_on, id)`);

    await db.query(`
      CREATE TABLE social_mobilisation (${OWNED}, ${PLACE},
        cohort_id uuid NOT NULL REFERENCES cohort (id),
        held_on date NOT NULL,
        activity text NOT NULL CHECK (activity IN ('COMMUNITY_MEETING','INTER_VILLAGE_MEETING','THEATRE','RADIO_BROADCAST','HOME_VISITS')),
        reached_community_ids uuid[] NOT NULL CHECK (cardinality(reached_community_ids) BETWEEN 1 AND 20),
        ${headcount('reached')},
        notes text
      )`);
    await db.query(`CREATE UNIQUE INDEX social_mobilisation_same ON social_mobilisation (cohort_id, held_on, activity)`);
    await db.query(`CREATE INDEX social_mobilisation_held_order ON social_mobilisation (held_on, id)`);
    await db.query(`CREATE INDEX social_mobilisation_cohort ON social_mobilisation (cohort_id, held_on, id)`);
    await db.query(`CREATE INDEX social_mobilisation_reached ON social_mobilisation USING gin (reached_community_ids)`);
    await db.query(`CREATE INDEX social_mobilisation_country ON social_mobilisation (country_code, held_on, id)`);
    await db.query(`CREATE INDEX social_mobilisation_admin_prefix ON social_mobilisation (admin_pcode text_pattern_ops)`);

    await db.query(`
      CREATE TABLE staff_training (${OWNED},
        title text NOT NULL CHECK (btrim(title) <> ''),
        topics text[] NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        venue text,
        CHECK (ends_on >= starts_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX staff_training_same ON staff_training (owner_org, search_key(title), starts_on)`);
    await db.query(`CREATE INDEX staff_training_start_order ON staff_training (starts_on, id)`);
    await db.query(`CREATE INDEX staff_training_organisation ON staff_training (owner_org, starts_on, id)`);

    await db.query(`
      CREATE TABLE trainee_group (
        staff_training_id uuid NOT NULL REFERENCES staff_training (id) ON DELETE CASCADE,
        country_code char(2) NOT NULL,
        women integer NOT NULL CHECK (women >= 0),
        men integer NOT NULL CHECK (men >= 0),
        PRIMARY KEY (staff_training_id, country_code)
      )`);
    await db.query(`CREATE INDEX trainee_group_country ON trainee_group (country_code, staff_training_id)`);

    await db.query(`
      CREATE TABLE coaching_session (${OWNED},
        staff_training_id uuid NOT NULL REFERENCES staff_training (id),
        held_on date NOT NULL,
        mode text NOT NULL CHECK (mode IN ('IN_PERSON','REMOTE')),
        focus text NOT NULL CHECK (btrim(focus) <> ''),
        participants_coached integer NOT NULL CHECK (participants_coached >= 0)
      )`);
    await db.query(`CREATE UNIQUE INDEX coaching_session_same ON coaching_session (staff_training_id, held_on, search_key(focus))`);
    await db.query(`CREATE INDEX coaching_session_training ON coaching_session (staff_training_id, held_on, id)`);

    await db.query(`
      CREATE TABLE dialogue_process (${OWNED}, ${PLACE},
        staff_training_id uuid NOT NULL REFERENCES staff_training (id),
        topic text NOT NULL CHECK (btrim(topic) <> ''),
        started_on date NOT NULL,
        ended_on date,
        ${headcount('participants')},
        outcome text,
        CHECK (ended_on >= started_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX dialogue_process_same ON dialogue_process (staff_training_id, community_id, search_key(topic))`);
    await db.query(`CREATE INDEX dialogue_process_training ON dialogue_process (staff_training_id, started_on, id)`);
    await db.query(`CREATE INDEX dialogue_process_community ON dialogue_process (community_id)`);

    // Retried creates: one record per client mutation id and organisation.
    for (const table of [
      'module',
      'session_plan',
      'facilitator',
      'cohort',
      'session_delivery',
      'community_action_plan',
      'planned_action',
      'social_mobilisation',
      'staff_training',
      'coaching_session',
      'dialogue_process',
    ]) {
      await db.query(`CREATE UNIQUE INDEX ${table}_client_mutation ON ${table} (owner_org, client_mutation_id)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dialogue_process, coaching_session, trainee_group, staff_training, social_mobilisation,
      planned_action, community_action_plan, session_delivery, cohort, facilitator, session_plan, module, audit_log`);
    await db.query(`DROP FUNCTION search_key(text, text[])`);
    await db.query(`DROP FUNCTION search_key(text)`);
  }
}
