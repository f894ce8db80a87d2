import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_SQL } from '@peacegraph/kit/audit';

/**
 * The conflicts subgraph's first schema. Foreign entities are keys only: community ids and the P-codes
 * and country copied from the directory at write time, so "in this area and below" is a P-code prefix
 * (text_pattern_ops indexes) and no table of the directory is needed here. Every list filter and keyset
 * order has an index; every record partners write carries owner_org and created_by. CHECK constraints
 * repeat the services' rules, so that no code path can store a case the rules would refuse.
 */
export class Initial1763900000000 implements MigrationInterface {
  name = 'Initial1763900000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_SQL) await db.query(statement);

    await db.query(`
      CREATE TABLE peace_commission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL,
        admin_pcode text NOT NULL,
        admin1_pcode text NOT NULL,
        admin2_pcode text,
        country_code char(2) NOT NULL,
        management_committee text NOT NULL CHECK (btrim(management_committee) <> ''),
        established_on date NOT NULL,
        active boolean NOT NULL DEFAULT true,
        membership jsonb NOT NULL CHECK (jsonb_typeof(membership) = 'array'),
        client_mutation_id text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (admin_pcode LIKE admin1_pcode || '%')
      )`);
    // One commission per community; the service checks first for a clear error, the index closes the race.
    await db.query(`CREATE UNIQUE INDEX peace_commission_community ON peace_commission (community_id)`);
    await db.query(`CREATE UNIQUE INDEX peace_commission_client_mutation ON peace_commission (owner_org, client_mutation_id)`);
    await db.query(`CREATE INDEX peace_commission_order ON peace_commission (admin_pcode, id)`);
    await db.query(`CREATE INDEX peace_commission_admin_prefix ON peace_commission (admin_pcode text_pattern_ops)`);
    await db.query(`CREATE INDEX peace_commission_country ON peace_commission (country_code, admin_pcode, id)`);
    await db.query(`CREATE INDEX peace_commission_active ON peace_commission (active, admin_pcode, id)`);

    await db.query(`
      CREATE TABLE conflict_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        peace_commission_id uuid NOT NULL REFERENCES peace_commission (id),
        community_id uuid NOT NULL,
        admin_pcode text NOT NULL,
        admin1_pcode text NOT NULL,
        admin2_pcode text,
        country_code char(2) NOT NULL,
        level text NOT NULL CHECK (level IN ('FAMILY', 'COMMUNITY', 'INTERCOMMUNITY')),
        other_community_ids uuid[] NOT NULL DEFAULT '{}',
        type text NOT NULL CHECK (type IN ('LAND', 'FARMER_HERDER', 'WATER_AND_NATURAL_RESOURCES', 'INHERITANCE',
          'MARRIAGE_AND_FAMILY', 'CHIEFTAINCY', 'MINING', 'LIVESTOCK_THEFT', 'RELIGIOUS', 'POLITICAL', 'OTHER')),
        reported_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('REPORTED', 'UNDER_MEDIATION', 'REFERRED', 'UNRESOLVED', 'RESOLVED',
          'FOLLOW_UP_HELD', 'RELAPSED')),
        status_since date NOT NULL,
        resolved_on date,
        ever_relapsed boolean NOT NULL DEFAULT false,
        narrative text,
        client_mutation_id text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (admin_pcode LIKE admin1_pcode || '%'),
        CHECK (status_since >= reported_on),
        CHECK ((level = 'INTERCOMMUNITY') = (cardinality(other_community_ids) > 0)),
        CHECK ((status IN ('RESOLVED', 'FOLLOW_UP_HELD')) = (resolved_on IS NOT NULL)),
        CHECK (resolved_on >= reported_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX conflict_case_client_mutation ON conflict_case (owner_org, client_mutation_id)`);
    // Lists are newest first, (reported_on, id) descending; each filter leads its own index in that order.
    await db.query(`CREATE INDEX conflict_case_order ON conflict_case (reported_on, id)`);
    await db.query(`CREATE INDEX conflict_case_status ON conflict_case (status, reported_on, id)`);
    await db.query(`CREATE INDEX conflict_case_type ON conflict_case (type, reported_on, id)`);
    await db.query(`CREATE INDEX conflict_case_level ON conflict_case (level, reported_on, id)`);
    await db.query(`CREATE INDEX conflict_case_community ON conflict_case (community_id, reported_on, id)`);
    await db.query(`CREATE INDEX conflict_case_commission ON conflict_case (peace_commission_id, reported_on, id)`);
    await db.query(`CREATE INDEX conflict_case_country ON conflict_case (country_code, reported_on, id)`);
    await db.query(`CREATE INDEX conflict_case_admin_prefix ON conflict_case (admin_pcode text_pattern_ops)`);

