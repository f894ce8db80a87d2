import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OWNED_RECORD_SQL } from '@peacegraph/kit/writes';
import {
  ALERT_KINDS,
  ALERT_RAISERS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALERT_TRIGGERS,
  CORRIDOR_FORMALITIES,
  FLOW_DIRECTIONS,
  RECIPIENT_KINDS,
  SPOT_KINDS,
  sqlValues,
} from '../common/transhumance-values';

/** Columns of every record a partner writes. */
const OWNED = OWNED_RECORD_SQL;

/** A point on the earth, with the country extent checked by the service. */
const POINT = `
  latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180)`;

const HEADS = `
  cattle integer NOT NULL DEFAULT 0 CHECK (cattle >= 0),
  sheep integer NOT NULL DEFAULT 0 CHECK (sheep >= 0),
  goats integer NOT NULL DEFAULT 0 CHECK (goats >= 0),
  camels integer NOT NULL DEFAULT 0 CHECK (camels >= 0)`;

/**
 * Two GiST indexes on a table's point: `ll_to_earth` for "within r km" (earth_box prefilter, refined
 * by earth_distance) and a planar `point(longitude, latitude)` for "inside this latitude/longitude box".
 */
function pointIndexes(table: string): string[] {
  return [
    `CREATE INDEX ${table}_earth ON ${table} USING gist (ll_to_earth(latitude, longitude))`,
    `CREATE INDEX ${table}_point ON ${table} USING gist (point(longitude, latitude))`,
  ];
}

/**
 * Transhumance: corridors with their season calendar and densified path, sensitive spots, counting
 * points, herd flow observations (written in batches) and early-action alerts with their history.
 * Geography without PostGIS: cube/earthdistance points with GiST indexes, a `box` of each corridor's
 * bounds, and a vertex about every kilometre along each corridor with its distance from the start, so
 * that "near the corridor" and "how far along it" are index lookups.
 */
export class Transhumance1765000000002 implements MigrationInterface {
  name = 'Transhumance1765000000002';

