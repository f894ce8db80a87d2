import { addDays } from '@peacegraph/kit/input';
import { CALENDAR_EDGE_DAYS, CALENDAR_EDGE_PERIODS, subgraphTestDatabase, type TestDatabase } from '@peacegraph/kit/testing';
import type { EntityManager } from 'typeorm';
import { subgraph } from '../subgraph';
import { ConflictCaseSchema, type ConflictCase } from '../conflict-case/conflict-case.entity';
import type { CaseStatus } from '../common/values';
import type { CaseFilter } from '../conflict-case/conflict-case.filter';
import { addToCaseFiguresSql, countCaseChange } from './case-figures.repository';
import { ConflictStatsRepository, type StatsGrouping, type StatsRow } from './statistics.repository';

/**
 * The rollup against counting the cases, on generated data: several hundred cases over places of
 * every depth (an area known only at admin 1, a village under an admin-2 area), two owners, four years
 * and every status, then corrections (status, relapse, area, report date), removals, concurrent
 * writes and a write that rolls back. Writes go the way the services write: the case row and
 * `countCaseChange` in one transaction.
 */
let db: TestDatabase;
let stats: ConflictStatsRepository;

const OWNER_A = '00000000-0000-4000-8000-0000000000a1';
const OWNER_B = '00000000-0000-4000-8000-0000000000b2';
const PLACES = [
  { countryCode: 'ML', adminPcode: 'ML0306', admin1Pcode: 'ML03', admin2Pcode: 'ML0306' },
  { countryCode: 'ML', adminPcode: 'ML030601', admin1Pcode: 'ML03', admin2Pcode: 'ML0306' },
  { countryCode: 'ML', adminPcode: 'ML0301', admin1Pcode: 'ML03', admin2Pcode: 'ML0301' },
  { countryCode: 'ML', adminPcode: 'ML0504', admin1Pcode: 'ML05', admin2Pcode: 'ML0504' },
  { countryCode: 'ML', adminPcode: 'ML07', admin1Pcode: 'ML07', admin2Pcode: null },
  { countryCode: 'BF', adminPcode: 'BF5602', admin1Pcode: 'BF56', admin2Pcode: 'BF5602' },
  { countryCode: 'BF', adminPcode: 'BF5603', admin1Pcode: 'BF56', admin2Pcode: 'BF5603' },
  { countryCode: 'NE', adminPcode: 'NE006011', admin1Pcode: 'NE006', admin2Pcode: 'NE006011' },
];
const STATUSES: CaseStatus[] = ['REPORTED', 'UNDER_MEDIATION', 'REFERRED', 'UNRESOLVED', 'RESOLVED', 'FOLLOW_UP_HELD', 'RELAPSED'];
const RESOLVED = new Set<CaseStatus>(['RESOLVED', 'FOLLOW_UP_HELD']);

/** A seeded PRNG (mulberry32): the same cases every run. */
let seed = 20261206;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const randomDate = () => addDays('2023-01-01', Math.floor(random() * 1400));

/** Status columns that hold together (resolved_on exactly while resolved, never before the report). */
function standing(reportedOn: string, status: CaseStatus, everRelapsed: boolean) {
  return {
    status,
    statusSince: addDays(reportedOn, 3),
    resolvedOn: RESOLVED.has(status) ? addDays(reportedOn, Math.floor(random() * 90)) : null,
    everRelapsed: everRelapsed || status === 'RELAPSED',
  };
}

let commissions: Record<string, string> = {};
let sequence = 0;

async function report(
  manager: EntityManager,
  place: (typeof PLACES)[number],
  owner: string,
  reportedOn = randomDate(),
  fields: Partial<ConflictCase> = {},
): Promise<ConflictCase> {
  sequence += 1;
  const kase = await manager.getRepository(ConflictCaseSchema).save({
    reference: `GEN-${sequence}`,
    peaceCommissionId: commissions[place.adminPcode]!,
    communityId: '00000000-0000-4000-8000-00000000c001',
    ...place,
    level: 'COMMUNITY',
    otherCommunityIds: [],
    type: 'LAND',
    reportedOn,
    ...standing(reportedOn, pick(STATUSES), random() < 0.1),
    ...fields,
    narrative: null,
    clientMutationId: null,
    ownerOrg: owner,
    createdBy: 'generator',
  });
  await countCaseChange(manager, null, kase);
  return kase;
}

