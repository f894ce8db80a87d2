import { addDays } from '@peacegraph/kit/input';
import { CALENDAR_EDGE_DAYS, CALENDAR_EDGE_PERIODS } from '@peacegraph/kit/testing';
import { cohort, community, deliver, facilitator, module, ok, start } from '../../test/fixtures';
import { ORGS, startCurriculum, type CurriculumUnderTest } from '../../test/support';
import {
  addToReachRollupSql,
  CohortReachChange,
  FIGURES,
  PLACE_AND_OWNER,
  REACH_ROLLUPS,
  reachRecordsSql,
  type ReachRollup,
} from './reach-rollup';
import { ReachRepository, type ReachFilter, type ReachGrouping, type ReachRow } from './reach.repository';

let curriculum: CurriculumUnderTest;
let reach: ReachRepository;
const ids: Record<string, string> = {};
const cohorts: { id: string; version: number; org: string; deliveries: { id: string; version: number; on: string }[] }[] = [];
const mobilisations: { id: string; version: number }[] = [];

const PLANS = 4;
const GROUPINGS: (ReachGrouping | null)[] = [null, 'COUNTRY', 'REGION', 'ADMIN_AREA', 'YEAR', 'QUARTER', 'MONTH'];

const UPDATE_COHORT = `mutation ($id: ID!, $version: Int!, $input: UpdateCohortInput!) { updateCohort(id: $id, version: $version, input: $input) { version } }`;
const CORRECT_DELIVERY = `mutation ($id: ID!, $version: Int!, $input: CorrectSessionDeliveryInput!) {
  correctSessionDelivery(id: $id, version: $version, input: $input) { version deliveredOn }
}`;
const RECORD_MOBILISATION = `mutation ($input: RecordSocialMobilisationInput!) { recordSocialMobilisation(input: $input) { id version } }`;
const UPDATE_MOBILISATION = `mutation ($id: ID!, $version: Int!, $input: UpdateSocialMobilisationInput!) {
  updateSocialMobilisation(id: $id, version: $version, input: $input) { version }
}`;

/**
 * Generated data written through the services, as partners write it: two organisations, four
 * communities in two countries, twelve cohorts started from mid-2024 to mid-2025 on days that put
 * their weekly sessions across month ends, some completed (every plan), some with make-ups, some with
 * mobilisations, one never started.
 */
beforeAll(async () => {
  curriculum = await startCurriculum();
  reach = new ReachRepository(curriculum.db.dataSource);
  ids.kedougou = await community(curriculum, 'Kédougou', 'SN0601', ['fuc']);
  ids.bandafassi = await community(curriculum, 'Bandafassi', 'SN0601', ['fuc']);
  ids.oussouye = await community(curriculum, 'Oussouye', 'SN1402', ['fuc']);
  ids.kalana = await community(curriculum, 'Kalana', 'ML0306', ['fuc']);
  const places = [ids.kedougou, ids.bandafassi, ids.oussouye, ids.kalana];
  const mediators = await curriculum.as(ORGS.mediators, 'curriculum:write');
  const writers = { [ORGS.educators]: curriculum.owner, [ORGS.mediators]: mediators };
  for (const org of [ORGS.educators, ORGS.mediators]) {
    const peace = await module(writers[org]!, `Peace ${org.slice(-2)}`, PLANS);
    ids[`module-${org}`] = peace.id;
    ids[`facilitator-${org}`] = await facilitator(writers[org]!, {
      fullName: `Facilitator ${org.slice(-2)}`,
      languages: ['fuc'],
      certifiedModules: [peace.id],
    });
  }
  for (let n = 0; n < 12; n += 1) {
    const org = n % 3 === 2 ? ORGS.mediators : ORGS.educators;
    const client = writers[org]!;
    const startOn = addDays('2024-06-20', n * 29 + (n % 4) * 3);
    const created = await cohort(client, {
      name: `Generated ${n}`,
      module: ids[`module-${org}`],
      community: places[n % places.length],
      language: 'fuc',
      facilitators: [ids[`facilitator-${org}`]],
      enrolment: { femaleAdults: 3 + n, maleAdults: 2 + (n % 5), femaleYouth: n % 3, maleChildren: n % 2 },
      enrolmentByAudience: [{ audience: 'WOMEN', count: 3 + n }],
      plannedStart: startOn,
    });
    const entry = { id: created.id, version: created.version, org, deliveries: [] as { id: string; version: number; on: string }[] };
    cohorts.push(entry);
    if (n === 11) continue; // planned, never started: counts nothing
    entry.version = await start(client, created.id, created.version, startOn);
    const sessions = n % 4 === 1 ? 2 : PLANS;
    for (let s = 1; s <= sessions; s += 1) {
      const on = addDays(startOn, 7 * (s - 1) + (n % 2));
      entry.deliveries.push({ id: await deliver(client, created.id, s, on, { femaleAdults: 2 }), version: 1, on });
    }
    if (n % 3 === 0) await deliver(client, created.id, 1, addDays(startOn, 3), { femaleAdults: 1 }, { makeUp: true });
    if (n % 2 === 0) {
      const { recordSocialMobilisation } = await ok<{ recordSocialMobilisation: { id: string; version: number } }>(
        client,
        RECORD_MOBILISATION,
        {
          input: {
            cohort: created.id,
            heldOn: addDays(startOn, 10 + n),
            activity: 'COMMUNITY_MEETING',
            communitiesReached: [places[n % places.length]],
            peopleReached: { femaleAdults: 10 + n, maleAdults: 7, maleYouth: n },
          },
        },
      );
      mobilisations.push(recordSocialMobilisation);
    }
  }
}, 120_000);
afterAll(() => curriculum.stop());

