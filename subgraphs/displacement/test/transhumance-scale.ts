/**
 * Not part of the suite: measures the transhumance indexes at scale on a throwaway database.
 * `npx tsx subgraphs/displacement/test/transhumance-scale.ts [postgres://postgres@127.0.0.1:5432/postgres]`
 * Generates 1,000,000 flow observations on 20 corridors over three years (with their weekly rollup, as
 * recordFlowObservations keeps it), 100,000 spots and 100,000 alerts, then prints each query's plan (to
 * show the GiST, covering and rollup indexes are used) and its time, and drops the database. Weekly flows
 * are measured both ways: summed over the observations (before the rollup) and as the subgraph answers
 * now, checking both give the same answer.
 */
import { dropDatabase, ensureDatabase, migrate, withDatabase } from '@peacegraph/kit/sql';
import { subgraphDataSource } from '@peacegraph/kit/server';
import { subgraph } from '../src/subgraph';
import { addBatchToFlowWeeks, weeklyFlows, weeklyFlowsStatement, type WeeklyFlowFilter } from '../src/flow/flow-weeks';
import { weeklyFlowsFromObservations } from './transhumance-flow-reference';

const SERVER = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'transhumance_scale';

async function main() {
  await dropDatabase(SERVER, DATABASE).catch(() => undefined);
  await ensureDatabase(SERVER, DATABASE);
  const { dataSource: db } = subgraphDataSource(subgraph, withDatabase(SERVER, DATABASE));
  await db.initialize();
  try {
    await migrate(db);
    const owner = '00000000-0000-4000-8000-000000000006';
    const timed = async (label: string, sql: string, params: unknown[] = []) => {
      const started = Date.now();
      await db.query(sql, params);
      console.log(`${label}: ${Date.now() - started} ms`);
    };
    // 20 straight corridors across the region, each with a vertex per km and 5 counting points.
    await timed(
      'corridors and vertices',
      `INSERT INTO transhumance_corridor (id, owner_org, created_by, name, formality, path, bounds, length_km, country_codes)
       SELECT ('00000000-0000-4000-c000-' || lpad(c::text, 12, '0'))::uuid, $1, 'scale', 'Corridor ' || c, 'FORMAL', '{}'::jsonb,
              box(point(-3 + c * 0.2, 13), point(-3 + c * 0.2, 15)), 222, '{BF}'
       FROM generate_series(1, 20) c`,
      [owner],
    );
    await db.query(
      `INSERT INTO transhumance_corridor_vertex (corridor_id, seq, latitude, longitude, km_from_start)
       SELECT c.id, s, 15 - s * 0.009, (c.bounds[0])[0], s * 1.0018 FROM transhumance_corridor c CROSS JOIN generate_series(0, 222) s`,
    );
    await db.query(
      `INSERT INTO counting_point (owner_org, created_by, name, latitude, longitude, admin_pcode, country_code, corridor_id, km_along, distance_from_path_km)
       SELECT $1, 'scale', 'Point ' || p, 15 - p * 0.4, (c.bounds[0])[0], 'BF5602', 'BF', c.id, p * 44.5, 0 FROM transhumance_corridor c CROSS JOIN generate_series(1, 4) p`,
      [owner],
    );
    const batch = '00000000-0000-4000-d000-000000000001';
    await db.query(`INSERT INTO flow_observation_batch (id, owner_org, created_by, observations) VALUES ($2, $1, 'scale', 1000000)`, [
      owner,
      batch,
    ]);
    await timed(
      '1,000,000 observations',
      `INSERT INTO flow_observation (batch_id, owner_org, created_by, counting_point_id, corridor_id, observed_at, direction, cattle, sheep, goats, camels, herders)
       SELECT '00000000-0000-4000-d000-000000000001', $1, 'scale', p.id, p.corridor_id, now() - (random() * 1095) * interval '1 day',
              CASE WHEN random() < 0.5 THEN 'FORWARD' ELSE 'BACKWARD' END, 1 + (random() * 200)::int, (random() * 300)::int, (random() * 100)::int, (random() * 5)::int, 1 + (random() * 8)::int
       FROM generate_series(1, 12500) g CROSS JOIN counting_point p`,
      [owner],
    );
    const rolledUp = Date.now();
    await addBatchToFlowWeeks(db.manager, batch);
    console.log(
      `weekly rollup (the statement recordFlowObservations runs per batch, here over one batch of all): ${Date.now() - rolledUp} ms`,
    );
    await timed(
      '100,000 spots',
      `INSERT INTO sensitive_spot (owner_org, created_by, name, kind, latitude, longitude, admin_pcode, country_code)
       SELECT $1, 'scale', 'Spot ' || g, 'WATER_POINT', 11 + random() * 4, -5 + random() * 7, 'BF5602', 'BF' FROM generate_series(1, 100000) g`,
      [owner],
    );
    await timed(
      '100,000 alerts',
      `INSERT INTO transhumance_alert (owner_org, created_by, kind, severity, raised_by, summary, admin_pcode, country_code, latitude, longitude, raised_at)
       SELECT $1, 'scale', 'EVENT', 'LOW', 'PARTNER', 'Alert ' || g, 'BF5602', 'BF', 11 + random() * 4, -5 + random() * 7, now() - random() * interval '700 days'
       FROM generate_series(1, 100000) g`,
      [owner],
    );
    await timed('VACUUM ANALYZE', `VACUUM ANALYZE`);

    const corridor = '00000000-0000-4000-c000-000000000005';
    const queries: [string, string, unknown[]][] = [
      [
        'spots within 10 km of a point',
        `SELECT id FROM sensitive_spot s WHERE earth_box(ll_to_earth(14, -0.03), 10000) @> ll_to_earth(s.latitude, s.longitude) AND earth_distance(ll_to_earth(14, -0.03), ll_to_earth(s.latitude, s.longitude)) <= 10000`,
        [],
      ],
      [
        'spots in a 0.2° box',
        `SELECT id FROM sensitive_spot s WHERE point(s.longitude, s.latitude) <@ box(point(-0.1, 14), point(0.1, 14.2))`,
        [],
      ],
      [
        'spots within 5 km of a corridor',
        `SELECT id FROM sensitive_spot s WHERE s.id IN (SELECT near.id FROM transhumance_corridor_vertex v JOIN sensitive_spot near
           ON earth_box(ll_to_earth(v.latitude, v.longitude), 5000) @> ll_to_earth(near.latitude, near.longitude)
          AND earth_distance(ll_to_earth(v.latitude, v.longitude), ll_to_earth(near.latitude, near.longitude)) <= 5000 WHERE v.corridor_id = $1)`,
        [corridor],
      ],
      [
        'alerts within 30 km of 50 communities (LATERAL)',
        `SELECT a.id, c.community_id FROM unnest($1::text[], $2::float8[], $3::float8[]) AS c(community_id, latitude, longitude)
         CROSS JOIN LATERAL (SELECT * FROM transhumance_alert a WHERE earth_box(ll_to_earth(c.latitude, c.longitude), 30000) @> ll_to_earth(a.latitude, a.longitude)
           AND earth_distance(ll_to_earth(c.latitude, c.longitude), ll_to_earth(a.latitude, a.longitude)) <= 30000 ORDER BY a.raised_at DESC, a.id DESC LIMIT 20) a`,
        [
          Array.from({ length: 50 }, (_, i) => `c${i}`),
          Array.from({ length: 50 }, (_, i) => 11.5 + i * 0.06),
          Array.from({ length: 50 }, (_, i) => -4 + i * 0.1),
        ],
      ],
    ];
    // As the bench asks: the last 365 days (cut weeks at both ends), for a partner that owns none of them.
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const viewer = '00000000-0000-4000-8000-000000000003';
    // The most days the observations must answer: Tuesday to Saturday, six cut days at each end.
    const weekday = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).getUTCDay();
    let tuesday = 365;
    while (weekday(tuesday) !== 2) tuesday--;
    let saturday = 0;
    while (weekday(saturday) !== 6) saturday++;
    for (const [label, corridors, from, to] of [
      ['one corridor', [corridor], day(365), day(0)],
      ['all 20 corridors', null, day(365), day(0)],
      ['all 20 corridors, Tuesday to Saturday', null, day(tuesday), day(saturday)],
    ] as const) {
      const filter: WeeklyFlowFilter = { corridors: corridors ? [...corridors] : null, from, to, direction: null };
      const before = weeklyFlowsFromObservations(filter, viewer);
      const after = weeklyFlowsStatement(filter, viewer);
      queries.unshift([`weekly flows, ${label}, one year, with the rollup`, after.sql, after.params]);
      queries.unshift([`weekly flows, ${label}, one year, summed over the observations (before)`, before.sql, before.params]);
      const same = JSON.stringify(await weeklyFlows(db, filter, viewer)) === JSON.stringify(await db.query(before.sql, before.params));
      console.log(`weekly flows, ${label}: the rollup gives the same answer as the observations: ${same}`);
    }
    for (const [label, sql, params] of queries) {
      const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as { 'QUERY PLAN': string }[];
      const lines = plan.map((r) => r['QUERY PLAN']);
      const scans = lines.filter((l) => /Scan|Index/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, ''));
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = process.hrtime.bigint();
        await db.query(sql, params);
        runs.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const median = runs.sort((x, y) => x - y)[2]!.toFixed(1);
      const shown = label.startsWith('weekly flows') ? lines : scans.slice(0, 6);
      console.log(
        `\n${label}\n  ${shown.join('\n  ')}\n  ${lines.find((l) => l.startsWith('Execution Time'))}; median of 5 runs: ${median} ms`,
      );
    }
  } finally {
    await db.destroy();
    await dropDatabase(SERVER, DATABASE);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