/** A change of a case as a write makes it: the row as it was, the row as it is, and the figures between. */
async function change(manager: EntityManager, id: string, fields: Partial<ConflictCase>): Promise<void> {
  const rows = manager.getRepository(ConflictCaseSchema);
  const before = await rows.findOneByOrFail({ id });
  await rows.update({ id }, fields);
  await countCaseChange(manager, before, await rows.findOneByOrFail({ id }));
}

async function remove(manager: EntityManager, id: string): Promise<void> {
  const rows = manager.getRepository(ConflictCaseSchema);
  const before = await rows.findOneByOrFail({ id });
  await rows.delete({ id });
  await countCaseChange(manager, before, null);
}

const inTransaction = (work: (manager: EntityManager) => Promise<void>) => db.dataSource.transaction(work);
const caseIds = async () =>
  ((await db.dataSource.query(`SELECT id FROM conflict_case ORDER BY reference`)) as { id: string }[]).map((r) => r.id);
const figureRows = () =>
  db.dataSource.query(
    `SELECT * FROM case_figures WHERE reported <> 0 OR open <> 0 OR resolved <> 0 OR referred <> 0 OR unresolved <> 0 OR relapsed <> 0
     ORDER BY month, country_code, admin_pcode, admin1_pcode, admin2_pcode NULLS FIRST, owner_org, resolution_days NULLS FIRST`,
  ) as Promise<Record<string, unknown>[]>;

beforeAll(async () => {
  db = await subgraphTestDatabase(subgraph);
  stats = new ConflictStatsRepository(db.dataSource);
  for (const place of PLACES) {
    const [row] = (await db.dataSource.query(
      `INSERT INTO peace_commission (community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, management_committee,
         established_on, membership, owner_org, created_by)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'Comité', '2020-01-01', '[]', $5, 'generator') RETURNING id`,
      [place.adminPcode, place.admin1Pcode, place.admin2Pcode, place.countryCode, OWNER_A],
    )) as { id: string }[];
    commissions = { ...commissions, [place.adminPcode]: row!.id };
  }
  for (let i = 0; i < 400; i += 1) await inTransaction((m) => report(m, pick(PLACES), random() < 0.8 ? OWNER_A : OWNER_B).then(() => {}));
}, 120_000);
afterAll(() => db.drop());

const GROUPINGS: StatsGrouping[] = ['COUNTRY', 'ADMIN1', 'ADMIN2', 'MONTH', 'YEAR'];
const FILTERS: CaseFilter[] = [
  {},
  { country: 'ML' },
  { country: 'SN' },
  { adminArea: 'ML03' },
  { adminArea: 'ML0306' },
  { adminArea: 'ML030601' },
  { adminArea: 'ML07' },
  { reportedFrom: '2024-03-15', reportedTo: '2025-02-10' },
  { reportedFrom: '2024-03-01', reportedTo: '2024-05-31' },
  { reportedFrom: '2024-03-05', reportedTo: '2024-03-20' },
  { reportedFrom: '2024-12-31', reportedTo: '2025-01-01' },
  { reportedFrom: '2025-01-31' },
  { reportedTo: '2024-02-29' },
  { reportedTo: '2024-02-28', country: 'BF' },
  { reportedFrom: '2023-06-10', reportedTo: '2026-01-01', adminArea: 'ML03' },
  // The ends of the calendar the API takes (the kit's list), and one with a place too.
  ...CALENDAR_EDGE_PERIODS.map(({ from, to }) => ({ reportedFrom: from, reportedTo: to })),
  { reportedFrom: '9999-12-01', reportedTo: '9999-12-31', country: 'ML' },
];
/** Report dates at the ends of the calendar, for the filters above to cut. */
const EDGE_DATES = CALENDAR_EDGE_DAYS;
const VIEWERS = [OWNER_A, OWNER_B, null];