  async up(db: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE transhumance_corridor (${OWNED},
        name text NOT NULL CHECK (btrim(name) <> ''),
        formality text NOT NULL CHECK (formality IN (${sqlValues(CORRIDOR_FORMALITIES)})),
        legal_basis text,
        path jsonb NOT NULL,
        bounds box NOT NULL,
        length_km double precision NOT NULL CHECK (length_km > 0),
        country_codes text[] NOT NULL CHECK (cardinality(country_codes) > 0),
        admin_pcodes text[] NOT NULL DEFAULT '{}',
        area_keys text[] GENERATED ALWAYS AS (pcode_prefixes(admin_pcodes)) STORED,
        season jsonb NOT NULL DEFAULT '[]',
        early_action jsonb NOT NULL DEFAULT '{}',
        notes text
      )`,
      `CREATE UNIQUE INDEX transhumance_corridor_name ON transhumance_corridor (owner_org, search_key(name))`,
      `CREATE UNIQUE INDEX transhumance_corridor_client_mutation ON transhumance_corridor (owner_org, client_mutation_id)`,
      `CREATE INDEX transhumance_corridor_order ON transhumance_corridor (name, id)`,
      `CREATE INDEX transhumance_corridor_bounds ON transhumance_corridor USING gist (bounds)`,
      `CREATE INDEX transhumance_corridor_countries ON transhumance_corridor USING gin (country_codes)`,
      `CREATE INDEX transhumance_corridor_areas ON transhumance_corridor USING gin (area_keys)`,
      `CREATE INDEX transhumance_corridor_search ON transhumance_corridor USING gin (search_key(name) gin_trgm_ops)`,

      `CREATE TABLE transhumance_corridor_vertex (
        corridor_id uuid NOT NULL REFERENCES transhumance_corridor (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        ${POINT},
        km_from_start double precision NOT NULL,
        PRIMARY KEY (corridor_id, seq)
      )`,
      ...pointIndexes('transhumance_corridor_vertex'),

      `CREATE TABLE sensitive_spot (${OWNED},
        name text NOT NULL CHECK (btrim(name) <> ''),
        kind text NOT NULL CHECK (kind IN (${sqlValues(SPOT_KINDS)})),
        ${POINT},
        admin_pcode text NOT NULL,
        country_code char(2) NOT NULL CHECK (admin_pcode LIKE country_code || '%'),
        corridor_id uuid REFERENCES transhumance_corridor (id),
        km_along double precision,
        distance_from_path_km double precision,
        notes text,
        CHECK ((corridor_id IS NULL) = (km_along IS NULL))
      )`,
      `CREATE UNIQUE INDEX sensitive_spot_name ON sensitive_spot (owner_org, admin_pcode, search_key(name))`,
      `CREATE UNIQUE INDEX sensitive_spot_client_mutation ON sensitive_spot (owner_org, client_mutation_id)`,
      `CREATE INDEX sensitive_spot_order ON sensitive_spot (name, id)`,
      `CREATE INDEX sensitive_spot_corridor ON sensitive_spot (corridor_id, km_along) WHERE corridor_id IS NOT NULL`,
      `CREATE INDEX sensitive_spot_area ON sensitive_spot (admin_pcode text_pattern_ops)`,
      `CREATE INDEX sensitive_spot_kind ON sensitive_spot (kind)`,
      ...pointIndexes('sensitive_spot'),

      `CREATE TABLE counting_point (${OWNED},
        name text NOT NULL CHECK (btrim(name) <> ''),
        ${POINT},
        admin_pcode text NOT NULL,
        country_code char(2) NOT NULL CHECK (admin_pcode LIKE country_code || '%'),
        corridor_id uuid NOT NULL REFERENCES transhumance_corridor (id),
        km_along double precision NOT NULL,
        distance_from_path_km double precision NOT NULL
      )`,
      `CREATE UNIQUE INDEX counting_point_name ON counting_point (corridor_id, search_key(name))`,
      `CREATE UNIQUE INDEX counting_point_client_mutation ON counting_point (owner_org, client_mutation_id)`,
      `CREATE INDEX counting_point_order ON counting_point (name, id)`,
      `CREATE INDEX counting_point_corridor ON counting_point (corridor_id, km_along)`,
      `CREATE INDEX counting_point_area ON counting_point (admin_pcode text_pattern_ops)`,
      ...pointIndexes('counting_point'),

      // A batch is what one request recorded: the unit of retry (clientMutationId) and of the audit row.
      `CREATE TABLE flow_observation_batch (${OWNED},
        observations integer NOT NULL CHECK (observations > 0)
      )`,
      `CREATE UNIQUE INDEX flow_observation_batch_client_mutation ON flow_observation_batch (owner_org, client_mutation_id)`,

      `CREATE TABLE flow_observation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES flow_observation_batch (id),
        owner_org uuid NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        counting_point_id uuid NOT NULL REFERENCES counting_point (id),
        corridor_id uuid NOT NULL REFERENCES transhumance_corridor (id),
        observed_at timestamptz NOT NULL,
        direction text NOT NULL CHECK (direction IN (${sqlValues(FLOW_DIRECTIONS)})),
        ${HEADS},
        herders integer NOT NULL DEFAULT 0 CHECK (herders >= 0),
        origin_pcode text,
        destination_pcode text,
        CHECK (cattle + sheep + goats + camels > 0)
      )`,
      // Weekly flows by corridor read only this index (an index-only scan over the period asked).
      `CREATE INDEX flow_observation_corridor_time ON flow_observation (corridor_id, observed_at)
         INCLUDE (direction, cattle, sheep, goats, camels, herders, owner_org)`,
      `CREATE INDEX flow_observation_point_time ON flow_observation (counting_point_id, observed_at)`,
      `CREATE INDEX flow_observation_order ON flow_observation (observed_at, id)`,
      `CREATE INDEX flow_observation_of_batch ON flow_observation (batch_id)`,

      // Weekly flows kept up to date in the transaction that records a batch, so that a year of every
      // corridor reads some thousand rows instead of half the observations. The owner stays in the key:
      // herders are exact only where every observation counted is the caller's.
      `CREATE TABLE flow_week (
        corridor_id uuid NOT NULL REFERENCES transhumance_corridor (id),
        week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
        direction text NOT NULL CHECK (direction IN (${sqlValues(FLOW_DIRECTIONS)})),
        owner_org uuid NOT NULL,
        observations integer NOT NULL CHECK (observations > 0),
        cattle bigint NOT NULL,
        sheep bigint NOT NULL,
        goats bigint NOT NULL,
        camels bigint NOT NULL,
        herders bigint NOT NULL,
        PRIMARY KEY (corridor_id, week_start, direction, owner_org)
      )`,
      // The primary key serves chosen corridors; this serves every corridor over a range of weeks.
      `CREATE INDEX flow_week_weeks ON flow_week (week_start, corridor_id)`,

      `CREATE TABLE transhumance_alert (${OWNED},
        kind text NOT NULL CHECK (kind IN (${sqlValues(ALERT_KINDS)})),
        trigger text CHECK (trigger IN (${sqlValues(ALERT_TRIGGERS)})),
        status text NOT NULL DEFAULT 'RAISED' CHECK (status IN (${sqlValues(ALERT_STATUSES)})),
        severity text NOT NULL CHECK (severity IN (${sqlValues(ALERT_SEVERITIES)})),
        raised_by text NOT NULL CHECK (raised_by IN (${sqlValues(ALERT_RAISERS)})),
        summary text,
        spot_id uuid REFERENCES sensitive_spot (id),
        corridor_id uuid REFERENCES transhumance_corridor (id),
        admin_pcode text,
        country_code char(2),
        latitude double precision,
        longitude double precision,
        direction text CHECK (direction IN (${sqlValues(FLOW_DIRECTIONS)})),
        expected_arrival timestamptz,
        ${HEADS},
        tlu double precision NOT NULL DEFAULT 0,
        reasoning text,
        evidence jsonb,
        rule_key text,
        raised_at timestamptz NOT NULL DEFAULT now(),
        verified_at timestamptz,
        disseminated_at timestamptz,
        response_at timestamptz,
        response text,
        responded_by text,
        closed_at timestamptz,
        dismissed boolean NOT NULL DEFAULT false,
        close_reason text,
        CHECK (spot_id IS NOT NULL OR admin_pcode IS NOT NULL),
        CHECK ((kind = 'PREVENTION') = (trigger IS NOT NULL)),
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CHECK (raised_by = 'PARTNER' OR rule_key IS NOT NULL)
      )`,
      `CREATE UNIQUE INDEX transhumance_alert_client_mutation ON transhumance_alert (owner_org, client_mutation_id)`,
      `CREATE INDEX transhumance_alert_order ON transhumance_alert (raised_at, id)`,
      `CREATE INDEX transhumance_alert_status ON transhumance_alert (status, raised_at)`,
      `CREATE INDEX transhumance_alert_spot ON transhumance_alert (spot_id) WHERE spot_id IS NOT NULL`,
      `CREATE INDEX transhumance_alert_corridor ON transhumance_alert (corridor_id, raised_at) WHERE corridor_id IS NOT NULL`,
      `CREATE INDEX transhumance_alert_area ON transhumance_alert (admin_pcode text_pattern_ops) WHERE admin_pcode IS NOT NULL`,
      `CREATE INDEX transhumance_alert_open_rule ON transhumance_alert (rule_key, expected_arrival) WHERE rule_key IS NOT NULL AND status <> 'CLOSED'`,
      ...pointIndexes('transhumance_alert'),

      `CREATE TABLE transhumance_alert_recipient (
        alert_id uuid NOT NULL REFERENCES transhumance_alert (id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN (${sqlValues(RECIPIENT_KINDS)})),
        name text NOT NULL CHECK (btrim(name) <> ''),
        organisation_id uuid,
        disseminated_at timestamptz NOT NULL,
        PRIMARY KEY (alert_id, position)
      )`,
      `CREATE INDEX transhumance_alert_recipient_organisation ON transhumance_alert_recipient (organisation_id, disseminated_at) WHERE organisation_id IS NOT NULL`,

      `CREATE TABLE transhumance_alert_transition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL REFERENCES transhumance_alert (id) ON DELETE CASCADE,
        owner_org uuid NOT NULL,
        from_status text CHECK (from_status IN (${sqlValues(ALERT_STATUSES)})),
        to_status text NOT NULL CHECK (to_status IN (${sqlValues(ALERT_STATUSES)})),
        at timestamptz NOT NULL,
        actor text NOT NULL,
        actor_org uuid,
        note text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX transhumance_alert_transition_alert ON transhumance_alert_transition (alert_id, at)`,
    ];
    for (const statement of statements) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'transhumance_alert_transition',
      'transhumance_alert_recipient',
      'transhumance_alert',
      'flow_week',
      'flow_observation',
      'flow_observation_batch',
      'counting_point',
      'sensitive_spot',
      'transhumance_corridor_vertex',
      'transhumance_corridor',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
