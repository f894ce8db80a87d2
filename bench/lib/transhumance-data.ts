import { withBenchDatabase } from './database';
import { BENCH_WRITER } from './curriculum-data';
import { DISPLACEMENT_OWNER } from './organisations';
import { addToFlowWeeksSql } from '../../subgraphs/displacement/src/flow/flow-weeks';

const BATCH_KEY = 'bench:flows:';
/** Observations per generated batch, as a counting team's upload of a few days would hold. */
const PER_BATCH = 1000;

export interface GeneratedFlows {
  before: number;
  inserted: number;
  observations: number;
  corridors: number;
  countingPoints: number;
  ms: number;
}

/**
 * Makes sure the displacement subgraph holds `target` generated herd flow observations owned by the
 * Liptako-Gourma Mobility Agency, on the counting points of its demo corridors (npm start loads them),
 * over the three years up to two weeks ago, so that the early-action rules, which look at the last
 * days, are not fed by generated herds. The flows follow the Sahel's calendar as counting teams see
 * it: most herds go south (the descent) from October to January and north (the return) from April to
 * July, few move in between, with herd sizes and species mixes from a hash of the observation's
 * number: mostly cattle with sheep and goats, camels on one observation in eight, 1 to 6 herders.
 *
 * Set-based SQL, in one transaction: one statement for the batches, then, for the batches that have
 * no observations yet, one for their observations (written in batch order, so by time, as they would
 * have arrived) and one adding those observations to the weekly rollup `flow_week`, as
 * recordFlowObservations does in its transaction. Only what is missing is written (batches carry the
 * clientMutationId `bench:flows:<n>`; ON CONFLICT DO NOTHING on its unique index), so the rollup counts
 * each generated observation once however often this runs. Then VACUUM (ANALYZE) so the planner knows
 * the tables and the edges of the weekly-flows query can be index-only scans.
 */
export async function ensureBenchFlows(databaseUrl: string, target: number): Promise<GeneratedFlows> {
  const started = Date.now();
  return withBenchDatabase(databaseUrl, async (client, count) => {
    const generated = () =>
      count(
        `SELECT coalesce(sum(b.observations), 0) AS n FROM flow_observation_batch b WHERE b.owner_org = $1 AND b.client_mutation_id LIKE $2`,
        [DISPLACEMENT_OWNER, `${BATCH_KEY}%`],
      );
    const points = await client.query<{ id: string; corridor_id: string }>(
      `SELECT p.id, p.corridor_id FROM counting_point p JOIN transhumance_corridor c ON c.id = p.corridor_id
       WHERE c.owner_org = $1 ORDER BY c.name, p.km_along`,
      [DISPLACEMENT_OWNER],
    );
    if (points.rows.length === 0)
      throw new Error('the displacement subgraph has no counting points: has its demo seed run (npm start loads it)?');
    const before = await generated();
    const batches = Math.ceil(target / PER_BATCH);
    let inserted = 0;
    if (before < batches * PER_BATCH) {
      await client.query('SET synchronous_commit = on');
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO flow_observation_batch (owner_org, created_by, client_mutation_id, observations, created_at)
         SELECT $1::uuid, $2::text, $3::text || b, $4::int, now() - interval '14 days' - (($5::int - b) * interval '3 years' / $5::int)
         FROM generate_series(1, $5::int) AS b
         ON CONFLICT DO NOTHING`,
        [DISPLACEMENT_OWNER, BENCH_WRITER, BATCH_KEY, PER_BATCH, batches],
      );
      // The generated batches still without observations: the only ones written below and rolled up.
      const missing = (
        await client.query<{ id: string }>(
          `SELECT b.id FROM flow_observation_batch b
           WHERE b.owner_org = $1::uuid AND b.client_mutation_id LIKE $2::text || '%'
             AND NOT EXISTS (SELECT 1 FROM flow_observation o WHERE o.batch_id = b.id)`,
          [DISPLACEMENT_OWNER, BATCH_KEY],
        )
      ).rows.map((b) => b.id);
      const result = await client.query(
        `WITH batch AS MATERIALIZED (
           SELECT b.id, substr(b.client_mutation_id, length($3::text) + 1)::int AS k
           FROM flow_observation_batch b WHERE b.id = ANY($8::uuid[])
         ),
         point AS MATERIALIZED (
           SELECT p.id, p.corridor_id, row_number() OVER (ORDER BY p.id) - 1 AS i FROM counting_point p WHERE p.id = ANY($4::uuid[])
         ),
         obs AS MATERIALIZED (
           SELECT b.id AS batch_id, (b.k - 1) * $5::int + j AS n,
                  now() - interval '14 days' - ((($6::bigint - ((b.k - 1) * $5::int + j)) * interval '3 years') / $6::bigint) AS observed_at
           FROM batch b CROSS JOIN generate_series(1, $5::int) AS j
         ),
         shaped AS (
           SELECT o.*, extract(month FROM o.observed_at)::int AS month, abs(hashtext('flow' || o.n)) AS h
           FROM obs o
         )
         INSERT INTO flow_observation (batch_id, owner_org, created_by, counting_point_id, corridor_id, observed_at, direction,
                                       cattle, sheep, goats, camels, herders)
         SELECT s.batch_id, $1::uuid, $2::text, p.id, p.corridor_id, s.observed_at,
                CASE WHEN s.month IN (10, 11, 12, 1) THEN 'FORWARD'
                     WHEN s.month IN (4, 5, 6, 7) THEN 'BACKWARD'
                     WHEN s.h % 2 = 0 THEN 'FORWARD' ELSE 'BACKWARD' END,
                10 + s.h % 190, s.h % 7 * 20, s.h % 5 * 15, CASE WHEN s.h % 8 = 0 THEN 1 + s.h % 12 ELSE 0 END, 1 + s.h % 6
         FROM shaped s JOIN point p ON p.i = s.h % $7::int
         ORDER BY s.observed_at`,
        [
          DISPLACEMENT_OWNER,
          BENCH_WRITER,
          BATCH_KEY,
          points.rows.map((p) => p.id),
          PER_BATCH,
          batches * PER_BATCH,
          points.rows.length,
          missing,
        ],
      );
      inserted = result.rowCount ?? 0;
      // The subgraph's own rollup statement, over these batches at once.
      await client.query(addToFlowWeeksSql('batch_id = ANY($1::uuid[])'), [missing]);
      await client.query('COMMIT');
      await client.query('VACUUM (ANALYZE) flow_observation_batch');
      await client.query('VACUUM (ANALYZE) flow_observation');
      await client.query('VACUUM (ANALYZE) flow_week');
    }
    return {
      before,
      inserted,
      observations: await generated(),
      corridors: new Set(points.rows.map((p) => p.corridor_id)).size,
      countingPoints: points.rows.length,
      ms: Date.now() - started,
    };
  });
}
