/**
 * `npm run bench:registry`: how long the registry's usage questions take at a million operations a
 * day for 30 days — what a check asks before it fails or passes a breaking change.
 *
 * On its own database (`peacegraph_registry_bench`, created on the server of BENCH_REGISTRY_SERVER_URL,
 * else DATABASE_URL, else the embedded PostgreSQL of npm start on 54329), it writes 30 days of hourly
 * usage as gateways would report it: 400 operations, 12 client versions, 20 organisations, 1,000,000
 * operations a day in all. Then it times, three times each, the usage lookup of a breaking change to
 * a field every client reads and to one few read, the most used operations, and field counts. It
 * reports times; it is not a timed test.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createDataSource, ensureDatabase, migrate, withDatabase } from '@peacegraph/kit/sql';
import { LATENCY_BUCKETS_MS } from '@peacegraph/kit/usage';
import { REGISTRY_MIGRATIONS } from '../registry/src/database';
import { coordinateCounts, hourlySeries, operationTotals, operationsUsing, topOperations } from '../registry/src/store/usage';
import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import { composeSdls, readSupergraphConfig } from '@peacegraph/kit/composition';
import { runCheck } from '../registry/src/checks/run-check';
import { apiFieldsOf } from '../registry/src/console/api-fields';
import { subgraphSdl } from '../registry/src/checks/subgraph-sdl';
import { insertCheck } from '../registry/src/store/checks';
import { findComposition, insertComposition, insertLaunch, liveLaunch, liveMembers } from '../registry/src/store/compositions';
import { saveSubgraph } from '../registry/src/store/subgraphs';
import { insertVersion } from '../registry/src/store/versions';

const DAYS = 30;
const PER_DAY = 1_000_000;
const OPERATIONS = 400;
const CLIENTS = 12;
const ORGANISATIONS = 20;
const DATABASE = 'peacegraph_registry_bench';

async function main(): Promise<void> {
  const server =
    process.env.BENCH_REGISTRY_SERVER_URL ??
    process.env.DATABASE_URL ??
    `postgres://postgres@127.0.0.1:${process.env.PEACEGRAPH_PG_PORT ?? 54329}/postgres`;
  await ensureDatabase(server, DATABASE);
  const url = withDatabase(server, DATABASE);
  const { dataSource } = createDataSource({ url, entities: [], migrations: REGISTRY_MIGRATIONS, timeouts: { statementMs: 600_000 } });
  await dataSource.initialize();
  await migrate(dataSource);
  const rows = await generate(url);
  await launchRepositorySubgraphs(dataSource);
  console.log(`usage: ${rows.toLocaleString('en')} hourly rows, ${(DAYS * PER_DAY).toLocaleString('en')} operations over ${DAYS} days`);

  const timed = async (what: string, run: () => Promise<unknown>) => {
    const times: number[] = [];
    let answer: unknown;
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      answer = await run();
      times.push(performance.now() - started);
    }
    console.log(`${what.padEnd(58)} ${times.map((t) => `${t.toFixed(0)} ms`).join('  ')}  (${describe(answer)})`);
  };
  await timed('check: operations using Query.community (every client)', () => operationsUsing(dataSource, ['Query.community'], DAYS));
  await timed('check: operations using Cohort.field7 (few clients)', () => operationsUsing(dataSource, ['Cohort.field7'], DAYS));
  await timed('check: a type removed (Cohort: every field)', () => operationsUsing(dataSource, ['Cohort'], DAYS));
  await timed('console: 50 most used operations, 30 days', () => topOperations(dataSource, DAYS, null, 50));
  await timed('console: counts of 40 fields, 30 days', () =>
    coordinateCounts(
      dataSource,
      Array.from({ length: 40 }, (_, i) => `Cohort.field${i}`),
      DAYS,
    ),
  );
  // usageSummary's two statements: up to 48 hours both read hourly rows; beyond, the totals daily ones.
  await timed('console: usage summary, 24 hours', () =>
    Promise.all([operationTotals(dataSource, 24, null), hourlySeries(dataSource, 24, null)]),
  );
  await timed('console: usage summary, 30 days', () =>
    Promise.all([operationTotals(dataSource, DAYS * 24, null), hourlySeries(dataSource, DAYS * 24, null)]),
  );
  await timed('console: its hourly series alone, 30 days', () => hourlySeries(dataSource, DAYS * 24, null));
  await timed('console: usage summary of one organisation, 30 days', () =>
    Promise.all([
      operationTotals(dataSource, DAYS * 24, '00000000-0000-4000-8000-000000000007'),
      hourlySeries(dataSource, DAYS * 24, '00000000-0000-4000-8000-000000000007'),
    ]),
  );
  const live = (await findComposition(dataSource, (await liveLaunch(dataSource))!.compositionId))!;
  const fields = apiFieldsOf(live.supergraphSdl).map((f) => f.coordinate);
  await timed(`console: schemaFields' counts of all ${fields.length} fields, 30 days`, () => coordinateCounts(dataSource, fields, DAYS));
  await timed('check: curriculum without Cohort.name, six subgraphs live', async () => {
    const sdl = fs.readFileSync('subgraphs/curriculum/schema.graphql', 'utf8').replace(/\n\s+name: String!\n/, '\n');
    return (
      await runCheck(dataSource, {
        subgraph: 'curriculum',
        sdl,
        routingUrl: 'http://localhost:4002/graphql',
        usageDays: DAYS,
        live: await liveMembers(dataSource),
      })
    ).findings;
  });
  await dataSource.destroy();
}

/** The six subgraphs of the repository as the live composition, launched once (no subgraph is asked). */
async function launchRepositorySubgraphs(dataSource: DataSource): Promise<void> {
  if (await liveLaunch(dataSource)) return;
  const actor = { subject: 'bench', organisationId: null, admin: true, ip: null, requestId: null };
  const config = await readSupergraphConfig('supergraph.yaml');
  const services = config.subgraphs.map((s) => ({ name: s.name, url: s.routingUrl, own: fs.readFileSync(s.schemaFile, 'utf8') }));
  const composed = composeSdls(
    services.map((s) => ({ name: s.name, url: s.url, sdl: (subgraphSdl(s.name, s.own) as { text: string }).text })),
  );
  if (!composed.ok) throw new Error('the repository does not compose');
  const members = [];
  for (const s of services) {
    await saveSubgraph(dataSource, { name: s.name, routingUrl: s.url, ownerOrganisationId: null }, 'bench');
    const check = await insertCheck(
      dataSource,
      {
        subgraph: s.name,
        sdl: s.own,
        hash: '',
        routingUrl: s.url,
        baseCompositionId: null,
        usageDays: DAYS,
        passed: true,
        composed: true,
        findings: [],
        changes: [],
        supergraphSdl: null,
        purpose: 'PUBLISH',
      },
      actor,
    );
    const version = await insertVersion(
      dataSource,
      {
        subgraph: s.name,
        sdl: s.own,
        hash: '',
        routingUrl: s.url,
        state: 'LAUNCHED',
        stateReason: null,
        checkId: check.id,
        message: 'bench',
      },
      actor,
    );
    members.push({ subgraph: s.name, versionId: version.id, routingUrl: s.url });
  }
  const composition = await insertComposition(dataSource, { supergraphSdl: composed.supergraphSdl, hash: '', members }, actor);
  await insertLaunch(dataSource, { compositionId: composition.id, reason: 'PUBLISH', versionId: null, message: 'bench' }, actor);
}