    // The last sequence number given per admin area and year; the row lock serialises two reports.
    await db.query(`
      CREATE TABLE case_reference_sequence (
        admin_pcode text NOT NULL,
        year smallint NOT NULL,
        last_number integer NOT NULL CHECK (last_number > 0),
        PRIMARY KEY (admin_pcode, year)
      )`);

    await db.query(`
      CREATE TABLE conflict_party (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES conflict_case (id),
        label text NOT NULL,
        position smallint NOT NULL CHECK (position >= 0),
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL', 'FAMILY', 'GROUP', 'INSTITUTION')),
        sex text NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'MIXED', 'NOT_APPLICABLE')),
        age_group text NOT NULL CHECK (age_group IN ('CHILD', 'YOUTH', 'ADULT', 'ELDER', 'MIXED', 'NOT_APPLICABLE')),
        name text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (case_id, position)
      )`);

    await db.query(`
      CREATE TABLE case_status_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES conflict_case (id),
        from_status text,
        to_status text NOT NULL,
        changed_on date NOT NULL,
        note text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX case_status_change_case ON case_status_change (case_id, changed_on, created_at)`);

    await db.query(`
      CREATE TABLE mediation_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES conflict_case (id),
        held_on date NOT NULL,
        mediators_women smallint NOT NULL CHECK (mediators_women >= 0),
        mediators_men smallint NOT NULL CHECK (mediators_men >= 0),
        attendance_women smallint NOT NULL CHECK (attendance_women >= 0),
        attendance_men smallint NOT NULL CHECK (attendance_men >= 0),
        outcome text NOT NULL CHECK (outcome IN ('PROGRESS', 'ADJOURNED', 'AGREEMENT_REACHED', 'NO_AGREEMENT')),
        notes text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (mediators_women + mediators_men > 0)
      )`);
    await db.query(`CREATE INDEX mediation_session_case ON mediation_session (case_id, held_on)`);

    await db.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES conflict_case (id),
        referred_to text NOT NULL CHECK (referred_to IN ('VILLAGE_CHIEF', 'MAYOR', 'LAND_COMMISSION', 'COURT',
          'GENDARMERIE_POLICE', 'OTHER')),
        referred_to_other text,
        referred_on date NOT NULL,
        reason text,
        feedback_on date,
        feedback text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((referred_to = 'OTHER') = (referred_to_other IS NOT NULL)),
        CHECK ((feedback IS NULL) = (feedback_on IS NULL)),
        CHECK (feedback_on >= referred_on)
      )`);
    await db.query(`CREATE INDEX referral_case ON referral (case_id, referred_on)`);

    await db.query(`
      CREATE TABLE resolution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES conflict_case (id),
        outcome text NOT NULL CHECK (outcome IN ('FULL_AGREEMENT', 'PARTIAL_AGREEMENT', 'NO_AGREEMENT', 'WITHDRAWN')),
        reached_on date NOT NULL,
        reached_through text NOT NULL CHECK (reached_through IN ('MEDIATION', 'REFERRAL')),
        terms_summary text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX resolution_case ON resolution (case_id, reached_on)`);

    await db.query(`
      CREATE TABLE follow_up_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES conflict_case (id),
        resolution_id uuid NOT NULL REFERENCES resolution (id),
        due_on date,
        held_on date,
        finding text CHECK (finding IN ('HOLDING', 'RELAPSED')),
        notes text,
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((held_on IS NULL) = (finding IS NULL)),
        CHECK (due_on IS NOT NULL OR held_on IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX follow_up_check_case ON follow_up_check (case_id, due_on)`);
    await db.query(`CREATE INDEX follow_up_check_resolution ON follow_up_check (resolution_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE follow_up_check, resolution, referral, mediation_session, case_status_change, conflict_party,
        case_reference_sequence, conflict_case, peace_commission, audit_log`,
    );
  }
}
