import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OWNED_RECORD_SQL } from '@peacegraph/kit/writes';
import {
  AWARENESS_SESSION_KINDS,
  DISPLACEMENT_SEXES,
  REINTEGRATION_AGE_GROUPS,
  REINTEGRATION_ASSISTANCE_KINDS,
  REINTEGRATION_CATEGORIES,
  REINTEGRATION_PROGRAMME_KINDS,
  REINTEGRATION_STATUSES,
  sqlValues,
} from '../common/displacement-values';
import { loadIdmcFigures } from '../reference/idmc-figures';

/** Columns of every record a partner writes. */
const OWNED = OWNED_RECORD_SQL;

const TABLES = ['displacement_report', 'reintegration_programme', 'reintegration_case', 'awareness_session'];

/**
 * Displacement reports, IDMC national figures, reintegration programmes and cases, awareness sessions.
 * Foreign entities are keys only, with where they lie (region, country) copied at write time, so that
 * "this area and below" is a P-code prefix on a text_pattern_ops index and figures group by level. Every
 * uniqueness rule the services check first is also an index, which closes the race between two writes.
 */
export class Displacement1765000000001 implements MigrationInterface {
  name = 'Displacement1765000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE displacement_report (${OWNED},
        admin_pcode text NOT NULL,
        admin_level smallint NOT NULL CHECK (admin_level IN (1, 2)),
        admin1_pcode text NOT NULL,
        country_code char(2) NOT NULL,
        round_number integer NOT NULL CHECK (round_number > 0),
        round_name text,
        data_date date NOT NULL,
        idp_individuals integer NOT NULL CHECK (idp_individuals >= 0),
        idp_households integer NOT NULL CHECK (idp_households >= 0 AND idp_households <= idp_individuals),
        returnee_individuals integer CHECK (returnee_individuals >= 0),
        returnee_households integer CHECK (returnee_households >= 0 AND returnee_households <= returnee_individuals),
        idps_by_sex_and_age jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(idps_by_sex_and_age) = 'array'),
        reasons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reasons) = 'array'),
        origins jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(origins) = 'array'),
        CHECK (admin_pcode LIKE admin1_pcode || '%'),
        CHECK (admin1_pcode LIKE country_code || '%'),
        CHECK ((returnee_households IS NULL) OR (returnee_individuals IS NOT NULL))
      )`);
    // One report per area and round for an organisation: a second is a duplicate, or an update.
    await db.query(`CREATE UNIQUE INDEX displacement_report_round ON displacement_report (owner_org, admin_pcode, round_number)`);
    await db.query(`CREATE INDEX displacement_report_date_order ON displacement_report (data_date, id)`);
    await db.query(`CREATE INDEX displacement_report_admin_prefix ON displacement_report (admin_pcode text_pattern_ops, data_date)`);
    await db.query(`CREATE INDEX displacement_report_round_number ON displacement_report (round_number, data_date, id)`);
    await db.query(`CREATE INDEX displacement_report_organisation ON displacement_report (owner_org, data_date, id)`);

    await db.query(`
      CREATE TABLE idmc_displacement_figure (
        country_code char(2) NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        iso3 char(3) NOT NULL,
        new_displacements integer CHECK (new_displacements >= 0),
        new_displacements_rounded integer CHECK (new_displacements_rounded >= 0),
        total_idps integer CHECK (total_idps >= 0),
        total_idps_rounded integer CHECK (total_idps_rounded >= 0),
        PRIMARY KEY (country_code, year)
      )`);

    await db.query(`
      CREATE TABLE reintegration_programme (${OWNED},
        code text NOT NULL CHECK (code ~ '^[A-Z0-9]{2,8}$'),
        kind text NOT NULL CHECK (kind IN (${sqlValues(REINTEGRATION_PROGRAMME_KINDS)})),
        name text NOT NULL CHECK (btrim(name) <> ''),
        admin_pcodes text[] NOT NULL CHECK (cardinality(admin_pcodes) > 0),
        area_keys text[] GENERATED ALWAYS AS (pcode_prefixes(admin_pcodes)) STORED,
        starts_on date NOT NULL,
        ends_on date,
        last_case_number integer NOT NULL DEFAULT 0 CHECK (last_case_number >= 0),
        CHECK (ends_on >= starts_on)
      )`);
    // Codes start beneficiaries' codes, which must never collide across the platform.
    await db.query(`CREATE UNIQUE INDEX reintegration_programme_code ON reintegration_programme (code)`);
    await db.query(`CREATE INDEX reintegration_programme_start_order ON reintegration_programme (starts_on, id)`);
    await db.query(`CREATE INDEX reintegration_programme_kind ON reintegration_programme (kind, starts_on, id)`);
    await db.query(`CREATE INDEX reintegration_programme_organisation ON reintegration_programme (owner_org, starts_on, id)`);
    // Areas the programme covers (an area above the one asked for), and every prefix of them (one inside it).
    await db.query(`CREATE INDEX reintegration_programme_areas ON reintegration_programme USING gin (admin_pcodes)`);
    await db.query(`CREATE INDEX reintegration_programme_area_keys ON reintegration_programme USING gin (area_keys)`);

    await db.query(`
      CREATE TABLE reintegration_case (${OWNED},
        programme_id uuid NOT NULL REFERENCES reintegration_programme (id),
        beneficiary_code text NOT NULL CHECK (beneficiary_code ~ '^[A-Z0-9]{2,8}-[0-9]{4,8}$'),
        category text NOT NULL CHECK (category IN (${sqlValues(REINTEGRATION_CATEGORIES)})),
        sex text NOT NULL CHECK (sex IN (${sqlValues(DISPLACEMENT_SEXES)})),
        age_group text NOT NULL CHECK (age_group IN (${sqlValues(REINTEGRATION_AGE_GROUPS)})),
        admin_pcode text NOT NULL,
        admin1_pcode text NOT NULL,
        country_code char(2) NOT NULL,
        community_id uuid,
        registered_on date NOT NULL,
        status text NOT NULL CHECK (status IN (${sqlValues(REINTEGRATION_STATUSES)})),
        status_since date NOT NULL,
        CHECK (admin_pcode LIKE admin1_pcode || '%' AND admin_pcode <> admin1_pcode),
        CHECK (status_since >= registered_on),
        CHECK (category <> 'FORMER_COMBATANT' OR age_group NOT IN ('UNDER_15', 'AGE_15_17'))
      )`);
    await db.query(`CREATE UNIQUE INDEX reintegration_case_code ON reintegration_case (beneficiary_code)`);
    await db.query(`CREATE INDEX reintegration_case_owner_order ON reintegration_case (owner_org, registered_on, id)`);
    await db.query(`CREATE INDEX reintegration_case_programme ON reintegration_case (programme_id, registered_on, id)`);
    await db.query(`CREATE INDEX reintegration_case_admin_prefix ON reintegration_case (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX reintegration_case_status ON reintegration_case (owner_org, status, registered_on, id)`);
    await db.query(`CREATE INDEX reintegration_case_category ON reintegration_case (owner_org, category, registered_on, id)`);

    await db.query(`
      CREATE TABLE reintegration_assistance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES reintegration_case (id),
        owner_org uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN (${sqlValues(REINTEGRATION_ASSISTANCE_KINDS)})),
        started_on date NOT NULL,
        ended_on date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (ended_on >= started_on)
      )`);
    await db.query(`CREATE INDEX reintegration_assistance_case ON reintegration_assistance (case_id, started_on, id)`);

    await db.query(`
      CREATE TABLE awareness_session (${OWNED},
        kind text NOT NULL CHECK (kind IN (${sqlValues(AWARENESS_SESSION_KINDS)})),
        community_id uuid NOT NULL,
        admin_pcode text NOT NULL,
        admin1_pcode text NOT NULL,
        admin2_pcode text,
        country_code char(2) NOT NULL,
        held_on date NOT NULL,
        participants jsonb NOT NULL CHECK (jsonb_typeof(participants) = 'array'),
        participants_total integer NOT NULL CHECK (participants_total > 0),
        topics text[] NOT NULL DEFAULT '{}',
        facilitator_ids uuid[] NOT NULL CHECK (cardinality(facilitator_ids) BETWEEN 1 AND 10),
        CHECK (admin_pcode LIKE admin1_pcode || '%'),
        CHECK (admin2_pcode IS NULL OR admin_pcode LIKE admin2_pcode || '%')
      )`);
    await db.query(`CREATE UNIQUE INDEX awareness_session_same ON awareness_session (owner_org, community_id, kind, held_on)`);
    await db.query(`CREATE INDEX awareness_session_held_order ON awareness_session (held_on, id)`);
    await db.query(`CREATE INDEX awareness_session_community ON awareness_session (community_id, held_on, id)`);
    await db.query(`CREATE INDEX awareness_session_admin_prefix ON awareness_session (admin_pcode text_pattern_ops, held_on)`);
    await db.query(`CREATE INDEX awareness_session_kind ON awareness_session (kind, held_on, id)`);
    await db.query(`CREATE INDEX awareness_session_organisation ON awareness_session (owner_org, held_on, id)`);
    await db.query(`CREATE INDEX awareness_session_facilitators ON awareness_session USING gin (facilitator_ids)`);

    // Retried creates: one record per client mutation id and organisation.
    for (const table of TABLES) {
      await db.query(`CREATE UNIQUE INDEX ${table}_client_mutation ON ${table} (owner_org, client_mutation_id)`);
    }
    await loadIdmcFigures(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE awareness_session, reintegration_assistance, reintegration_case, reintegration_programme, idmc_displacement_figure, displacement_report`,
    );
  }
}
