import type { Client } from 'pg';
import { withBenchDatabase } from './database';
import { addToReachRollupSql, REACH_ROLLUPS } from '../../subgraphs/curriculum/src/reach/reach-rollup';
import type { BenchVillages } from './data';
import { CURRICULUM_OWNER } from './organisations';

/** created_by of every generated row: what the cleanup below deletes. */
export const BENCH_WRITER = 'bench-generator';
const COHORT_KEY = 'bench:cohort:';
const MOBILISATION_KEY = 'bench:mobilisation:';

export interface GeneratedCohorts {
  /** Generated cohorts before this run. */
  before: number;
  inserted: number;
  /** Session deliveries written by this run (regular and make-up). */
  deliveriesInserted: number;
  /** Social mobilisations written by this run. */
  mobilisationsInserted: number;
  /** Generated cohorts, their deliveries and their mobilisations after this run. */
  cohorts: number;
  deliveries: number;
  mobilisations: number;
  ms: number;
}

const CELLS = ['female_children', 'female_youth', 'female_adults', 'male_children', 'male_youth', 'male_adults'] as const;
const AUDIENCES = ['men', 'women', 'adolescents_and_children', 'cmc_members', 'religious_leaders'] as const;

/**
 * Enrolment of cohort n, cell by cell (children are enrolled in a third of the cohorts), and by
 * audience, consistent with it: men and women are the youth and adults of each sex, adolescents and
 * children the children, and a few CMC members (adults) in every cohort.
 */
const ENROLLED: Record<(typeof CELLS)[number] | (typeof AUDIENCES)[number], string> = {
  female_children: '(CASE WHEN n % 3 = 0 THEN 1 + n % 4 ELSE 0 END)',
  female_youth: '(5 + n % 6)',
  female_adults: '(10 + n % 8)',
  male_children: '(CASE WHEN n % 3 = 0 THEN 1 + n % 3 ELSE 0 END)',
  male_youth: '(4 + n % 5)',
  male_adults: '(9 + n % 7)',
  men: '(4 + n % 5 + 9 + n % 7)',
  women: '(5 + n % 6 + 10 + n % 8)',
  adolescents_and_children: '(CASE WHEN n % 3 = 0 THEN 2 + n % 4 + n % 3 ELSE 0 END)',
  cmc_members: '(3 + n % 5)',
  religious_leaders: '0',
};

/**
 * Makes sure the curriculum holds `target` generated cohorts of the demo module ("Peace and Security",
 * 21 session plans), owned by the demo organisation (Jokko) and spread evenly over the generated
 * communities (cohort n in village ((n - 1) mod villages) + 1), with their session deliveries: 85 %
 * completed (every plan delivered weekly, plus a make-up for about 1 plan in 13), 5 % in progress, 5 %
 * suspended part-way and 5 % planned, which makes about 20 deliveries per cohort (200,000 for
 * 10,000). Each cohort is taught by the first demo facilitator who speaks its village's language, in
 * that language; where none does, by the first demo facilitator in their first language.
 *
 * One INSERT … SELECT statement for the cohorts and their deliveries (data-modifying CTEs), only for
 * cohorts missing: each carries clientMutationId `bench:cohort:<n>`, so a rerun inserts nothing and
 * the unique indexes with ON CONFLICT DO NOTHING make two runs at once safe. Every CHECK constraint
 * and unique index of the migration holds (places, status/date rules, once-per-plan deliveries,
 * make-ups on another day), and so do the services' rules that no constraint states: deliveries in
 * order from the start, none in the future, attendance at most the enrolment, facilitators of the
 * cohort and certified for the module. The same transaction adds the new cohorts and deliveries to
 * the reach rollups with the subgraph's own statement (reach_month and reach_day, as its writes keep them).
 * Then the started cohorts' social mobilisations (`ensureBenchMobilisations`), and VACUUM (ANALYZE).
 */
