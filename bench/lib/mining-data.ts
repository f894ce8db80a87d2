import { withBenchDatabase } from './database';
import { BENCH_WRITER } from './curriculum-data';
import type { BenchVillages } from './data';
import { MINING_OWNER } from './organisations';
import { refreshTrainingMonthsSql } from '../../subgraphs/mining/src/statistics/training-months.repository';

const SITE_KEY = 'bench:site:';
const TRAINING_KEY = 'bench:training:';

export interface GeneratedTrainings {
  before: number;
  inserted: number;
  sites: number;
  trainings: number;
  participantGroups: number;
  ms: number;
}

/**
 * Makes sure the mining subgraph holds `target` generated trainings owned by the West African Civil
 * Society Mining Forum, the approach of subgraphs/mining/src/seed/volume.ts (which the subgraph's volume
 * test loads) made idempotent: one gold site per bench village of the given villages (Mali, Burkina
 * Faso, Niger), trainings cycling over the sites (their community, admin areas and country copied as the
 * service copies them), on the demo's EMMMDA (the instrument with the most provisions the owner
 * recorded: two to four of its provisions each), given by the owner, started over the last ~three
 * years. Participants: nine trainings in ten by stakeholder group (community leaders, women — no men —,
 * youth, plus civil society one in four and community members one in five), the total being their sum;
 * one in ten counted only in a total (25). Every other training broken down by group has knowledge
 * tests on a 0–20 scale: three quarters of each group assessed, means before 6–10 and after 12–18.
 *
 * One statement (data-modifying CTEs) for the trainings and their groups, one for the sites, only for
 * what is missing (clientMutationId `bench:site:<n>`, `bench:training:<n>`), ON CONFLICT DO NOTHING,
 * then the subgraph's monthly rollup of the figures for those trainings (its own statement), committed
 * synchronously, then VACUUM (ANALYZE).
 */