/** Filters a dashboard combines: none, places, module, owner, and periods cut mid-month, on month ends, within a month, open-ended. */
function filters(): ReachFilter[] {
  const periods: Pick<ReachFilter, 'from' | 'to'>[] = [
    {},
    { from: '2024-09-15', to: '2025-03-20' },
    { from: '2024-11-01', to: '2025-01-31' },
    { from: '2024-10-10', to: '2024-10-24' },
    { to: '2024-12-17' },
    { from: '2025-01-13' },
  ];
  const selections: ReachFilter[] = [
    {},
    { country: 'SN' },
    { country: 'ML' },
    { adminArea: 'SN06' },
    { adminArea: 'SN0601' },
    { module: ids[`module-${ORGS.educators}`] },
    { organisation: ORGS.mediators },
    { country: 'SN', organisation: ORGS.educators },
  ];
  return selections.flatMap((selection) => periods.map((period) => ({ ...selection, ...period })));
}

/**
 * Periods at the ends of the calendar the API takes: the day after 9999-12-31 and its month are in
 * year 10000, and the years 0–99 are where Date.UTC reads 1900–1999. Within a month, on a month's last
 * day, open at either end.
 */
const EDGE_PERIODS: Pick<ReachFilter, 'from' | 'to'>[] = CALENDAR_EDGE_PERIODS.map(({ from, to }) => ({ from, to }));
/** The days the records at the ends of the calendar are on. */
const EDGE_DAYS = CALENDAR_EDGE_DAYS;

