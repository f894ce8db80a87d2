import { withBenchDatabase } from './database';
import { BENCH_WRITER } from './curriculum-data';
import type { BenchVillages } from './data';
import { CONFLICTS_OWNER } from './organisations';
import { addToCaseFiguresSql } from '../../subgraphs/conflicts/src/statistics/case-figures.repository';

/** The countries where the generated cases happen: the Liptako-Gourma states of the demo. */
export const CASE_COUNTRIES = ['ML', 'BF', 'NE'] as const;
const COMMISSION_KEY = 'bench:commission:';
const CASE_KEY = 'bench:case:';

export interface GeneratedCases {
  /** Generated commissions and cases before this run. */
  commissionsBefore: number;
  before: number;
  commissionsInserted: number;
  inserted: number;
  /** Rows written with the cases: parties, status history, mediation sessions, referrals, resolutions, follow-ups. */
  recordsInserted: number;
  /** Generated commissions and cases after this run. */
  commissions: number;
  cases: number;
  /** Admin-2 areas that hold generated cases. */
  adminAreas: number;
  ms: number;
}

/** Every role, as the service stores a membership (roles with nobody count zero). */
const MEMBERSHIP = JSON.stringify([
  { role: 'CHAIR', women: 0, men: 1 },
  { role: 'VICE_CHAIR', women: 1, men: 0 },
  { role: 'SECRETARY', women: 0, men: 1 },
  { role: 'MEDIATOR', women: 2, men: 3 },
  { role: 'WOMENS_REPRESENTATIVE', women: 1, men: 0 },
  { role: 'YOUTH_REPRESENTATIVE', women: 1, men: 1 },
  { role: 'RELIGIOUS_LEADER', women: 0, men: 2 },
  { role: 'TRADITIONAL_LEADER', women: 0, men: 1 },
  { role: 'MEMBER', women: 2, men: 3 },
]);

/** Conflict types about as often as the demo's Liptako zone reports them (20 slots). */
const TYPES = [
  ...Array<string>(5).fill('FARMER_HERDER'),
  ...Array<string>(4).fill('LAND'),
  ...Array<string>(2).fill('WATER_AND_NATURAL_RESOURCES'),
  ...Array<string>(2).fill('LIVESTOCK_THEFT'),
  'INHERITANCE',
  'MARRIAGE_AND_FAMILY',
  'CHIEFTAINCY',
  'MINING',
  'RELIGIOUS',
  'POLITICAL',
  'OTHER',
];

const REFERRAL_BODIES = ['VILLAGE_CHIEF', 'MAYOR', 'LAND_COMMISSION', 'COURT', 'GENDARMERIE_POLICE', 'OTHER'];

/**
 * Makes sure the conflicts subgraph holds a Peace Commission for every generated community of Mali,
 * Burkina Faso and Niger (one per community, as the unique index wants) and `target` generated cases
 * spread evenly over those commissions, so over the three countries' 165 admin-2 areas (about 1,200
 * per area), all owned by the demo network (Sahel Peace Commissions Network). Case n gets, from a hash
 * of n: a type (the demo's Liptako mix), a level (family for inheritance and marriage, some
 * intercommunity ones naming a neighbouring commission's community), a report date from 2023 to three
 * months ago, a current status (10 % reported, 10 % under mediation, 8 % referred, 7 % unresolved,
 * 35 % resolved, 22 % follow-up held, 8 % relapsed) reached by the state machine's own path, a few
 * days to a few weeks apart, and what that path leaves behind: two or three pseudonymised parties, the
 * dated status history from the report on, a mediation session, the referral, the resolution and the
 * follow-up check. References follow the service's format and sequence per area and year, and the
 * sequence table is moved past them, so that a case reported later through the API gets the next one.
 *
 * Two statements (commissions; cases with every record under them, as data-modifying CTEs) and the
 * conflicts subgraph's rollup statement over the new cases in the cases' transaction, only for
 * what is missing: each row carries a clientMutationId `bench:commission:<community>` or
 * `bench:case:<n>`, so a rerun inserts nothing, and ON CONFLICT DO NOTHING on the unique indexes makes
 * two runs at once safe. Every CHECK constraint holds (status and resolution date, places,
 * intercommunity ⇔ other communities, referral body, mediators), then VACUUM (ANALYZE).
 */