function describe(answer: unknown): string {
  if (Array.isArray(answer) && answer.length && typeof answer[0] === 'object' && answer[0] && 'kind' in answer[0])
    return `${answer.filter((f: { severity: string }) => f.severity === 'ERROR').length} errors`;
  if (answer instanceof Map) return `${[...answer.values()].reduce((n, list: unknown[]) => n + list.length, 0)} entries`;
  if (Array.isArray(answer)) return `${answer.length} rows`;
  return '';
}

/**
 * Operation n reads Query.community and Community.name; n % 40 picks which Cohort.field<k> it reads
 * too, and only operations with n % 97 == 0 read Cohort.field7 (a rarely used field). Each operation is
 * run by 3 of the 12 client versions and 2 of the 20 organisations every hour.
 */
async function generate(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const existing = (await client.query(`SELECT count(*)::int AS n FROM usage_hour`)).rows as { n: number }[];
    if (existing[0]!.n > 0) return existing[0]!.n;
    const buckets = LATENCY_BUCKETS_MS.length + 1;
    await client.query(`
      INSERT INTO operation (signature, name, document, first_seen, last_seen)
      SELECT encode(sha256(('op' || g)::bytea), 'hex'), 'Operation' || g, 'query Operation' || g || ' { community(id: "") { name } }',
        date_trunc('hour', now()) - interval '${DAYS} days', date_trunc('hour', now())
      FROM generate_series(1, ${OPERATIONS}) AS g`);
    await client.query(`
      INSERT INTO operation_coordinate (coordinate, signature)
      SELECT c, encode(sha256(('op' || g)::bytea), 'hex') FROM generate_series(1, ${OPERATIONS}) AS g,
        LATERAL unnest(ARRAY['Query.community', 'Community.name', 'Cohort.field' || (g % 40)]
          || CASE WHEN g % 5 = 0 THEN ARRAY['Cohort.name'] ELSE ARRAY[]::text[] END
          || CASE WHEN g % 97 = 0 THEN ARRAY['Cohort.field7'] ELSE ARRAY[]::text[] END) AS c
      ON CONFLICT DO NOTHING`);
    // 1,000,000 a day over 400 operations × 3 clients × 2 organisations × 24 hours.
    const perRow = Math.round(PER_DAY / (OPERATIONS * 3 * 2 * 24));
    const latency = `ARRAY[${Array.from({ length: buckets }, (_, i) => (i === 2 ? perRow : 0)).join(',')}]::bigint[]`;
    for (let day = 0; day < DAYS; day += 1) {
      await client.query(`
        INSERT INTO usage_hour (signature, hour, client_name, client_version, organisation_id, count, errors, total_ms, latency)
        SELECT encode(sha256(('op' || g)::bytea), 'hex'), date_trunc('hour', now()) - make_interval(days => ${day}, hours => h),
          'client-' || ((g + c) % ${CLIENTS / 2}), '1.' || ((g + c) % 2), '00000000-0000-4000-8000-0000000' || lpad(((g + o) % ${ORGANISATIONS})::text, 5, '0'),
          ${perRow}, 0, ${perRow * 20}, ${latency}
        FROM generate_series(1, ${OPERATIONS}) AS g, generate_series(0, 23) AS h, generate_series(0, 2) AS c, generate_series(0, 1) AS o
        ON CONFLICT DO NOTHING`);
    }
    const sums = Array.from({ length: buckets }, (_, i) => `sum(latency[${i + 1}])::bigint`).join(', ');
    // The registry adds each report to both; generated rows are added up once here.
    await client.query(`
      INSERT INTO usage_day (signature, day, client_name, client_version, organisation_id, count, errors, total_ms, latency)
      SELECT signature, (hour AT TIME ZONE 'UTC')::date, client_name, client_version, organisation_id, sum(count), sum(errors), sum(total_ms), ARRAY[${sums}]
      FROM usage_hour GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO NOTHING`);
    await client.query('ANALYZE');
    return Number((await client.query(`SELECT count(*)::int AS n FROM usage_hour`)).rows[0].n);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
