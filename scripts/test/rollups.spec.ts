import { subgraphTestDatabase, type TestDatabase } from '@peacegraph/kit/testing';
import { subgraph as conflicts } from '../../subgraphs/conflicts/src/subgraph';
import { subgraph as curriculum } from '../../subgraphs/curriculum/src/subgraph';
import { subgraph as displacement } from '../../subgraphs/displacement/src/subgraph';
import { subgraph as mining } from '../../subgraphs/mining/src/subgraph';
import { ConflictCaseSchema } from '../../subgraphs/conflicts/src/conflict-case/conflict-case.entity';
import { ConflictStatsRepository, type StatsGrouping } from '../../subgraphs/conflicts/src/statistics/statistics.repository';
import { CASELOAD_COUNT_COLUMNS } from '../../subgraphs/displacement/src/statistics/caseload-rollup';
import { runRollups } from '../rollups';
import type { RollupSubgraph } from '../platform/rollups';

/**
 * `npm run rollups` against real databases, one per subgraph: cases written around the services (as
 * the bench generator writes them, then a raw DELETE as its clean-up does) leave the rollup out of
 * step; `check` says so and exits 1; `rebuild` brings it back, after which the services' figures are
 * the raw computation's.
 */
const OWNER = '00000000-0000-4000-8000-0000000000a1';
const PLACES = [
  { countryCode: 'ML', adminPcode: 'ML0306', admin1Pcode: 'ML03', admin2Pcode: 'ML0306' },
  { countryCode: 'ML', adminPcode: 'ML07', admin1Pcode: 'ML07', admin2Pcode: null },
  { countryCode: 'BF', adminPcode: 'BF5602', admin1Pcode: 'BF56', admin2Pcode: 'BF5602' },
];
const STATUSES = ['REPORTED', 'UNDER_MEDIATION', 'REFERRED', 'UNRESOLVED', 'RESOLVED', 'RELAPSED'] as const;

const dbs = {} as Record<RollupSubgraph, TestDatabase>;
let lines: string[] = [];
const run = (...args: string[]) => {
  lines = [];
  return runRollups(args, { urlFor: (name) => dbs[name].url, write: (line) => lines.push(line) });
};

