import { addToFlowWeeksSql, weeklyFlows, type WeeklyFlowFilter } from './flow-weeks';
import { ok } from '../../test/fixtures';
import { weeklyFlowsFromObservations } from '../../test/transhumance-flow-reference';
import { OTHER_PARTNER, OWNER, startDisplacement, type DisplacementUnderTest } from '../../test/support';
import { createCorridor, createCountingPoint, LONGITUDE, NORTH, SOUTH } from '../../test/transhumance-world';

let sub: DisplacementUnderTest;
let other: DisplacementUnderTest['owner'];
const corridors: Record<'a' | 'b', string> = { a: '', b: '' };
const points: Record<'a' | 'b' | 'othersOnA', string> = { a: '', b: '', othersOnA: '' };

const RECORD = `mutation ($input: RecordFlowObservationsInput!) { recordFlowObservations(input: $input) { observations { id } } }`;
const seen = (point: string, observedAt: string, over: Record<string, unknown> = {}) => ({
  countingPoint: point,
  observedAt,
  direction: 'FORWARD',
  cattle: 10,
  herders: 1,
  ...over,
});

/** The aggregation the rollup replaces, over the observations themselves: what the answer must stay. */
async function fromObservations(filter: WeeklyFlowFilter, viewerOrg: string | null) {
  const { sql, params } = weeklyFlowsFromObservations(filter, viewerOrg);
  return sub.db.dataSource.query(sql, params);
}

/** The rollup as it is, and as a GROUP BY over every observation would make it. */
const ROLLUP_COLUMNS = `corridor_id, week_start::text, direction, owner_org, observations::int, cattle::int, sheep::int, goats::int, camels::int, herders::int`;
const rollup = () => sub.db.dataSource.query(`SELECT ${ROLLUP_COLUMNS} FROM flow_week ORDER BY 1, 2, 3, 4`);
const rollupFromObservations = () =>
  sub.db.dataSource.query(
    `SELECT ${ROLLUP_COLUMNS} FROM (
       SELECT corridor_id, date_trunc('week', observed_at AT TIME ZONE 'UTC')::date AS week_start, direction, owner_org, count(*) AS observations,
              sum(cattle) AS cattle, sum(sheep) AS sheep, sum(goats) AS goats, sum(camels) AS camels, sum(herders) AS herders
       FROM flow_observation GROUP BY 1, 2, 3, 4) w ORDER BY 1, 2, 3, 4`,
  );

// 2025-03-03, -10, -17, -24 and -31 are Mondays. Weeks 2025-W10 and W11 get observations from several
// batches and, on corridor A, from two organisations; observations sit at both ends of a day and a week.
beforeAll(async () => {
  sub = await startDisplacement();
  other = await sub.as(OTHER_PARTNER, 'displacement:write');
  const path = {
    coordinates: [
      [LONGITUDE, NORTH],
      [LONGITUDE, SOUTH],
    ],
  };
  corridors.a = (await createCorridor(sub.owner, { name: 'Corridor A', path })).id;
  corridors.b = (await createCorridor(sub.owner, { name: 'Corridor B', path })).id;
  points.a = (await createCountingPoint(sub.owner, { name: 'A north', latitude: 14.5, corridor: corridors.a })).id;
  points.b = (await createCountingPoint(sub.owner, { name: 'B north', latitude: 14.5, corridor: corridors.b })).id;
  points.othersOnA = (await createCountingPoint(other, { name: 'A south', latitude: 13.8, corridor: corridors.a })).id;

  const { a, b, othersOnA } = points;
  const batches: [DisplacementUnderTest['owner'], ReturnType<typeof seen>[]][] = [
    [
      sub.owner,
      [
        seen(a, '2025-03-03T00:00:00Z', { sheep: 5, herders: 3 }),
        seen(a, '2025-03-05T12:00:00Z', { goats: 7 }),
        seen(a, '2025-03-09T23:59:59Z', { camels: 2, herders: 2 }),
        seen(a, '2025-03-10T00:00:00Z', { cattle: 40 }),
        seen(a, '2025-03-12T09:00:00Z', { direction: 'BACKWARD', cattle: 3, sheep: 30 }),
        seen(a, '2025-03-19T09:00:00Z', { cattle: 25, herders: 4 }),
        seen(a, '2025-03-30T18:00:00Z', { cattle: 12 }),
        seen(b, '2025-03-04T07:00:00Z', { cattle: 60, herders: 5 }),
        seen(b, '2025-03-11T07:00:00Z', { direction: 'BACKWARD', goats: 15 }),
        seen(b, '2025-03-25T07:00:00Z', { cattle: 8 }),
      ],
    ],
    // Into the same weeks, corridors and directions: the rollup adds to its rows.
    [
      sub.owner,
      [
        seen(a, '2025-03-06T10:00:00Z', { cattle: 7, herders: 2 }),
        seen(a, '2025-03-16T10:00:00Z', { sheep: 11 }),
        seen(b, '2025-03-04T15:00:00Z', { cattle: 1 }),
      ],
    ],
    // Another organisation on corridor A: W10 and W13 of A are no longer all the owner's.
    [
      other,
      [
        seen(othersOnA, '2025-03-05T08:00:00Z', { cattle: 33, herders: 6 }),
        seen(othersOnA, '2025-03-27T08:00:00Z', { sheep: 9, herders: 1 }),
      ],
    ],
    // Around the month: a Friday before and the Monday and Wednesday after.
    [
      sub.owner,
      [seen(a, '2025-02-28T10:00:00Z'), seen(a, '2025-03-31T10:00:00Z', { direction: 'BACKWARD' }), seen(b, '2025-04-02T10:00:00Z')],
    ],
  ];
  for (const [client, observations] of batches) await ok(client, RECORD, { input: { observations } });
}, 120_000);
afterAll(() => sub?.stop());

