import { CALENDAR_EDGE_DAYS, CALENDAR_EDGE_PERIODS } from '@peacegraph/kit/testing';
import { ok } from '../../test/fixtures';
import { caseloadFromCases, comparable } from '../../test/reintegration-caseload-reference';
import { OTHER_PARTNER, OWNER, startDisplacement, type DisplacementUnderTest } from '../../test/support';
import { beneficiary, M, programme, write } from '../../test/displacement-world';
import { CASE_COUNTS_SQL, CASELOAD_COUNT_COLUMNS } from './caseload-rollup';
import { DisplacementAggregates, type CaseloadRow, type CaseloadSelection } from './statistics.repository';

let sub: DisplacementUnderTest;
let aggregates: DisplacementAggregates;
const programmes = { owner: '', other: '' };

/** Areas of the generated cases: a country's regions and their admin-2 areas, some busy and some nearly empty. */
const AREAS = [
  ['BF', 'BF56', 'BF5601'],
  ['BF', 'BF56', 'BF5602'],
  ['BF', 'BF46', 'BF4601'],
  ['ML', 'ML07', 'ML0701'],
  ['ML', 'ML07', 'ML0702'],
  ['ML', 'ML06', 'ML0601'],
  ['NE', 'NE006', 'NE006011'],
  ['NE', 'NE006', 'NE006012'],
];

/**
 * `count` cases numbered from `first`, as the bench generator writes them (one statement for the cases,
 * one for their assistance, so each table's trigger runs once): area, category, sex, age group, status
 * and registration day (over 400 days) from a hash of the number; the last area gets about one case in
 * 150, so its small cells are withheld from other partners.
 */
async function generate(first: number, count: number, owner: string, programmeId: string): Promise<void> {
  await sub.db.dataSource.query(
    `INSERT INTO reintegration_case (owner_org, created_by, client_mutation_id, programme_id, beneficiary_code, category, sex, age_group,
                                     admin_pcode, admin1_pcode, country_code, registered_on, status, status_since)
     SELECT $1::uuid, 'test', 'generated:' || n, $2::uuid, 'GEN-' || lpad(n::text, 6, '0'),
            CASE WHEN h % 5 = 0 AND h / 7 % 6 > 1 THEN 'FORMER_COMBATANT' WHEN h % 5 = 1 THEN 'IDP' WHEN h % 5 = 2 THEN 'RETURNEE'
                 WHEN h % 23 = 3 THEN 'COMMUNITY_MEMBER' ELSE 'ASSOCIATED_PERSON' END,
            CASE WHEN h / 11 % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END,
            (ARRAY['UNDER_15', 'AGE_15_17', 'AGE_18_24', 'AGE_25_35', 'AGE_36_59', 'AGE_60_PLUS'])[1 + h / 7 % 6],
            a[3], a[2], a[1], current_date - 5 - h / 13 % 400,
            (ARRAY['REGISTERED', 'IN_ASSISTANCE', 'IN_ASSISTANCE', 'REINTEGRATED', 'DROPPED_OUT'])[1 + h / 17 % 5], current_date - 2
     FROM (SELECT n, abs(hashtext('case' || n)) AS h FROM generate_series($3::int, $3::int + $4::int - 1) AS n) AS x
     CROSS JOIN LATERAL (SELECT CAST($5 AS jsonb) -> (CASE WHEN x.h % 150 = 0 THEN 7 WHEN x.h / 3 % 3 = 0 THEN x.h / 19 % 7 ELSE x.h / 19 % 4 END)::int AS area) AS pick
     CROSS JOIN LATERAL (SELECT ARRAY[pick.area ->> 0, pick.area ->> 1, pick.area ->> 2] AS a) AS placed`,
    [owner, programmeId, first, count, JSON.stringify(AREAS)],
  );
  await sub.db.dataSource.query(
    `INSERT INTO reintegration_assistance (case_id, owner_org, kind, started_on, created_by)
     SELECT c.id, c.owner_org, (ARRAY['PSYCHOSOCIAL', 'HEALTH', 'SHELTER', 'SOCIO_ECONOMIC', 'EDUCATION', 'LIVELIHOOD'])[1 + (h + j * 5) % 6],
            c.registered_on, 'test'
     FROM (SELECT c.*, abs(hashtext(c.client_mutation_id)) AS h FROM reintegration_case c
           WHERE c.client_mutation_id LIKE 'generated:%' AND c.status <> 'REGISTERED'
             AND NOT EXISTS (SELECT 1 FROM reintegration_assistance a WHERE a.case_id = c.id)) AS c
     -- Up to three records, two of them sometimes of the same kind: a case counts once under a kind.
     CROSS JOIN LATERAL generate_series(0, c.h % 3) AS j`,
  );
}