beforeAll(async () => {
  dbs.conflicts = await subgraphTestDatabase(conflicts);
  dbs.mining = await subgraphTestDatabase(mining);
  dbs.curriculum = await subgraphTestDatabase(curriculum);
  dbs.displacement = await subgraphTestDatabase(displacement);
  const source = dbs.conflicts.dataSource;
  for (const [i, place] of PLACES.entries()) {
    const [commission] = (await source.query(
      `INSERT INTO peace_commission (community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, management_committee,
         established_on, membership, owner_org, created_by)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'Comité', '2020-01-01', '[]', $5, 'generator') RETURNING id`,
      [place.adminPcode, place.admin1Pcode, place.admin2Pcode, place.countryCode, OWNER],
    )) as { id: string }[];
    for (let n = 0; n < 20; n += 1) {
      const status = STATUSES[(n + i) % STATUSES.length]!;
      const reportedOn = `2024-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
      await source.getRepository(ConflictCaseSchema).save({
        reference: `GEN-${i}-${n}`,
        peaceCommissionId: commission!.id,
        communityId: '00000000-0000-4000-8000-00000000c001',
        ...place,
        level: 'COMMUNITY',
        otherCommunityIds: [],
        type: 'LAND',
        reportedOn,
        status,
        statusSince: reportedOn,
        resolvedOn: status === 'RESOLVED' ? `2025-01-${String((n % 27) + 1).padStart(2, '0')}` : null,
        everRelapsed: status === 'RELAPSED',
        narrative: null,
        clientMutationId: null,
        ownerOrg: OWNER,
        createdBy: 'generator',
      });
    }
  }
}, 180_000);
afterAll(() => Promise.all(Object.values(dbs).map((db) => db.drop())));

const GROUPINGS: StatsGrouping[] = ['COUNTRY', 'ADMIN1', 'ADMIN2', 'MONTH', 'YEAR'];
const figureCount = async () =>
  Number(((await dbs.conflicts.dataSource.query(`SELECT count(*) AS n FROM case_figures WHERE reported <> 0`)) as { n: string }[])[0]!.n);

it('rebuilds every rollup and finds them in step (no subgraph named: all four)', async () => {
  expect(await run('rebuild')).toBe(0);
  expect(lines.map((l) => l.replace(/ in \d+ ms$/, ''))).toEqual([
    'conflicts: rebuilt case_figures',
    'mining: rebuilt training_month',
    'curriculum: rebuilt reach_month, reach_day',
    'displacement: rebuilt reintegration_caseload',
  ]);
  expect(await figureCount()).toBeGreaterThan(0);
  expect(await run('check')).toBe(0);
  expect(lines).toEqual([
    'conflicts: case_figures in step',
    'mining: training_month in step',
    'curriculum: reach_month in step',
    'curriculum: reach_day in step',
    'displacement: reintegration_caseload in step',
  ]);
});

it('finds a raw DELETE of cases, and a rebuild brings the figures back to the raw computation', async () => {
  const stats = new ConflictStatsRepository(dbs.conflicts.dataSource);
  const rowsBefore = await figureCount();
  // As the bench clean-up does: the cases of one place go, around the services.
  // TypeORM answers a DELETE with [rows, count].
  const [, deleted] = (await dbs.conflicts.dataSource.query(`DELETE FROM conflict_case WHERE admin_pcode = 'ML07'`)) as [unknown, number];
  expect(deleted).toBe(20);

  expect(await run('check', 'conflicts')).toBe(1);
  const [reported] = lines;
  const differing = Number(/case_figures (\d+) rows differ/.exec(reported!)?.[1]);
  // ML07's rows (its months and its all-time rows) are stored and no longer computed; nothing else differs.
  const stale = Number(
    (
      (await dbs.conflicts.dataSource.query(`SELECT count(*) AS n FROM case_figures WHERE admin_pcode = 'ML07' AND reported <> 0`)) as {
        n: string;
      }[]
    )[0]!.n,
  );
  expect(stale).toBeGreaterThan(0);
  expect(differing).toBe(stale);
  expect(lines.at(-1)).toContain('npm run rollups -- rebuild');
  const stored = await stats.grouped({ country: 'ML' }, 'ADMIN1', null);
  expect(stored.total.reported).toBe(40);

  expect(await run('rebuild', 'conflicts')).toBe(0);
  expect(await run('check', 'conflicts')).toBe(0);
  expect(await figureCount()).toBe(rowsBefore - stale);
  for (const groupBy of GROUPINGS) {
    const [rollup, raw] = await Promise.all([stats.grouped({}, groupBy, OWNER), stats.groupedFromCases({}, groupBy, OWNER)]);
    expect(rollup).toEqual(raw);
  }
  const after = await stats.grouped({ country: 'ML' }, 'ADMIN1', null);
  expect(after.total.reported).toBe(20);
  expect(after.groups.map((g) => [g.key, g.reported])).toEqual([['ML03', 20]]);
});

it('finds a row no source counts in each other rollup, and a rebuild removes it (displacement moves its version)', async () => {
  const version = async () =>
    Number(
      ((await dbs.displacement.dataSource.query(`SELECT version FROM reintegration_caseload_version`)) as { version: string }[])[0]!
        .version,
    );
  const versionBefore = await version();
  // A row left by a replica that wrote the rollup but whose source rows were then removed by hand.
  await dbs.mining.dataSource.query(
    `INSERT INTO training_month (area_level, owner_org, country_code, admin1_pcode, admin_pcode, kind, month, stakeholder_group,
       trainings, women, men, not_broken_down, trainings_measured, assessed, pre_sum, post_sum)
     VALUES (0, $1, 'ML', '', '', 'TECHNICAL', '2024-01-01', '*', 1, 3, 2, 0, 1, 5, 1.5, 3.25)`,
    [OWNER],
  );
  await dbs.curriculum.dataSource.query(
    `INSERT INTO reach_month (owner_org, module_id, country_code, region_pcode, admin_pcode, month, records, cohorts_completed)
     VALUES ($1, gen_random_uuid(), 'ML', 'ML03', 'ML0306', '2024-01-01', 1, 1)`,
    [OWNER],
  );
  // A row whose figures all came back to zero, as the services' writes leave them: it counts nothing, no difference.
  await dbs.curriculum.dataSource.query(
    `INSERT INTO reach_day (owner_org, module_id, country_code, region_pcode, admin_pcode, day) VALUES ($1, gen_random_uuid(), 'ML', 'ML03', 'ML0306', '2024-01-02')`,
    [OWNER],
  );
  await dbs.displacement.dataSource.query(
    `INSERT INTO reintegration_caseload (owner_org, programme_id, admin_pcode, registered_month, admin1_pcode, country_code,
       ${CASELOAD_COUNT_COLUMNS.join(', ')})
     VALUES ($1, gen_random_uuid(), 'ML0306', '2024-01-01', 'ML03', 'ML', 1${', 0'.repeat(CASELOAD_COUNT_COLUMNS.length - 1)})`,
    [OWNER],
  );
  expect(await run('check', 'mining', 'curriculum', 'displacement')).toBe(1);
  expect(lines.slice(0, -1)).toEqual([
    'mining: training_month 1 rows differ from the raw rows',
    'curriculum: reach_month 1 rows differ from the raw rows',
    'curriculum: reach_day in step',
    'displacement: reintegration_caseload 1 rows differ from the raw rows',
  ]);
  expect(await run('rebuild', 'mining', 'curriculum', 'displacement')).toBe(0);
  expect(await run('check', 'mining', 'curriculum', 'displacement')).toBe(0);
  for (const [db, table] of [
    [dbs.mining, 'training_month'],
    [dbs.curriculum, 'reach_month'],
    [dbs.curriculum, 'reach_day'],
    [dbs.displacement, 'reintegration_caseload'],
  ] as const)
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[]).toEqual([{ n: 0 }]);
  expect(await version()).toBe(versionBefore + 1);
});

it('refuses what it does not know, with the usage', async () => {
  expect(await run('rebuild', 'forums')).toBe(2);
  expect(lines.join('\n')).toMatch(/^No rollups in: forums\nUsage: npm run rollups -- rebuild\|check/);
  expect(await run('refresh')).toBe(2);
});

it('reports a database it cannot reach without a stack or statement, and exits 1', async () => {
  lines = [];
  const code = await runRollups(['check', 'mining'], {
    urlFor: () => dbs.mining.url.replace(/\/[^/]+$/, '/peacegraph_no_such_database'),
    write: (line) => lines.push(line),
  });
  expect(code).toBe(1);
  expect(lines).toEqual(['mining: check failed: database "peacegraph_no_such_database" does not exist']);
});