describe('the weekly rollup', () => {
  it('holds what a GROUP BY over the observations gives, after several batches into the same weeks', async () => {
    const rows = await rollup();
    expect(rows).toEqual(await rollupFromObservations());
    // Corridor A, W10, FORWARD: one row per organisation, the owner's summing two batches.
    const w10 = rows.filter(
      (r: Record<string, unknown>) => r.corridor_id === corridors.a && r.week_start === '2025-03-03' && r.direction === 'FORWARD',
    );
    expect(w10.map((r: Record<string, unknown>) => [r.owner_org === OWNER, r.observations, r.cattle])).toEqual(
      expect.arrayContaining([
        [true, 4, 37],
        [false, 1, 33],
      ]),
    );
  });

  const RANGES: [string, string, string][] = [
    ['whole weeks only', '2025-03-03', '2025-03-30'],
    ['cut at both ends', '2025-03-01', '2025-03-31'],
    ['Wednesday to Tuesday', '2025-03-05', '2025-03-18'],
    ['inside one week', '2025-03-05', '2025-03-07'],
    ['Sunday to Monday', '2025-03-09', '2025-03-10'],
    ['one Monday', '2025-03-10', '2025-03-10'],
    ['cut start, whole end', '2025-03-04', '2025-03-16'],
    ['whole start, cut end', '2025-03-03', '2025-03-19'],
    ['exactly one week', '2025-03-10', '2025-03-16'],
    ['everything', '2025-01-01', '2025-06-30'],
  ];
  it.each(RANGES)('answers as the observations do: %s (%s to %s), any corridors, direction and viewer', async (_, from, to) => {
    for (const corridorSet of [null, [corridors.a], [corridors.a, corridors.b]]) {
      for (const direction of [null, 'FORWARD', 'BACKWARD'] as const) {
        for (const viewer of [OWNER, OTHER_PARTNER, null]) {
          const filter = { corridors: corridorSet, from, to, direction };
          expect(await weeklyFlows(sub.db.dataSource, filter, viewer)).toEqual(await fromObservations(filter, viewer));
        }
      }
    }
  });

  it('reads whole weeks from the rollup and the days of cut weeks from the observations', async () => {
    const cattleOfW11 = async (from: string, to: string) =>
      (await weeklyFlows(sub.db.dataSource, { corridors: [corridors.b], from, to, direction: null }, OWNER)).find(
        (r) => r.weekStart === '2025-03-10',
      )?.cattle;
    const whole = await cattleOfW11('2025-03-10', '2025-03-16');
    const cut = await cattleOfW11('2025-03-11', '2025-03-16');
    await sub.db.dataSource.query(`UPDATE flow_week SET cattle = cattle + 1000 WHERE corridor_id = $1 AND week_start = '2025-03-10'`, [
      corridors.b,
    ]);
    try {
      expect(await cattleOfW11('2025-03-10', '2025-03-16')).toBe(whole! + 1000);
      expect(await cattleOfW11('2025-03-11', '2025-03-16')).toBe(cut);
    } finally {
      await sub.db.dataSource.query(`UPDATE flow_week SET cattle = cattle - 1000 WHERE corridor_id = $1 AND week_start = '2025-03-10'`, [
        corridors.b,
      ]);
    }
  });

  it('answers periods at the ends of the calendar as the observations do, with observations there', async () => {
    // Copies of corridor A's observations at those instants, in SQL (a device cannot report year 9999),
    // added to the rollup as a batch is. 0001-01-01 and 9999-12-27 are Mondays, 9999-12-31 a Friday.
    const instants = [
      '0001-01-01T00:00:00Z',
      '0001-01-07T23:59:59Z',
      '0050-02-20T10:00:00Z',
      '0050-03-10T10:00:00Z',
      '0999-12-31T12:00:00Z',
      '1000-01-03T00:00:00Z',
      '9999-12-20T10:00:00Z',
      '9999-12-27T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ];
    await sub.db.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO flow_observation (batch_id, owner_org, created_by, counting_point_id, corridor_id, observed_at, direction, cattle, sheep, goats, camels, herders)
         SELECT batch_id, owner_org, 'calendar-ends', counting_point_id, corridor_id, at::timestamptz, direction, cattle, sheep, goats, camels, herders
         FROM (SELECT * FROM flow_observation WHERE corridor_id = $1 ORDER BY observed_at, id LIMIT 3) AS o CROSS JOIN unnest($2::text[]) AS at`,
        [corridors.a, instants],
      );
      await manager.query(addToFlowWeeksSql(`created_by = 'calendar-ends'`));
    });
    expect(await rollup()).toEqual(await rollupFromObservations());
    const ranges: [string, string][] = [
      ['9999-12-20', '9999-12-31'],
      ['9999-12-31', '9999-12-31'],
      ['9999-12-28', '9999-12-31'],
      ['0001-01-01', '0001-01-14'],
      ['0001-01-02', '0001-01-07'],
      ['0050-02-15', '0050-03-10'],
      ['0999-12-31', '1000-01-12'],
    ];
    let weeks = 0;
    for (const [from, to] of ranges) {
      for (const corridorSet of [null, [corridors.a]]) {
        for (const viewer of [OWNER, OTHER_PARTNER]) {
          const filter = { corridors: corridorSet, from, to, direction: null };
          const answer = await weeklyFlows(sub.db.dataSource, filter, viewer);
          expect(answer).toEqual(await fromObservations(filter, viewer));
          weeks += answer.length;
        }
      }
    }
    // Every range finds observations (the ones of 9999-12-28 to 31 on the Friday only): figures, not empty answers.
    expect(weeks).toBeGreaterThanOrEqual(ranges.length * 4);
  });

  it('counts a retried batch (same clientMutationId) once', async () => {
    const input = { observations: [seen(points.a, '2025-03-12T11:00:00Z', { cattle: 4 })], clientMutationId: 'weeks:retry' };
    await ok(sub.owner, RECORD, { input });
    const once = await rollup();
    await ok(sub.owner, RECORD, { input });
    expect(await rollup()).toEqual(once);
    expect(once).toEqual(await rollupFromObservations());
  });

  it('is left as it was by a refused batch', async () => {
    const before = await rollup();
    const { errors } = await sub.owner(RECORD, {
      input: { observations: [seen(points.a, '2025-03-12T12:00:00Z'), seen(points.a, '2025-03-12T13:00:00Z', { cattle: 0 })] },
    });
    expect((errors as { extensions?: { code?: string } }[])[0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await rollup()).toEqual(before);
  });

  it('answers transhumanceFlows in one SQL statement, and two with the corridors', async () => {
    const reader = await sub.as(OTHER_PARTNER, 'displacement:read');
    const statements = async (fields: string) => {
      sub.db.statements.reset();
      await ok(reader, `{ transhumanceFlows(filter: { from: "2025-03-01", to: "2025-03-31" }) { ${fields} } }`);
      return sub.db.statements.count;
    };
    expect(await statements('week observations heads { tlu } herders { count suppressed }')).toBe(1);
    expect(await statements('corridor { name } week observations')).toBe(2);
  });
});