export async function ensureBenchTrainings(databaseUrl: string, villages: BenchVillages, target: number): Promise<GeneratedTrainings> {
  const started = Date.now();
  return withBenchDatabase(databaseUrl, async (client, count) => {
    const countTrainings = () =>
      count(`SELECT count(*) AS n FROM mining_training WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
        MINING_OWNER,
        `${TRAINING_KEY}%`,
      ]);
    const before = await countTrainings();
    await client.query('SET synchronous_commit = on');
    let inserted = 0;
    if (before < target) {
      if (villages.ids.length === 0) throw new Error('no generated communities to hold mining sites: set BENCH_COMMUNITIES above 0');
      const instrument = await client.query<{ id: string; provisions: string[] }>(
        `SELECT i.id, array_agg(p.id ORDER BY p.article_number, p.article) AS provisions
         FROM legal_instrument i JOIN provision p ON p.instrument_id = i.id
         WHERE i.owner_org = $1 AND i.client_mutation_id LIKE 'demo:instrument:%'
         GROUP BY i.id ORDER BY count(*) DESC, i.id LIMIT 1`,
        [MINING_OWNER],
      );
      const demo = instrument.rows[0];
      if (!demo || demo.provisions.length < 4)
        throw new Error('the mining subgraph has no demo instrument with provisions: has its demo seed run (npm start loads it)?');
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO mining_site (owner_org, created_by, client_mutation_id, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, name, kind, minerals)
         SELECT $1::uuid, $2::text, $3::text || v.i, v.id, v.admin_pcode, v.region_pcode, v.admin_pcode, v.country_code, 'Bench gold site ' || v.i,
                (ARRAY['ARTISANAL', 'SMALL_SCALE'])[1 + v.i % 2], '{GOLD}'
         FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS v(id, admin_pcode, region_pcode, country_code, i)
         WHERE NOT EXISTS (SELECT 1 FROM mining_site x WHERE x.owner_org = $1::uuid AND x.client_mutation_id = $3::text || v.i)
         ON CONFLICT DO NOTHING`,
        [MINING_OWNER, BENCH_WRITER, SITE_KEY, villages.ids, villages.adminPcodes, villages.regionPcodes, villages.countryCodes],
      );
      const result = await client.query<{ trainings: string; groups: string }>(
        `WITH site AS MATERIALIZED (
           SELECT s.*, substr(s.client_mutation_id, length($3::text) + 1)::int AS k
           FROM mining_site s WHERE s.owner_org = $1::uuid AND s.client_mutation_id LIKE $3::text || '%'
         ),
         shape AS MATERIALIZED (
           SELECT n, n % 10 = 0 AS total_only, n % 10 <> 0 AND n % 2 = 0 AS tested
           FROM generate_series(1, $5::int) AS n
           WHERE NOT EXISTS (SELECT 1 FROM mining_training t WHERE t.owner_org = $1::uuid AND t.client_mutation_id = $4::text || n)
         ),
         grp AS MATERIALIZED (
           SELECT s.n, g.name, w.women, m.men, s.tested
           FROM shape s
           CROSS JOIN LATERAL (VALUES ('COMMUNITY_LEADERS', 1), ('WOMEN', 2), ('YOUTH', 3), ('CIVIL_SOCIETY', 4), ('COMMUNITY_MEMBERS', 5)) AS g(name, g)
           CROSS JOIN LATERAL (SELECT 1 + abs(hashtext('w' || s.n || g.name)) % 12 AS women) AS w
           CROSS JOIN LATERAL (SELECT CASE WHEN g.name = 'WOMEN' THEN 0 ELSE abs(hashtext('m' || s.n || g.name)) % 15 END AS men) AS m
           WHERE NOT s.total_only AND (g.g <= 3 OR (g.g = 4 AND s.n % 4 = 0) OR (g.g = 5 AND s.n % 5 = 0))
         ),
         spec AS MATERIALIZED (
           SELECT s.n, s.tested, gen_random_uuid() AS id, CASE WHEN s.total_only THEN 25 ELSE g.people END AS people,
                  current_date - (30 + (s.n * 7) % 1060) AS starts_on
           FROM shape s LEFT JOIN (SELECT n, sum(women + men)::int AS people FROM grp GROUP BY n) g USING (n)
         ),
         inserted AS (
           INSERT INTO mining_training (id, owner_org, created_by, client_mutation_id, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, site_id,
                                        instrument_id, provision_ids, title, kind, starts_on, ends_on, trainer_ids, ecpf_components, participants_total,
                                        score_scale_min, score_scale_max)
           SELECT t.id, $1::uuid, $2::text, $4::text || t.n, s.community_id, s.admin_pcode, s.admin1_pcode, s.admin2_pcode, s.country_code, s.id,
                  $6::uuid, ($7::uuid[])[1 + t.n % (cardinality($7::uuid[]) - 3) : 1 + t.n % (cardinality($7::uuid[]) - 3) + 1 + t.n % 3],
                  'Bench training ' || t.n, (ARRAY['TECHNICAL', 'ADVOCACY'])[1 + t.n % 2], t.starts_on, t.starts_on + t.n % 3, ARRAY[$1::uuid],
                  (ARRAY['{NATURAL_RESOURCE_GOVERNANCE}', '{NATURAL_RESOURCE_GOVERNANCE,EARLY_WARNING}', '{NATURAL_RESOURCE_GOVERNANCE,WOMEN_PEACE_AND_SECURITY}'])[1 + t.n % 3]::text[],
                  t.people, CASE WHEN t.tested THEN 0 END, CASE WHEN t.tested THEN 20 END
           FROM spec t JOIN site s ON s.k = (t.n - 1) % (SELECT count(*) FROM site) + 1
           ORDER BY t.starts_on, t.n
           ON CONFLICT DO NOTHING
           RETURNING id, client_mutation_id
         ),
         groups AS (
           INSERT INTO training_participant_group (training_id, stakeholder_group, women, men, assessed, mean_pre_score, mean_post_score)
           SELECT i.id, g.name, g.women, g.men,
                  CASE WHEN g.tested THEN greatest(1, (g.women + g.men) * 3 / 4) END,
                  CASE WHEN g.tested THEN 6 + abs(hashtext('pre' || g.n || g.name)) % 5 END,
                  CASE WHEN g.tested THEN 12 + abs(hashtext('post' || g.n || g.name)) % 7 END
           FROM inserted i JOIN grp g ON $4::text || g.n = i.client_mutation_id
           ON CONFLICT DO NOTHING
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM inserted) AS trainings, (SELECT count(*) FROM groups) AS groups`,
        [MINING_OWNER, BENCH_WRITER, SITE_KEY, TRAINING_KEY, target, demo.id, demo.provisions],
      );
      // The figures read the subgraph's monthly rollup: its own statement brings the months of these trainings up to date.
      const keys = `SELECT DISTINCT owner_org, country_code, kind, date_trunc('month', starts_on)::date FROM mining_training WHERE owner_org = $1 AND client_mutation_id LIKE $2`;
      for (const statement of refreshTrainingMonthsSql(keys)) await client.query(statement, [MINING_OWNER, `${TRAINING_KEY}%`]);
      await client.query('COMMIT');
      inserted = Number(result.rows[0]?.trainings ?? 0);
      for (const table of ['mining_site', 'mining_training', 'training_participant_group', 'training_month'])
        await client.query(`VACUUM (ANALYZE) ${table}`);
    }
    return {
      before,
      inserted,
      sites: await count(`SELECT count(*) AS n FROM mining_site WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
        MINING_OWNER,
        `${SITE_KEY}%`,
      ]),
      trainings: await countTrainings(),
      participantGroups: await count(
        `SELECT count(*) AS n FROM training_participant_group g JOIN mining_training t ON t.id = g.training_id WHERE t.owner_org = $1 AND t.client_mutation_id LIKE $2`,
        [MINING_OWNER, `${TRAINING_KEY}%`],
      ),
      ms: Date.now() - started,
    };
  });
}