export async function ensureBenchCases(databaseUrl: string, villages: BenchVillages, target: number): Promise<GeneratedCases> {
  const started = Date.now();
  return withBenchDatabase(databaseUrl, async (client, count) => {
    const countCommissions = () =>
      count(`SELECT count(*) AS n FROM peace_commission WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
        CONFLICTS_OWNER,
        `${COMMISSION_KEY}%`,
      ]);
    const countCases = () =>
      count(`SELECT count(*) AS n FROM conflict_case WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
        CONFLICTS_OWNER,
        `${CASE_KEY}%`,
      ]);
    const commissionsBefore = await countCommissions();
    const before = await countCases();
    // The embedded PostgreSQL commits asynchronously; until a commit's WAL is flushed, VACUUM cannot mark
    // the new rows' pages all-visible, and the vacuum right after the insert would leave index-only
    // scans visiting every page. A synchronous commit for this session makes that vacuum effective.
    await client.query('SET synchronous_commit = on');
    let commissionsInserted = 0;
    let inserted = 0;
    let recordsInserted = 0;

    if (target > 0 && commissionsBefore < villages.ids.length) {
      const result = await client.query(
        `INSERT INTO peace_commission (community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, management_committee,
           established_on, active, membership, client_mutation_id, owner_org, created_by)
         SELECT v.community_id, v.admin_pcode, v.region_pcode, v.admin_pcode, v.country_code,
                'Comité de gestion communautaire de ' || v.name,
                date '2018-01-01' + (v.i::int * 97) % 1500, true, $6::jsonb, $7::text || v.community_id::text, $8::uuid, $9::text
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
           WITH ORDINALITY AS v(community_id, name, admin_pcode, region_pcode, country_code, i)
         ON CONFLICT DO NOTHING`,
        [
          villages.ids,
          villages.names,
          villages.adminPcodes,
          villages.regionPcodes,
          villages.countryCodes,
          MEMBERSHIP,
          COMMISSION_KEY,
          CONFLICTS_OWNER,
          BENCH_WRITER,
        ],
      );
      commissionsInserted = result.rowCount ?? 0;
      await client.query('VACUUM (ANALYZE) peace_commission');
    }

    if (before < target) {
      const commissions = await countCommissions();
      if (commissions === 0)
        throw new Error(
          `no generated communities in ${CASE_COUNTRIES.join(', ')} to hold Peace Commissions: set BENCH_COMMUNITIES above 0`,
        );
      // Before the subgraph's migrations there is no rollup yet: the migration that creates it counts every case then.
      const hasRollup = (await client.query<{ exists: boolean }>(`SELECT to_regclass('case_figures') IS NOT NULL AS exists`)).rows[0]!
        .exists;
      // The cases and their figures commit together: statistics read the rollup, never the cases alone.
      await client.query('BEGIN');
      const result = await client.query<{ cases: string; records: string; ids: string[] | null }>(
        `WITH commission AS MATERIALIZED (
           SELECT id, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code,
                  row_number() OVER (ORDER BY admin_pcode, community_id)::int AS i,
                  coalesce(lead(community_id) OVER area, first_value(community_id) OVER area) AS neighbour
           FROM peace_commission
           WHERE owner_org = $2::uuid AND client_mutation_id LIKE $3::text || '%'
           WINDOW area AS (PARTITION BY admin_pcode ORDER BY community_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
         ),
         hashed AS MATERIALIZED (
           SELECT n, hashint4(n)::bigint + 2147483648 AS h
           FROM generate_series(1, $1::int) AS n
           WHERE NOT EXISTS (SELECT 1 FROM conflict_case c WHERE c.owner_org = $2::uuid AND c.client_mutation_id = $4::text || n::text)
         ),
         shape AS MATERIALIZED (
           SELECT n, h, t.type,
                  CASE WHEN h % 100 < 10 THEN 'REPORTED' WHEN h % 100 < 20 THEN 'UNDER_MEDIATION' WHEN h % 100 < 28 THEN 'REFERRED'
                       WHEN h % 100 < 35 THEN 'UNRESOLVED' WHEN h % 100 < 70 THEN 'RESOLVED' WHEN h % 100 < 92 THEN 'FOLLOW_UP_HELD'
                       ELSE 'RELAPSED' END AS status,
                  (3 + (h / 100) % 25)::int AS gap,
                  date '2023-01-01' + ((n::bigint * 7919) % ((current_date - 90) - date '2023-01-01'))::int AS reported_on,
                  ((h / 2500) % 5)::int AS level_roll,
                  CASE WHEN (h / 12500) % 4 = 0 THEN 3 ELSE 2 END AS parties
           FROM hashed, LATERAL (SELECT ($7::text[])[1 + ((h / 62500) % cardinality($7::text[]))::int] AS type) t
         ),
         spec AS MATERIALIZED (
           SELECT s.n, s.h, s.type, s.status, s.gap, s.reported_on, s.parties,
                  gen_random_uuid() AS id,
                  c.id AS commission_id, c.community_id, c.admin_pcode, c.admin1_pcode, c.admin2_pcode, c.country_code,
                  CASE
                    WHEN s.type IN ('INHERITANCE', 'MARRIAGE_AND_FAMILY') THEN 'FAMILY'
                    WHEN s.type IN ('LAND', 'FARMER_HERDER', 'WATER_AND_NATURAL_RESOURCES', 'LIVESTOCK_THEFT', 'MINING')
                         AND s.level_roll = 0 AND c.neighbour <> c.community_id THEN 'INTERCOMMUNITY'
                    WHEN s.type = 'LAND' AND s.level_roll IN (1, 2) THEN 'FAMILY'
                    ELSE 'COMMUNITY'
                  END AS level,
                  c.neighbour,
                  CASE s.status
                    WHEN 'REPORTED' THEN ARRAY['REPORTED']
                    WHEN 'UNDER_MEDIATION' THEN ARRAY['REPORTED', 'UNDER_MEDIATION']
                    WHEN 'REFERRED' THEN ARRAY['REPORTED', 'REFERRED']
                    WHEN 'UNRESOLVED' THEN ARRAY['REPORTED', 'UNDER_MEDIATION', 'UNRESOLVED']
                    WHEN 'RESOLVED' THEN ARRAY['REPORTED', 'UNDER_MEDIATION', 'RESOLVED']
                    WHEN 'FOLLOW_UP_HELD' THEN ARRAY['REPORTED', 'UNDER_MEDIATION', 'RESOLVED', 'FOLLOW_UP_HELD']
                    ELSE ARRAY['REPORTED', 'UNDER_MEDIATION', 'RESOLVED', 'RELAPSED']
                  END AS path
           FROM shape s JOIN commission c ON c.i = (s.n - 1) % $5::int + 1
         ),
         numbered AS MATERIALIZED (
           SELECT s.*, y.year,
                  coalesce(q.last_number, 0) + row_number() OVER (PARTITION BY s.admin_pcode, y.year ORDER BY s.n) AS sequence
           FROM spec s
           CROSS JOIN LATERAL (SELECT extract(year FROM s.reported_on)::int AS year) y
           LEFT JOIN case_reference_sequence q ON q.admin_pcode = s.admin_pcode AND q.year = y.year
         ),
         inserted AS (
           INSERT INTO conflict_case (id, reference, peace_commission_id, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code,
             level, other_community_ids, type, reported_on, status, status_since, resolved_on, ever_relapsed, narrative,
             client_mutation_id, owner_org, created_by, version)
           SELECT id, admin_pcode || '-' || year || '-' || CASE WHEN sequence < 10000 THEN lpad(sequence::text, 4, '0') ELSE sequence::text END,
                  commission_id, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code,
                  level, CASE WHEN level = 'INTERCOMMUNITY' THEN ARRAY[neighbour] ELSE '{}'::uuid[] END, type, reported_on, status,
                  reported_on + gap * (cardinality(path) - 1),
                  CASE WHEN status IN ('RESOLVED', 'FOLLOW_UP_HELD') THEN reported_on + gap * 2 END,
                  status = 'RELAPSED',
                  'Generated for the bench: a ' || lower(replace(type, '_', ' ')) || ' dispute brought to the commission.',
                  $4::text || n::text, $2::uuid, $6::text, cardinality(path)
           FROM numbered
           -- In the order cases come in, as the table would hold them: areas interleaved, not clustered.
           ORDER BY reported_on, n
           ON CONFLICT DO NOTHING
           RETURNING id
         ),
         fresh AS MATERIALIZED (SELECT s.* FROM spec s JOIN inserted USING (id)),
         -- Runs although nothing reads it, as every data-modifying CTE does.
         sequences AS (
           INSERT INTO case_reference_sequence (admin_pcode, year, last_number)
           SELECT admin_pcode, year, max(sequence) FROM numbered JOIN inserted USING (id) GROUP BY admin_pcode, year
           ON CONFLICT (admin_pcode, year) DO UPDATE SET last_number = greatest(case_reference_sequence.last_number, excluded.last_number)
         ),
         parties AS (
           INSERT INTO conflict_party (case_id, label, position, kind, sex, age_group, owner_org, created_by)
           SELECT f.id, 'Party ' || chr(65 + p), p,
                  CASE WHEN f.level = 'INTERCOMMUNITY' THEN 'GROUP' WHEN f.level = 'FAMILY' AND (f.h / 7 + p) % 3 = 0 THEN 'FAMILY'
                       WHEN f.level = 'FAMILY' THEN 'INDIVIDUAL' WHEN (f.h / 7 + p) % 2 = 0 THEN 'FAMILY' ELSE 'GROUP' END,
                  CASE WHEN f.level = 'FAMILY' AND (f.h / 7 + p) % 3 <> 0 THEN (ARRAY['FEMALE', 'MALE', 'MALE'])[1 + ((f.h / 11 + p) % 3)::int]
                       ELSE (ARRAY['MIXED', 'MIXED', 'MALE', 'FEMALE'])[1 + ((f.h / 11 + p) % 4)::int] END,
                  CASE WHEN f.level = 'FAMILY' AND (f.h / 7 + p) % 3 <> 0 THEN (ARRAY['YOUTH', 'ADULT', 'ADULT', 'ELDER'])[1 + ((f.h / 13 + p) % 4)::int]
                       ELSE (ARRAY['MIXED', 'YOUTH', 'ADULT'])[1 + ((f.h / 13 + p) % 3)::int] END,
                  $2::uuid, $6::text
           FROM fresh f, generate_series(0, f.parties - 1) AS p
           RETURNING 1
         ),
         history AS (
           INSERT INTO case_status_change (case_id, from_status, to_status, changed_on, owner_org, created_by)
           SELECT f.id, f.path[k - 1], f.path[k], f.reported_on + f.gap * (k - 1)::int, $2::uuid, $6::text
           FROM fresh f, generate_series(1, cardinality(f.path)) AS k
           RETURNING 1
         ),
         mediation AS (
           INSERT INTO mediation_session (case_id, held_on, mediators_women, mediators_men, attendance_women, attendance_men, outcome, owner_org, created_by)
           SELECT id, reported_on + gap + gap / 2, (h % 3)::int, 1 + (h % 3)::int, 1 + (h % 6)::int, 2 + (h % 9)::int,
                  CASE status WHEN 'UNDER_MEDIATION' THEN 'PROGRESS' WHEN 'UNRESOLVED' THEN 'NO_AGREEMENT' ELSE 'AGREEMENT_REACHED' END,
                  $2::uuid, $6::text
           FROM fresh WHERE path[2] = 'UNDER_MEDIATION'
           RETURNING 1
         ),
         referral AS (
           INSERT INTO referral (case_id, referred_to, referred_to_other, referred_on, reason, owner_org, created_by)
           SELECT id, body, CASE WHEN body = 'OTHER' THEN 'Livestock service' END, reported_on + gap,
                  'Generated for the bench: the parties asked for another body.', $2::uuid, $6::text
           FROM fresh, LATERAL (SELECT ($8::text[])[1 + (h % cardinality($8::text[]))::int] AS body) b
           WHERE status = 'REFERRED'
           RETURNING 1
         ),
         resolved AS (
           INSERT INTO resolution (case_id, outcome, reached_on, reached_through, terms_summary, owner_org, created_by)
           SELECT id,
                  CASE WHEN status = 'UNRESOLVED' THEN 'NO_AGREEMENT' WHEN h % 10 < 6 THEN 'FULL_AGREEMENT' WHEN h % 10 < 9 THEN 'PARTIAL_AGREEMENT' ELSE 'WITHDRAWN' END,
                  reported_on + gap * 2, 'MEDIATION',
                  CASE WHEN status <> 'UNRESOLVED' THEN 'Generated for the bench: the parties agreed before the commission.' END,
                  $2::uuid, $6::text
           FROM fresh WHERE cardinality(path) >= 3
           RETURNING id, case_id
         ),
         follow_up AS (
           INSERT INTO follow_up_check (case_id, resolution_id, due_on, held_on, finding, owner_org, created_by)
           SELECT f.id, r.id, f.reported_on + f.gap * 3, f.reported_on + f.gap * 3,
                  CASE f.status WHEN 'RELAPSED' THEN 'RELAPSED' ELSE 'HOLDING' END, $2::uuid, $6::text
           FROM fresh f JOIN resolved r ON r.case_id = f.id
           WHERE cardinality(f.path) = 4
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM inserted) AS cases,
                (SELECT count(*) FROM parties) + (SELECT count(*) FROM history) + (SELECT count(*) FROM mediation)
                  + (SELECT count(*) FROM referral) + (SELECT count(*) FROM resolved) + (SELECT count(*) FROM follow_up) AS records,
                (SELECT array_agg(id) FROM inserted) AS ids`,
        [target, CONFLICTS_OWNER, COMMISSION_KEY, CASE_KEY, commissions, BENCH_WRITER, TYPES, REFERRAL_BODIES],
      );
      inserted = Number(result.rows[0]!.cases);
      recordsInserted = Number(result.rows[0]!.records);
      // The subgraph's own rollup statement over the cases just inserted.
      if (hasRollup && result.rows[0]!.ids) await client.query(addToCaseFiguresSql('c.id = ANY($1::uuid[])'), [result.rows[0]!.ids]);
      await client.query('COMMIT');
      for (const table of [
        'conflict_case',
        'conflict_party',
        'case_status_change',
        'mediation_session',
        'referral',
        'resolution',
        'follow_up_check',
        ...(hasRollup ? ['case_figures'] : []),
      ]) {
        // Statistics for the planner, and the visibility map for index-only scans (see curriculum-data.ts).
        await client.query(`VACUUM (ANALYZE) ${table}`);
      }
    }
    const adminAreas = await count(
      `SELECT count(DISTINCT coalesce(admin2_pcode, admin1_pcode)) AS n FROM conflict_case WHERE owner_org = $1 AND client_mutation_id LIKE $2`,
      [CONFLICTS_OWNER, `${CASE_KEY}%`],
    );
    return {
      commissionsBefore,
      before,
      commissionsInserted,
      inserted,
      recordsInserted,
      commissions: await countCommissions(),
      cases: await countCases(),
      adminAreas,
      ms: Date.now() - started,
    };
  });
}