/** The rollup as it is, and as counting every case from nothing would make it (rows with only zeros left out). */
const KEY = `owner_org, programme_id, admin_pcode, registered_month::text, admin1_pcode, country_code::text`;
const NON_ZERO = CASELOAD_COUNT_COLUMNS.map((column) => `${column} <> 0`).join(' OR ');
const rollup = () =>
  sub.db.dataSource.query(
    `SELECT ${KEY}, ${CASELOAD_COUNT_COLUMNS.join(', ')} FROM reintegration_caseload WHERE ${NON_ZERO} ORDER BY 1, 2, 3, 4`,
  );
const rollupFromCases = () =>
  sub.db.dataSource.query(
    `SELECT ${KEY}, ${CASELOAD_COUNT_COLUMNS.map((column) => `sum(${column})::int AS ${column}`).join(', ')}
     FROM (SELECT c.owner_org, c.programme_id, c.admin_pcode, date_trunc('month', c.registered_on)::date AS registered_month, c.admin1_pcode, c.country_code,
                  ${CASE_COUNTS_SQL} FROM reintegration_case c) AS counted
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4`,
  );

const day = (daysBack: number) => new Date(Date.now() - daysBack * 86_400_000).toISOString().slice(0, 10);
const monthStart = (daysBack: number) => `${day(daysBack).slice(0, 7)}-01`;

/** Every selection a caseload is asked for: all, a programme, an organisation, periods cut mid-month, whole months, open ends. */
const selections = (): CaseloadSelection[] => [
  {},
  { programme: programmes.owner },
  { programme: programmes.other },
  { organisation: OWNER },
  { organisation: OTHER_PARTNER },
  { registeredFrom: day(300), registeredTo: day(40) },
  { registeredFrom: monthStart(200), registeredTo: day(10) },
  { registeredFrom: day(123) },
  { registeredTo: day(77) },
  { registeredFrom: day(70), registeredTo: day(66) },
  { programme: programmes.owner, registeredFrom: day(250), registeredTo: day(20) },
  { registeredFrom: day(2000), registeredTo: day(1500) },
  // The ends of the calendar the API takes (the kit's list), and one with a programme too.
  ...CALENDAR_EDGE_PERIODS.map(({ from, to }) => ({ registeredFrom: from, registeredTo: to })),
  { registeredFrom: '9999-12-01', registeredTo: '9999-12-31', programme: programmes.owner },
  { registeredFrom: '0050-02-15', registeredTo: day(40) },
];
/** Registration days at the ends of the calendar, for the selections above to cut. */
const EDGE_DATES = CALENDAR_EDGE_DAYS;

/** The rollup and the cases give the same caseload rows, for every selection and either viewer. */
async function expectRollupEqualsCases(): Promise<number> {
  expect(await rollup()).toEqual(await rollupFromCases());
  let compared = 0;
  for (const selection of selections()) {
    for (const viewer of [OWNER, OTHER_PARTNER]) {
      const { sql, params } = caseloadFromCases(selection, viewer);
      const fromCases = comparable((await sub.db.dataSource.query(sql, params)) as CaseloadRow[]);
      expect({ selection, viewer, rows: comparable(await aggregates.caseload(selection, viewer)) }).toEqual({
        selection,
        viewer,
        rows: fromCases,
      });
      compared += fromCases.length;
    }
  }
  return compared;
}