export async function ensureBenchCohorts(databaseUrl: string, villages: BenchVillages, target: number): Promise<GeneratedCohorts> {
  const started = Date.now();
  return withBenchDatabase(databaseUrl, async (client, count) => {
    const countCohorts = () =>
      count(`SELECT count(*) AS n FROM cohort WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [CURRICULUM_OWNER, `${COHORT_KEY}%`]);
    const before = await countCohorts();
    // The embedded PostgreSQL commits asynchronously; until a commit's WAL is flushed, VACUUM cannot mark
    // the new rows' pages all-visible, and the vacuum right after the insert would leave index-only
    // scans visiting every page. A synchronous commit for this session makes that vacuum effective.
    await client.query('SET synchronous_commit = on');
    let inserted = 0;
    let deliveriesInserted = 0;
    if (before < target) {
      if (villages.ids.length === 0) throw new Error('no generated communities to hold cohorts: set BENCH_COMMUNITIES above 0');
      const module = await client.query<{ id: string; plans: number }>(
        `SELECT m.id, (SELECT count(*)::int FROM session_plan p WHERE p.module_id = m.id) AS plans
         FROM module m WHERE m.owner_org = $1 AND m.client_mutation_id = 'demo:module'`,
        [CURRICULUM_OWNER],
      );
      const demo = module.rows[0];
      if (!demo || demo.plans === 0)
        throw new Error('the curriculum has no demo module with session plans: has its demo seed run (npm start loads it)?');
      const facilitators = await count(
        `SELECT count(*) AS n FROM facilitator WHERE owner_org = $1 AND certified_module_ids @> ARRAY[$2::uuid]`,
        [CURRICULUM_OWNER, demo.id],
      );
      if (facilitators === 0)
        throw new Error('the curriculum has no demo facilitator certified for the demo module: has its demo seed run?');

      const enrolled = [...CELLS, ...AUDIENCES].map((c) => `${ENROLLED[c]} AS enrolled_${c}`).join(', ');
      const cohortColumns = [...CELLS, ...AUDIENCES].map((c) => `enrolled_${c}`).join(', ');
      // Attendance about 70–95 % of enrolment, by session; half the class at a make-up; never above enrolment.
      const attended = (rate: string) => [...CELLS, ...AUDIENCES].map((c) => `floor(enrolled_${c} * ${rate})::int`).join(', ');
      const attendedColumns = [...CELLS, ...AUDIENCES].map((c) => `attended_${c}`).join(', ');
      const deliveryColumns = `owner_org, created_by, cohort_id, session_plan_id, session_number, delivered_on, make_up, facilitator_ids, ${attendedColumns}`;

      await client.query('BEGIN');
      const result = await client.query<{ cohorts: string; regular: string; make_ups: string; ids: string[] | null }>(
        `WITH village AS MATERIALIZED (
           SELECT v.community_id, v.admin_pcode, v.region_pcode, v.country_code, v.language_code, v.i::int AS i
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
             WITH ORDINALITY AS v(community_id, admin_pcode, region_pcode, country_code, language_code, i)
         ),
         certified AS MATERIALIZED (
           SELECT id, full_name, language_codes FROM facilitator WHERE owner_org = $7::uuid AND certified_module_ids @> ARRAY[$8::uuid]
         ),
         speaker AS MATERIALIZED (
           SELECT DISTINCT ON (l.code) l.code AS language_code, f.id
           FROM certified f CROSS JOIN LATERAL unnest(f.language_codes) AS l(code)
           ORDER BY l.code, f.full_name, f.id
         ),
         fallback AS MATERIALIZED (
           SELECT id, language_codes[1] AS language_code FROM certified ORDER BY full_name, id LIMIT 1
         ),
         plan AS MATERIALIZED (SELECT id, number FROM session_plan WHERE module_id = $8::uuid),
         shape AS MATERIALIZED (
           SELECT n,
                  CASE n % 20 WHEN 0 THEN 'PLANNED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'SUSPENDED' ELSE 'COMPLETED' END AS status,
                  CASE n % 20 WHEN 0 THEN 0 WHEN 1 THEN 1 + (n / 20 * 7) % ($9::int - 1) WHEN 2 THEN 1 + (n / 20 * 3) % 10 ELSE $9::int END AS delivered
           FROM generate_series(1, $6::int) AS n
           WHERE NOT EXISTS (SELECT 1 FROM cohort c WHERE c.owner_org = $7::uuid AND c.client_mutation_id = $10::text || n::text)
         ),
         spec AS MATERIALIZED (
           SELECT s.n, gen_random_uuid() AS id, s.status, s.delivered,
                  v.community_id, v.admin_pcode, v.region_pcode, v.country_code,
                  coalesce(sp.id, fb.id) AS facilitator_id,
                  CASE WHEN sp.id IS NULL THEN fb.language_code ELSE v.language_code END AS language_code,
                  CASE s.status
                    WHEN 'PLANNED' THEN NULL
                    WHEN 'IN_PROGRESS' THEN current_date - (7 * (s.delivered - 1) + 1 + s.n % 6)
                    WHEN 'SUSPENDED' THEN current_date - (7 * s.delivered + 14 + s.n % 30)
                    ELSE current_date - (180 + (s.n * 37) % 900)
                  END AS started_on,
                  ${enrolled}
           FROM shape s
           JOIN village v ON v.i = (s.n - 1) % $11::int + 1
           CROSS JOIN fallback fb
           LEFT JOIN speaker sp ON sp.language_code = v.language_code
         ),
         inserted AS (
           INSERT INTO cohort (id, owner_org, created_by, client_mutation_id, community_id, admin_pcode, region_pcode, country_code,
             name, module_id, language_code, facilitator_ids, audiences, ${cohortColumns},
             planned_start, planned_end, started_on, completed_on, status, suspended_reason, suspended_on)
           SELECT id, $7::uuid, $12::text, $10::text || n::text, community_id, admin_pcode, region_pcode, country_code,
             'Bench cohort ' || n::text, $8::uuid, language_code, ARRAY[facilitator_id],
             CASE WHEN enrolled_adolescents_and_children > 0 THEN ARRAY['MEN','WOMEN','ADOLESCENTS_AND_CHILDREN','CMC_MEMBERS']
                  ELSE ARRAY['MEN','WOMEN','CMC_MEMBERS'] END,
             ${cohortColumns},
             coalesce(started_on, current_date + 7 + n % 60),
             coalesce(started_on, current_date + 7 + n % 60) + 7 * ($9::int + 1),
             started_on,
             CASE WHEN status = 'COMPLETED' THEN started_on + 7 * ($9::int - 1) END,
             status,
             CASE WHEN status = 'SUSPENDED' THEN 'Paused for the harvest; sessions resume when participants are back' END,
             CASE WHEN status = 'SUSPENDED' THEN started_on + 7 * delivered - 3 END
           FROM spec
           -- In the order cohorts are planned, as the table would hold them: communities interleaved.
           ORDER BY coalesce(started_on, current_date + 7 + n % 60), n
           ON CONFLICT DO NOTHING
           RETURNING id
         ),
         delivery AS MATERIALIZED (
           SELECT s.*, p.id AS plan_id, p.number, s.started_on + 7 * (p.number - 1) AS delivered_on
           FROM spec s JOIN inserted USING (id) JOIN plan p ON p.number <= s.delivered
         ),
         regular AS (
           INSERT INTO session_delivery (${deliveryColumns})
           SELECT $7::uuid, $12::text, id, plan_id, number, delivered_on, false, ARRAY[facilitator_id],
                  ${attended('(ARRAY[0.95, 0.8, 0.85, 0.7, 0.9, 0.75])[number % 6 + 1]')}
           FROM delivery
           -- In the order sessions are recorded: a cohort's deliveries spread over the table, not side by side.
           ORDER BY delivered_on, n
           ON CONFLICT DO NOTHING
           RETURNING 1
         ),
         make_up AS (
           INSERT INTO session_delivery (${deliveryColumns})
           SELECT $7::uuid, $12::text, id, plan_id, number, delivered_on + 3, true, ARRAY[facilitator_id], ${attended('0.5')}
           FROM delivery
           WHERE status = 'COMPLETED' AND (number + n) % 13 = 0
           ORDER BY delivered_on, n
           ON CONFLICT DO NOTHING
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM inserted) AS cohorts, (SELECT count(*) FROM regular) AS regular, (SELECT count(*) FROM make_up) AS make_ups,
                (SELECT array_agg(id) FROM inserted) AS ids`,
        [
          villages.ids,
          villages.adminPcodes,
          villages.regionPcodes,
          villages.countryCodes,
          villages.languageCodes,
          target,
          CURRICULUM_OWNER,
          demo.id,
          demo.plans,
          COHORT_KEY,
          villages.ids.length,
          BENCH_WRITER,
        ],
      );
      const row = result.rows[0]!;
      inserted = Number(row.cohorts);
      deliveriesInserted = Number(row.regular) + Number(row.make_ups);
      // Only the cohorts this statement inserted (not those of a run at the same time), with their deliveries.
      for (const rollup of REACH_ROLLUPS) {
        await client.query(
          addToReachRollupSql(rollup, (source) => (source === 'mobilised' ? null : 'c.id = ANY($1::uuid[])')),
          [row.ids ?? []],
        );
      }
      await client.query('COMMIT');
    }
    const mobilisationsInserted = await ensureBenchMobilisations(client);
    if (inserted > 0 || mobilisationsInserted > 0) {
      // Fresh statistics, so that the planner sees 10,000 cohorts and 200,000 deliveries, not the demo's
      // handful; and a vacuum, so that index-only scans need not visit the new rows' pages (autovacuum
      // would get there later, in the middle of a measurement).
      for (const table of ['cohort', 'session_delivery', 'social_mobilisation', 'reach_month', 'reach_day'])
        await client.query(`VACUUM (ANALYZE) ${table}`);
    }
    const cohorts = await countCohorts();
    const deliveries = await count(`SELECT count(*) AS n FROM session_delivery WHERE owner_org = $1 AND created_by = $2`, [
      CURRICULUM_OWNER,
      BENCH_WRITER,
    ]);
    const mobilisations = await count(`SELECT count(*) AS n FROM social_mobilisation WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
      CURRICULUM_OWNER,
      `${MOBILISATION_KEY}%`,
    ]);
    return { before, inserted, deliveriesInserted, mobilisationsInserted, cohorts, deliveries, mobilisations, ms: Date.now() - started };
  });
}