/** Figures as compared: every count, the median and what the viewer does not own. */
const figures = (row: StatsRow) => [
  row.reported,
  row.open,
  row.resolved,
  row.referred,
  row.unresolved,
  row.relapsed,
  row.medianDays,
  row.notOwned,
];

/** Every grouping, filter and viewer: the rollup answers exactly as counting the cases does. */
async function expectRollupAgreesWithCases(): Promise<number> {
  let compared = 0;
  for (const viewer of VIEWERS) {
    for (const filter of FILTERS) {
      for (const groupBy of GROUPINGS) {
        const [rollup, cases] = await Promise.all([
          stats.grouped(filter, groupBy, viewer),
          stats.groupedFromCases(filter, groupBy, viewer),
        ]);
        const context = JSON.stringify({ viewer, filter, groupBy });
        expect([context, rollup.groups.map((g) => [g.key, ...figures(g)])]).toEqual([
          context,
          cases.groups.map((g) => [g.key, ...figures(g)]),
        ]);
        expect([context, figures(rollup.total)]).toEqual([context, figures(cases.total)]);
        compared += rollup.groups.length;
      }
      const areas = ['ML', 'ML03', 'ML0306', 'ML030601', 'ML07', 'BF56', 'NE006', 'SN01'];
      const byKey = (rows: StatsRow[]) => rows.map((r) => [r.key, ...figures(r)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      const [rollup, cases] = await Promise.all([stats.forAreas(areas, filter, viewer), stats.forAreasFromCases(areas, filter, viewer)]);
      expect([JSON.stringify({ viewer, filter }), byKey(rollup)]).toEqual([JSON.stringify({ viewer, filter }), byKey(cases)]);
    }
  }
  return compared;
}

/** The rows the writes left equal the rows the backfill statement makes from the cases (compared, then rolled back). */
async function expectBackfillGivesTheSameRows(): Promise<void> {
  const kept = await figureRows();
  const rebuilt = await db.dataSource
    .transaction(async (manager) => {
      await manager.query(`DELETE FROM case_figures`);
      await manager.query(addToCaseFiguresSql('true'));
      const rows = (await manager.query(
        `SELECT * FROM case_figures ORDER BY month, country_code, admin_pcode, admin1_pcode, admin2_pcode NULLS FIRST, owner_org,
           resolution_days NULLS FIRST`,
      )) as Record<string, unknown>[];
      throw Object.assign(new Error('roll back'), { rows });
    })
    .catch((error: { rows?: Record<string, unknown>[] }) => error.rows);
  expect(rebuilt).toEqual(kept);
  expect(await figureRows()).toEqual(kept);
}

describe('the case figures rollup', () => {
  it('answers every grouping, filter and viewer as counting the cases does, medians included', async () => {
    const [counted] = (await db.dataSource.query(
      `SELECT count(*)::int AS cases, count(*) FILTER (WHERE resolved_on IS NOT NULL)::int AS resolved,
              count(DISTINCT owner_org)::int AS owners FROM conflict_case`,
    )) as { cases: number; resolved: number; owners: number }[];
    expect(counted).toMatchObject({ cases: 400, owners: 2 });
    expect(counted!.resolved).toBeGreaterThan(50);
    expect(await expectRollupAgreesWithCases()).toBeGreaterThan(500);
    await expectBackfillGivesTheSameRows();
  });

  it('stays right after status changes, relapses, corrections of area and report date, and removals', async () => {
    const ids = await caseIds();
    for (const id of ids.slice(0, 200)) {
      await inTransaction(async (manager) => {
        const kase = await manager.getRepository(ConflictCaseSchema).findOneByOrFail({ id });
        const roll = random();
        if (roll < 0.4) {
          // A status change, resolution or relapse (ever_relapsed stays true once set).
          await change(manager, id, standing(kase.reportedOn, pick(STATUSES), kase.everRelapsed));
        } else if (roll < 0.6) {
          await change(manager, id, pick(PLACES));
        } else if (roll < 0.8) {
          // Another report date, and the status dates after it.
          const reportedOn = randomDate();
          await change(manager, id, { reportedOn, ...standing(reportedOn, kase.status, kase.everRelapsed) });
        } else if (roll < 0.9) {
          await change(manager, id, { ownerOrg: kase.ownerOrg === OWNER_A ? OWNER_B : OWNER_A });
        } else {
          await remove(manager, id);
        }
      });
    }
    const [left] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM conflict_case`)) as { n: number }[];
    expect(left!.n).toBeLessThan(400);
    expect(left!.n).toBeGreaterThan(350);
    await expectRollupAgreesWithCases();
    await expectBackfillGivesTheSameRows();
  });

  it('adds up concurrent changes of the same rows, and keeps nothing of a write that rolls back', async () => {
    // Twenty writes at once on cases of one area and month: each adds to the same rollup rows.
    const [place] = PLACES;
    const ids: string[] = [];
    await inTransaction(async (manager) => {
      for (let i = 0; i < 20; i += 1) ids.push((await report(manager, place!, OWNER_A, '2024-06-10')).id);
    });
    await Promise.all(
      ids.map((id, i) =>
        inTransaction((manager) =>
          change(
            manager,
            id,
            i % 2
              ? { status: 'RESOLVED', resolvedOn: '2024-07-01', statusSince: '2024-07-01' }
              : { status: 'UNRESOLVED', resolvedOn: null },
          ),
        ),
      ),
    );
    const [june] = (await db.dataSource.query(
      `SELECT sum(resolved)::int AS resolved, sum(unresolved)::int AS unresolved FROM case_figures
       WHERE month = '2024-06-01' AND admin_pcode = $1`,
      [place!.adminPcode],
    )) as { resolved: number; unresolved: number }[];
    const [counted] = (await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('RESOLVED', 'FOLLOW_UP_HELD'))::int AS resolved,
              count(*) FILTER (WHERE status = 'UNRESOLVED')::int AS unresolved
       FROM conflict_case WHERE reported_on BETWEEN '2024-06-01' AND '2024-06-30' AND admin_pcode = $1`,
      [place!.adminPcode],
    )) as { resolved: number; unresolved: number }[];
    expect(june).toEqual(counted);
    expect(june!.resolved).toBeGreaterThanOrEqual(10);
    expect(june!.unresolved).toBeGreaterThanOrEqual(10);

    const kept = await figureRows();
    await expect(
      inTransaction(async (manager) => {
        await change(manager, ids[0]!, { ...PLACES[5]!, status: 'REFERRED', resolvedOn: null });
        await remove(manager, ids[1]!);
        throw new Error('the write fails after its figures were counted');
      }),
    ).rejects.toThrow('the write fails');
    expect(await figureRows()).toEqual(kept);
    await expectRollupAgreesWithCases();
  });

  it('answers periods to the ends of the calendar as counting the cases does, with cases on those days', async () => {
    await inTransaction(async (manager) => {
      for (const [i, reportedOn] of EDGE_DATES.entries()) {
        // Resolved on the day of the report, or still open: no date after 9999-12-31.
        const fields = i % 2 ? { status: 'RESOLVED' as const, resolvedOn: reportedOn } : { status: 'REPORTED' as const, resolvedOn: null };
        for (const owner of [OWNER_A, OWNER_B]) {
          await report(manager, PLACES[i % PLACES.length]!, owner, reportedOn, { ...fields, statusSince: reportedOn, everRelapsed: false });
        }
      }
    });
    const [edges] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM conflict_case WHERE reported_on < '1000-01-01' OR reported_on > '9999-01-01'`,
    )) as { n: number }[];
    expect(edges!.n).toBe(EDGE_DATES.length * 2);
    const [last] = await stats
      .groupedFromCases({ reportedFrom: '9999-12-14', reportedTo: '9999-12-31' }, 'MONTH', OWNER_A)
      .then((r) => r.groups);
    expect(last).toMatchObject({ key: '9999-12', reported: 4, resolved: 2, medianDays: 0 });
    await expectRollupAgreesWithCases();
    await expectBackfillGivesTheSameRows();
  });
});