beforeAll(async () => {
  sub = await startDisplacement();
  aggregates = new DisplacementAggregates(sub.db.dataSource);
  const other = await sub.as(OTHER_PARTNER, 'displacement:write displacement:sensitive', 'mediator-1');
  programmes.owner = (await write(sub.owner, 'createReintegrationProgramme', { input: programme({ startsOn: day(2100) }) })).id;
  programmes.other = (await write(other, 'createReintegrationProgramme', { input: programme({ code: 'OTHER', startsOn: day(2100) }) })).id;
  await generate(1, 1500, OWNER, programmes.owner);
  await generate(1501, 300, OTHER_PARTNER, programmes.other);
});

afterAll(() => sub?.stop());

describe('reintegration caseload rollup', () => {
  it('answers as counting the generated cases does, for every selection and viewer', async () => {
    const [counted] = (await sub.db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM reintegration_case) AS cases, (SELECT count(*)::int FROM reintegration_assistance) AS assistance`,
    )) as { cases: number; assistance: number }[];
    expect(counted!.cases).toBe(1800);
    expect(counted!.assistance).toBeGreaterThan(1500);
    expect(await expectRollupEqualsCases()).toBeGreaterThan(1000);
  });

  it('follows the services: registration, assistance (a kind twice counts once), status changes', async () => {
    const registered = await write(sub.owner, 'registerReintegrationCase', {
      input: beneficiary(programmes.owner, { adminArea: 'BF5602', registeredOn: day(30), clientMutationId: 'rollup-1' }),
    });
    let version = registered.version;
    for (const kind of ['HEALTH', 'HEALTH', 'SHELTER']) {
      version = (
        await write(sub.owner, 'recordReintegrationAssistance', { id: registered.id, version, input: { kind, startedOn: day(20) } })
      ).version;
    }
    await write(sub.owner, 'changeReintegrationCaseStatus', { id: registered.id, version, input: { status: 'REINTEGRATED', on: day(5) } });
    const [row] = (await sub.db.dataSource.query(
      `SELECT sum(cases)::int AS cases, sum(status_reintegrated)::int AS reintegrated, sum(assisted_health)::int AS health, sum(assisted_shelter)::int AS shelter
       FROM reintegration_caseload WHERE programme_id = $1 AND admin_pcode = 'BF5602' AND registered_month = $2`,
      [programmes.owner, monthStart(30)],
    )) as Record<string, number>[];
    const [counted] = (await sub.db.dataSource.query(
      `SELECT count(*)::int AS cases, count(*) FILTER (WHERE status = 'REINTEGRATED')::int AS reintegrated,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reintegration_assistance a WHERE a.case_id = c.id AND a.kind = 'HEALTH'))::int AS health,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reintegration_assistance a WHERE a.case_id = c.id AND a.kind = 'SHELTER'))::int AS shelter
       FROM reintegration_case c WHERE programme_id = $1 AND admin_pcode = 'BF5602' AND date_trunc('month', registered_on) = $2::date`,
      [programmes.owner, monthStart(30)],
    )) as Record<string, number>[];
    expect(row).toEqual(counted);
    expect(row!.reintegrated).toBeGreaterThanOrEqual(1);
    await expectRollupEqualsCases();
  });

  it('a refused write and a rolled-back one leave the rollup as it was', async () => {
    const before = await rollup();
    const refused = await sub.owner(M.registerReintegrationCase, {
      input: beneficiary(programmes.owner, { category: 'FORMER_COMBATANT', ageGroup: 'UNDER_15' }),
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const runner = sub.db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`UPDATE reintegration_case SET category = 'IDP' WHERE client_mutation_id LIKE 'generated:1%'`);
    await runner.query(`DELETE FROM reintegration_assistance WHERE kind = 'HEALTH'`);
    expect(await runner.query(`SELECT sum(assisted_health)::int AS n FROM reintegration_caseload`)).toEqual([{ n: 0 }]);
    await runner.rollbackTransaction();
    await runner.release();
    expect(await rollup()).toEqual(before);
    await expectRollupEqualsCases();
  });

  it('follows corrections and deletions made to the cases and their assistance', async () => {
    const db = sub.db.dataSource;
    // A case moved to another area, month, programme and owner; categories and statuses corrected.
    await db.query(
      `UPDATE reintegration_case SET admin_pcode = 'ML0702', admin1_pcode = 'ML07', country_code = 'ML', registered_on = registered_on - 45
       WHERE client_mutation_id IN ('generated:7', 'generated:8', 'generated:9')`,
    );
    await db.query(`UPDATE reintegration_case SET owner_org = $1, programme_id = $2 WHERE client_mutation_id = 'generated:10'`, [
      OTHER_PARTNER,
      programmes.other,
    ]);
    await db.query(
      `UPDATE reintegration_case SET category = 'RETURNEE', status = 'DROPPED_OUT' WHERE client_mutation_id LIKE 'generated:2%'`,
    );
    await expectRollupEqualsCases();
    // Assistance of one kind corrected to another, some deleted, then cases without assistance deleted.
    await db.query(`UPDATE reintegration_assistance SET kind = 'EDUCATION' WHERE kind = 'SHELTER' AND started_on < current_date - 200`);
    await db.query(`DELETE FROM reintegration_assistance WHERE kind = 'LIVELIHOOD'`);
    await db.query(
      `DELETE FROM reintegration_assistance WHERE case_id IN (SELECT id FROM reintegration_case WHERE client_mutation_id LIKE 'generated:3%')`,
    );
    await db.query(`DELETE FROM reintegration_case WHERE client_mutation_id LIKE 'generated:3%'`);
    expect(await expectRollupEqualsCases()).toBeGreaterThan(900);
  });

  it('answers reintegrationStats from the rollup with suppression for another partner and exact figures for the owner', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:read');
    const STATS = `{ reintegrationStats(level: ADMIN2, breakdown: STATUS, filter: { country: "NE" }) { exact total { cases { count suppressed } } areas { code cases { count } byKey { cases { count suppressed } } } } }`;
    type Stats = {
      reintegrationStats: {
        exact: boolean;
        total: { cases: { count: number | null } };
        areas: { code: string; byKey: { cases: { suppressed: boolean } }[] }[];
      };
    };
    const theirs = await ok<Stats>(other, STATS);
    const mine = await ok<Stats>(
      sub.owner,
      `{ reintegrationStats(level: ADMIN2, breakdown: STATUS, filter: { country: "NE", organisation: "${OWNER}" }) { exact total { cases { count } } } }`,
    );
    const [counted] = (await sub.db.dataSource.query(
      `SELECT count(*)::int AS ne, count(*) FILTER (WHERE owner_org = $1)::int AS owned FROM reintegration_case WHERE country_code = 'NE'`,
      [OWNER],
    )) as { ne: number; owned: number }[];
    expect(theirs.reintegrationStats.exact).toBe(false);
    expect(theirs.reintegrationStats.total.cases.count).toBe(counted!.ne);
    expect(theirs.reintegrationStats.areas.map((a) => a.code)).toEqual(['NE006011', 'NE006012']);
    expect(theirs.reintegrationStats.areas.flatMap((a) => a.byKey).some((cell) => cell.cases.suppressed)).toBe(true);
    expect(mine.reintegrationStats).toEqual({ exact: true, total: { cases: { count: counted!.owned } } });
  });

  it('keeps answers per viewer and reads again after any write (the version the triggers move)', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:read');
    const STATS = `{ reintegrationStats(level: ADMIN2, filter: { country: "NE" }) { exact total { cases { count } } areas { code byKey { cases { count suppressed } } } } }`;
    type Stats = {
      reintegrationStats: {
        exact: boolean;
        total: { cases: { count: number } };
        areas: { code: string; byKey: { cases: { suppressed: boolean } }[] }[];
      };
    };
    const suppressed = (stats: Stats) =>
      stats.reintegrationStats.areas.flatMap((a) => a.byKey).filter((cell) => cell.cases.suppressed).length;
    const version = async () =>
      ((await sub.db.dataSource.query(`SELECT version::int AS v FROM reintegration_caseload_version`)) as { v: number }[])[0]!.v;
    // The same selection for another partner, the owner of some of the cases and the other partner again.
    const first = await ok<Stats>(other, STATS);
    const owners = await ok<Stats>(sub.owner, STATS);
    const again = await ok<Stats>(other, STATS);
    expect(again).toEqual(first);
    expect(first.reintegrationStats.exact).toBe(false);
    expect(suppressed(first)).toBeGreaterThan(0);
    // The owner owns only some of these cases: not exact either, and the same withheld cells.
    expect(owners.reintegrationStats.exact).toBe(false);
    expect(suppressed(owners)).toBe(suppressed(first));
    // A case registered through the service: the next answer counts it, for the writer and for everyone.
    const before = await version();
    await write(sub.owner, 'registerReintegrationCase', {
      input: beneficiary(programmes.owner, { adminArea: 'NE006011', registeredOn: day(3), clientMutationId: 'rollup-ne' }),
    });
    expect(await version()).toBeGreaterThan(before);
    const total = first.reintegrationStats.total.cases.count;
    expect((await ok<Stats>(sub.owner, STATS)).reintegrationStats.total.cases.count).toBe(total + 1);
    expect((await ok<Stats>(other, STATS)).reintegrationStats.total.cases.count).toBe(total + 1);
    // A correction made outside the services moves the version too.
    await sub.db.dataSource.query(
      `DELETE FROM reintegration_assistance WHERE case_id IN (SELECT id FROM reintegration_case WHERE client_mutation_id = 'rollup-ne')`,
    );
    await sub.db.dataSource.query(`DELETE FROM reintegration_case WHERE client_mutation_id = 'rollup-ne'`);
    expect((await ok<Stats>(other, STATS)).reintegrationStats.total.cases.count).toBe(total);
    await expectRollupEqualsCases();
  });

  it('answers periods to the ends of the calendar as counting the cases does, with cases on those days', async () => {
    // Three cases of each owner move to each day, in SQL: the services take no registration in year 9999.
    const db = sub.db.dataSource;
    await db.query(
      `UPDATE reintegration_case c SET registered_on = moved.day::date, status_since = moved.day::date
       FROM (SELECT id, ($1::text[])[1 + (row_number() OVER (PARTITION BY owner_org ORDER BY id) - 1)::int % cardinality($1::text[])] AS day,
                    row_number() OVER (PARTITION BY owner_org ORDER BY id) AS n
             FROM reintegration_case WHERE client_mutation_id LIKE 'generated:%') AS moved
       WHERE c.id = moved.id AND moved.n <= 3 * cardinality($1::text[])`,
      [EDGE_DATES],
    );
    const [edges] = (await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT registered_on)::int AS days FROM reintegration_case
       WHERE registered_on < '1000-01-01' OR registered_on > '9999-01-01'`,
    )) as { n: number; days: number }[];
    expect(edges).toEqual({ n: EDGE_DATES.length * 3 * 2, days: EDGE_DATES.length });
    expect(await expectRollupEqualsCases()).toBeGreaterThan(900);
    // The whole calendar counts every case, from the rollup as from the cases.
    const all = comparable(await aggregates.caseload({ registeredFrom: '0001-01-01', registeredTo: '9999-12-31' }, OWNER));
    expect(all).toEqual(comparable(await aggregates.caseload({}, OWNER)));
  });

  it('moves the version once per transaction, first, so writers under two rollup keys wait in turn, never deadlock', async () => {
    const db = sub.db.dataSource;
    const version = async () => ((await db.query(`SELECT version::int AS v FROM reintegration_caseload_version`)) as { v: number }[])[0]!.v;
    // Two cases under one rollup key (b, b2) and one under another (a).
    const [picked] = (await db.query(
      `WITH keyed AS (SELECT id, owner_org, programme_id, admin_pcode, date_trunc('month', registered_on) AS month,
                             count(*) OVER (PARTITION BY owner_org, programme_id, admin_pcode, date_trunc('month', registered_on)) AS n
                      FROM reintegration_case),
            b AS (SELECT * FROM keyed WHERE n >= 2 ORDER BY id LIMIT 1)
       SELECT (SELECT k.id FROM keyed k, b WHERE (k.owner_org, k.programme_id, k.admin_pcode, k.month) <> (b.owner_org, b.programme_id, b.admin_pcode, b.month) ORDER BY k.id LIMIT 1) AS a,
              b.id AS b,
              (SELECT k.id FROM keyed k WHERE (k.owner_org, k.programme_id, k.admin_pcode, k.month) = (b.owner_org, b.programme_id, b.admin_pcode, b.month) AND k.id <> b.id ORDER BY k.id LIMIT 1) AS b2
       FROM b`,
    )) as { a: string; b: string; b2: string }[];
    const touch = `UPDATE reintegration_case SET status = status WHERE id = $1`;
    const before = await version();
    const first = db.createQueryRunner();
    const second = db.createQueryRunner();
    await first.startTransaction();
    await second.startTransaction();
    try {
      await first.query(touch, [picked!.a]);
      const [{ pid }] = (await second.query(`SELECT pg_backend_pid() AS pid`)) as [{ pid: number }];
      // The second writes under the other key: it waits on the version the first holds, not on a rollup row.
      const secondWrite = second.query(touch, [picked!.b]);
      for (let waited = 0; waited < 100; waited += 1) {
        const [row] = (await db.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid])) as {
          wait_event_type: string | null;
        }[];
        if (row?.wait_event_type === 'Lock') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // The first then writes under the second's key in another statement: before, a deadlock.
      await first.query(touch, [picked!.b2]);
      await first.commitTransaction();
      await secondWrite;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    // Once per transaction, however many statements: the first's two and the second's one move it twice.
    expect(await version()).toBe(before + 2);
    await expectRollupEqualsCases();
  });

  // Last: it empties the tables.
  it('follows a TRUNCATE of the assistance, then of the cases, and no kept caseload outlives it', async () => {
    const db = sub.db.dataSource;
    const other = await sub.as(OTHER_PARTNER, 'displacement:read');
    const STATS = `{ reintegrationStats(level: COUNTRY) { total { cases { count } } } }`;
    type Stats = { reintegrationStats: { total: { cases: { count: number | null } } } };
    const total = async () => (await ok<Stats>(other, STATS)).reintegrationStats.total.cases.count;
    const version = async () => ((await db.query(`SELECT version::int AS v FROM reintegration_caseload_version`)) as { v: number }[])[0]!.v;
    const assisted = async () =>
      (
        (await db.query(
          `SELECT ${CASELOAD_COUNT_COLUMNS.filter((c) => c.startsWith('assisted_'))
            .map((c) => `sum(${c})`)
            .join(' + ')} AS n FROM reintegration_caseload`,
        )) as { n: string }[]
      )[0]!.n;
    const [counted] = (await db.query(`SELECT count(*)::int AS n FROM reintegration_case`)) as { n: number }[];
    expect(await total()).toBe(counted!.n);
    expect(Number(await assisted())).toBeGreaterThan(1000);

    let before = await version();
    await db.query(`TRUNCATE reintegration_assistance`);
    expect(await version()).toBeGreaterThan(before);
    expect(Number(await assisted())).toBe(0);
    expect(await expectRollupEqualsCases()).toBeGreaterThan(900);
    expect(await total()).toBe(counted!.n);

    before = await version();
    await db.query(`TRUNCATE reintegration_case CASCADE`);
    expect(await version()).toBeGreaterThan(before);
    expect(await db.query(`SELECT 1 FROM reintegration_caseload`)).toEqual([]);
    expect(await total()).toBe(0);
    await expectRollupEqualsCases();
  });
});