const byKey = (rows: ReachRow[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** The rollup's answer and the raw computation's, for every grouping, filter and caller. */
async function expectRollupToMatchRecords(): Promise<number> {
  let compared = 0;
  for (const filter of filters()) {
    for (const groupBy of GROUPINGS) {
      for (const viewer of [ORGS.educators, ORGS.mediators]) {
        const [rolled, counted] = await Promise.all([reach.fromRollup(filter, groupBy, viewer), reach.counted(filter, groupBy, viewer)]);
        expect({ filter, groupBy, viewer, rows: byKey(rolled) }).toEqual({ filter, groupBy, viewer, rows: byKey(counted) });
        compared += 1;
      }
    }
  }
  return compared;
}

/** A rollup's non-empty rows, and the same rows summed afresh from every record. */
async function rollupAndRebuild(rollup: ReachRollup): Promise<[string[], string[]]> {
  const period = rollup.unit === 'day' ? 'on_date' : `date_trunc('month', on_date)::date`;
  const query = async (sql: string) => ((await curriculum.db.dataSource.query(sql)) as { row: string }[]).map((r) => r.row);
  return [
    await query(
      `SELECT (${[...PLACE_AND_OWNER, rollup.column, ...FIGURES].join(', ')})::text AS row FROM ${rollup.table} WHERE records > 0 ORDER BY 1`,
    ),
    await query(
      `SELECT (${PLACE_AND_OWNER.join(', ')}, ${period}, ${FIGURES.map((f) => `sum(${f})`).join(', ')})::text AS row
       FROM (${reachRecordsSql(() => 'true')}) r GROUP BY ${[...PLACE_AND_OWNER, period].join(', ')} ORDER BY 1`,
    ),
  ];
}

/** Both rollups hold exactly what the records add up to. */
async function expectRollupsToMatchRecords(): Promise<void> {
  for (const rollup of REACH_ROLLUPS) {
    const [kept, rebuilt] = await rollupAndRebuild(rollup);
    expect({ table: rollup.table, rows: kept }).toEqual({ table: rollup.table, rows: rebuilt });
  }
}

describe('the reach rollups', () => {
  it('hold what every record counts, month by month and day by day, on generated data', async () => {
    const [months] = await rollupAndRebuild(REACH_ROLLUPS[0]!);
    const [days] = await rollupAndRebuild(REACH_ROLLUPS[1]!);
    expect(months.length).toBeGreaterThan(15);
    expect(days.length).toBeGreaterThan(months.length);
    await expectRollupsToMatchRecords();
    const [totals] = (await curriculum.db.dataSource.query(
      `SELECT sum(records)::int AS records, sum(cohorts_completed)::int AS completed, sum(sessions_delivered)::int AS sessions,
              sum(make_up_sessions)::int AS make_ups FROM reach_month`,
    )) as Record<string, number>[];
    // 11 started, 8 of them completed; 8 × 4 + 3 × 2 sessions; 4 make-ups; 6 mobilisations.
    expect(totals).toEqual({ records: 11 + 8 + 38 + 4 + 6, completed: 8, sessions: 38, make_ups: 4 });
  });

  it('answer as the records do, for every grouping, filter and caller', async () => {
    expect(await expectRollupToMatchRecords()).toBe(filters().length * GROUPINGS.length * 2);
    expect(filters()).toHaveLength(48);
  });

  it('follow corrections: delivery dates, enrolment, starts, mobilisations, and the completion they move', async () => {
    const client = curriculum.owner;
    // A completed cohort's last session moved into the next month: the delivery and the completion move.
    const completed = cohorts[0]!;
    const last = completed.deliveries[PLANS - 1]!;
    await ok(client, CORRECT_DELIVERY, { id: last.id, version: last.version, input: { deliveredOn: addDays(last.on, 20) } });
    // Enrolment corrected, and the start moved a month earlier.
    const other = cohorts[3]!;
    // Its version moved when its last session completed it.
    const [row] = (await curriculum.db.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [other.id])) as { version: number }[];
    const version = row!.version;
    const { updateCohort } = await ok<{ updateCohort: { version: number } }>(client, UPDATE_COHORT, {
      id: other.id,
      version,
      input: { enrolment: { femaleAdults: 40, maleAdults: 30, femaleYouth: 5 } },
    });
    await ok(client, UPDATE_COHORT, {
      id: other.id,
      version: updateCohort.version,
      input: { startedOn: addDays(other.deliveries[0]!.on, -35) },
    });
    // A mobilisation moved and recounted.
    const mobilisation = mobilisations[0]!;
    await ok(client, UPDATE_MOBILISATION, {
      id: mobilisation.id,
      version: mobilisation.version,
      input: { heldOn: '2025-01-30', peopleReached: { femaleYouth: 3 } },
    });
    await expectRollupsToMatchRecords();
    await expectRollupToMatchRecords();
  }, 60_000);

  it('follow deletions, and a write that rolls back leaves it as it was', async () => {
    const { dataSource } = curriculum.db;
    const mobilised = cohorts[2]!;
    // Deleting a mobilisation and a make-up the way a write would: the cohort's change kept in the transaction.
    await dataSource.transaction(async (manager) => {
      const change = new CohortReachChange(cohorts[0]!.id);
      await change.check(manager);
      await manager.query(`DELETE FROM social_mobilisation WHERE cohort_id = $1`, [cohorts[0]!.id]);
      await manager.query(`DELETE FROM session_delivery WHERE cohort_id = $1 AND make_up`, [cohorts[0]!.id]);
      await change.after(manager);
    });
    await expectRollupsToMatchRecords();
    await expectRollupToMatchRecords();

    const before = await curriculum.tableValues(['reach_month', 'reach_day']);
    await expect(
      dataSource.transaction(async (manager) => {
        const change = new CohortReachChange(mobilised.id);
        await change.check(manager);
        await manager.query(`DELETE FROM social_mobilisation WHERE cohort_id = $1`, [mobilised.id]);
        await change.after(manager);
        throw new Error('rolled back after the rollup was changed');
      }),
    ).rejects.toThrow('rolled back');
    expect(await curriculum.tableValues(['reach_month', 'reach_day'])).toEqual(before);
    await expectRollupsToMatchRecords();

    // A write the service refuses (a second make-up the same day) changes nothing either.
    const twice = { femaleAdults: 1 };
    const startedOn = cohorts[3]!.deliveries[0]!.on;
    await deliver(curriculum.owner, cohorts[3]!.id, 1, addDays(startedOn, 1), twice, { makeUp: true });
    const afterMakeUp = await curriculum.tableValues(['reach_month', 'reach_day']);
    const { errors } = await curriculum.owner(
      `mutation ($input: RecordSessionDeliveryInput!) { recordSessionDelivery(input: $input) { id } }`,
      { input: { cohort: cohorts[3]!.id, sessionNumber: 1, deliveredOn: addDays(startedOn, 1), attendance: twice, makeUp: true } },
    );
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await curriculum.tableValues(['reach_month', 'reach_day'])).toEqual(afterMakeUp);
    await expectRollupToMatchRecords();
  }, 60_000);

  it('stay right under concurrent writes to the same cohorts, area and day', async () => {
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:write');
    // Cohorts 4, 5, 8 and 9 meet in SN0601; two mobilisations each on one day, all at once.
    const writes = [4, 5, 8, 9].flatMap((n) =>
      ['THEATRE', 'HOME_VISITS'].map((activity) =>
        (cohorts[n]!.org === ORGS.mediators ? mediators : curriculum.owner)(RECORD_MOBILISATION, {
          input: {
            cohort: cohorts[n]!.id,
            heldOn: '2025-06-10',
            activity,
            communitiesReached: [n % 4 === 0 ? ids.kedougou : ids.bandafassi],
            peopleReached: { femaleAdults: 5 + n, maleYouth: 2 },
          },
        }),
      ),
    );
    const answers = await Promise.all(writes);
    expect(answers.map((a) => a.errors ?? [])).toEqual(writes.map(() => []));
    await expectRollupsToMatchRecords();
    const [day] = (await curriculum.db.dataSource.query(
      `SELECT sum(records)::int AS records, sum(reached_female_adults)::int AS women FROM reach_day WHERE day = '2025-06-10' AND admin_pcode = 'SN0601'`,
    )) as { records: number; women: number }[];
    expect(day).toEqual({ records: 8, women: 2 * (9 + 10 + 13 + 14) });
  }, 60_000);

  it('answer periods to the ends of the calendar as the records do, with records on those days', async () => {
    // Make-up deliveries of cohort 4 (SN0601) on the last and first days the API takes, written as a
    // bulk load writes them: the rows, then the rollups from those rows.
    await curriculum.db.dataSource.transaction(async (manager) => {
      const delivered = (await manager.query(
        `INSERT INTO session_delivery (owner_org, created_by, cohort_id, session_plan_id, session_number, delivered_on, make_up, facilitator_ids)
         SELECT d.owner_org, 'generator', d.cohort_id, d.session_plan_id, d.session_number, edge.day::date, true, d.facilitator_ids
         FROM (SELECT * FROM session_delivery WHERE cohort_id = $1 AND NOT make_up ORDER BY session_number LIMIT 1) d,
              unnest($2::text[]) AS edge(day)
         RETURNING id`,
        [cohorts[4]!.id, EDGE_DAYS],
      )) as { id: string }[];
      const inserted = delivered.map((d) => `'${d.id}'`).join(', ');
      for (const rollup of REACH_ROLLUPS) {
        await manager.query(addToReachRollupSql(rollup, (source) => (source === 'delivered' ? `d.id IN (${inserted})` : null)));
      }
    });
    await expectRollupsToMatchRecords();
    const lastDays = await reach.counted({ from: '9999-12-14', to: '9999-12-31' }, null, ORGS.educators);
    expect(lastDays.map((r) => r.makeUpSessionsDelivered)).toEqual([2]);
    let compared = 0;
    for (const period of EDGE_PERIODS) {
      for (const selection of [{}, { adminArea: 'SN0601' }, { country: 'ML' }]) {
        for (const groupBy of GROUPINGS) {
          for (const viewer of [ORGS.educators, ORGS.mediators]) {
            const filter: ReachFilter = { ...selection, ...period };
            const [rolled, counted] = await Promise.all([
              reach.fromRollup(filter, groupBy, viewer),
              reach.counted(filter, groupBy, viewer),
            ]);
            expect({ filter, groupBy, viewer, rows: byKey(rolled) }).toEqual({ filter, groupBy, viewer, rows: byKey(counted) });
            compared += rolled.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(EDGE_PERIODS.length * GROUPINGS.length);
  }, 60_000);

  it('rebuild to the same rows from scratch, as the migrations backfill them', async () => {
    const { dataSource } = curriculum.db;
    const counting = () => Promise.all(REACH_ROLLUPS.map(async (rollup) => (await rollupAndRebuild(rollup))[0]));
    const kept = await counting();
    await dataSource.transaction(async (manager) => {
      for (const rollup of REACH_ROLLUPS) {
        await manager.query(`DELETE FROM ${rollup.table}`);
        await manager.query(addToReachRollupSql(rollup, () => 'true'));
      }
    });
    // Rows emptied by corrections are not rebuilt; every row that counts something is, the same.
    expect(await counting()).toEqual(kept);
    expect(kept[0]!.length).toBeGreaterThan(15);
  });
});