const MOBILISATION_ACTIVITIES = ['COMMUNITY_MEETING', 'INTER_VILLAGE_MEETING', 'THEATRE', 'RADIO_BROADCAST', 'HOME_VISITS'];

/**
 * The generated cohorts' outreach, which curriculumReach counts as people reached: every cohort that
 * started holds 1 to 3 social mobilisations (`bench:mobilisation:<n>:<j>`), a fortnight apart from two
 * weeks after its start, none in the future, in its own community (copied place, as the service
 * copies it), 20 to 100 people reached by sex and age group, one activity of a kind a day (dates
 * differ). Only those missing are inserted, in date order; the same transaction adds exactly the
 * rows inserted to the reach rollups. About 18,000 for 10,000 cohorts.
 */
async function ensureBenchMobilisations(client: Client): Promise<number> {
  const reached = {
    female_children: '(n % 4)',
    female_youth: '(3 + n % 7)',
    female_adults: '(10 + (n * j) % 25)',
    male_children: '(j % 3)',
    male_youth: '(2 + (n + j) % 5)',
    male_adults: '(8 + (n + j) % 20)',
  };
  await client.query('BEGIN');
  const result = await client.query<{ ids: string[] | null }>(
    `WITH wanted AS MATERIALIZED (
       SELECT c.id AS cohort_id, c.community_id, c.admin_pcode, c.region_pcode, c.country_code, m.n, j,
              c.started_on + 14 * j + m.n % 5 AS held_on
       FROM cohort c
       CROSS JOIN LATERAL (SELECT substring(c.client_mutation_id FROM length($2::text) + 1)::int AS n) m
       CROSS JOIN LATERAL generate_series(1, 1 + m.n % 3) AS j
       WHERE c.owner_org = $1::uuid AND c.client_mutation_id LIKE $2::text || '%' AND c.started_on IS NOT NULL
         AND c.started_on + 14 * j + m.n % 5 <= current_date
         AND NOT EXISTS (SELECT 1 FROM social_mobilisation s WHERE s.owner_org = $1::uuid AND s.client_mutation_id = $3::text || m.n || ':' || j)
     ),
     inserted AS (
       INSERT INTO social_mobilisation (owner_org, created_by, client_mutation_id, community_id, admin_pcode, region_pcode, country_code,
         cohort_id, held_on, activity, reached_community_ids, ${Object.keys(reached)
           .map((cell) => `reached_${cell}`)
           .join(', ')})
       SELECT $1::uuid, $4::text, $3::text || n || ':' || j, community_id, admin_pcode, region_pcode, country_code,
         cohort_id, held_on, ($5::text[])[1 + (n + j) % 5], ARRAY[community_id], ${Object.values(reached).join(', ')}
       FROM wanted
       ORDER BY held_on, n, j
       ON CONFLICT DO NOTHING
       RETURNING id
     )
     SELECT array_agg(id) AS ids FROM inserted`,
    [CURRICULUM_OWNER, COHORT_KEY, MOBILISATION_KEY, BENCH_WRITER, MOBILISATION_ACTIVITIES],
  );
  const ids = result.rows[0]?.ids ?? [];
  for (const rollup of REACH_ROLLUPS) {
    await client.query(
      addToReachRollupSql(rollup, (source) => (source === 'mobilised' ? 'm.id = ANY($1::uuid[])' : null)),
      [ids],
    );
  }
  await client.query('COMMIT');
  return ids.length;
}
