import { ok } from '../../test/fixtures';
import { startDisplacement, type DisplacementUnderTest } from '../../test/support';
import {
  ALERT_FIELDS,
  createCorridor,
  createCountingPoint,
  createSpot,
  hoursAgo,
  kmAt,
  LONGITUDE,
  monthDay,
  record,
  type AlertView,
} from '../../test/transhumance-world';

let sub: DisplacementUnderTest;
beforeAll(async () => {
  sub = await startDisplacement();
}, 120_000);
afterAll(() => sub?.stop());

let corridors = 0;
/**
 * A fresh test corridor (alerts belong to their corridor, so tests do not see each other's), a
 * counting point at 14.5° N, a water point ahead of it at 14.1° N (5 km off the path), cropland behind
 * it at 14.55° N and a market too far ahead to reach within the horizon, at 13.65° N.
 */
async function scenario(
  season: Record<string, unknown>[] = [{ direction: 'FORWARD', opens: monthDay(-30), closes: monthDay(30), label: 'descent' }],
) {
  const n = ++corridors;
  const corridor = await createCorridor(sub.owner, { name: `Corridor ${n}`, season });
  const point = await createCountingPoint(sub.owner, { name: 'Point A', latitude: 14.5, corridor: corridor.id });
  // Spot names are unique per organisation and area: the first scenario's are plain, the others numbered.
  const suffix = n === 1 ? '' : ` ${n}`;
  const water = await createSpot(sub.owner, {
    name: `Bangao${suffix}`,
    kind: 'WATER_POINT',
    latitude: 14.1,
    longitude: LONGITUDE + 0.05,
    corridor: corridor.id,
  });
  const cropland = await createSpot(sub.owner, { name: `North fields${suffix}`, kind: 'CROPLAND', latitude: 14.55, corridor: corridor.id });
  const market = await createSpot(sub.owner, {
    name: `Sebba road market${suffix}`,
    kind: 'MARKET',
    latitude: 13.65,
    corridor: corridor.id,
  });
  return { corridor, point, water, cropland, market };
}

const herd = (point: string, over: Record<string, unknown> = {}) => ({
  countingPoint: point,
  observedAt: hoursAgo(2),
  direction: 'FORWARD',
  cattle: 200,
  sheep: 300,
  herders: 6,
  ...over,
});

async function alertsOn(corridor: string): Promise<AlertView[]> {
  const data = await ok<{ transhumanceAlerts: { edges: { node: AlertView }[] } }>(
    sub.owner,
    `query ($c: ID!) { transhumanceAlerts(filter: { corridor: $c }, first: 100) { edges { node { ${ALERT_FIELDS} } } } }`,
    { c: corridor },
  );
  return data.transhumanceAlerts.edges.map((e) => e.node);
}

const dryMonth = () => {
  const md = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(5, 10);
  return md >= '03-01' && md <= '06-30';
};

describe('herd approaching a sensitive spot', () => {
  it('raises one alert at the spot ahead, with its expected arrival, evidence and reasoning', async () => {
    const { corridor, point, water } = await scenario();
    expect(water.distanceFromCorridorKm).toBeCloseTo(((0.05 * (6378.168 * Math.PI)) / 180) * Math.cos((14.1 * Math.PI) / 180), 1);
    const observedAt = hoursAgo(2);
    const { alerts, observations } = await record(sub.owner, [herd(point.id, { observedAt })]);
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    const distance = kmAt(14.1) - kmAt(14.5);
    expect(alert).toMatchObject({
      kind: 'PREVENTION',
      trigger: 'APPROACHING',
      status: 'RAISED',
      raisedBy: 'SERVICE',
      severity: dryMonth() ? 'MEDIUM' : 'LOW',
      direction: 'FORWARD',
      herd: { cattle: 200, sheep: 300, goats: 0, camels: 0, tlu: 170 },
      spot: { id: water.id, name: 'Bangao' },
      corridor: { id: corridor.id },
      adminArea: { pcode: 'BF5602' },
      evidence: {
        rule: 'HERD_APPROACHING_SPOT',
        distanceAlongCorridorKm: Math.round(distance * 10) / 10,
        assumedSpeedKmPerDay: 15,
        horizonDays: 5,
        alertThresholdTlu: 100,
        massiveThresholdTlu: 500,
        observations: [{ id: observations[0]!.id }],
        countingPoint: { id: point.id },
      },
    });
    expect(Date.parse(alert!.expectedArrival!)).toBeCloseTo(Date.parse(observedAt) + (distance / 15) * 86_400_000, -3);
    expect(alert!.reasoning).toMatch(
      /^200 cattle and 300 sheep \(170 TLU\) passed Point A counting point heading south on \d+ \w{3}; at 15 km\/day they reach Bangao \(water point\), 45 km on, around \d+ \w{3}, within the 5-day horizon; threshold 100 TLU\.$/,
    );
    // Cropland is behind the counting point, the market 94 km ahead (6.3 days): no alert at either.
    expect((await alertsOn(corridor.id)).map((a) => a.spot?.name)).toEqual(['Bangao']);
  });

  it('is idempotent: more of the same herd refreshes the open alert, a retried batch changes nothing, a verified alert is left alone', async () => {
    const { corridor, point } = await scenario();
    const [first] = (await record(sub.owner, [herd(point.id)], 'batch-1')).alerts;
    const more = await record(sub.owner, [herd(point.id, { cattle: 100, sheep: 0, observedAt: hoursAgo(1) })]);
    expect(more.alerts).toHaveLength(1);
    expect(more.alerts[0]).toMatchObject({ id: first!.id, version: 2, herd: { cattle: 300, sheep: 300, tlu: 240 } });
    expect(more.alerts[0]!.evidence!.observations).toHaveLength(2);

    const retried = await record(sub.owner, [herd(point.id)], 'batch-1');
    expect(retried.alerts).toEqual([]);
    expect(await alertsOn(corridor.id)).toHaveLength(1);

    await ok(sub.owner, `mutation ($id: ID!) { verifyTranshumanceAlert(id: $id, version: 2) { id } }`, { id: first!.id });
    expect((await record(sub.owner, [herd(point.id, { cattle: 50, sheep: 0 })])).alerts).toEqual([]);
    const [kept] = await alertsOn(corridor.id);
    expect(kept).toMatchObject({ id: first!.id, status: 'VERIFIED', herd: { tlu: 240 } });
  });

  it('stays quiet for a herd under the threshold, old observations, and warns only what lies ahead in the direction of travel', async () => {
    const { corridor, point } = await scenario();
    expect((await record(sub.owner, [herd(point.id, { cattle: 0, sheep: 900 })])).alerts).toEqual([]);
    expect((await record(sub.owner, [herd(point.id, { cattle: 900, observedAt: hoursAgo(8 * 24) })])).alerts).toEqual([]);
    // Heading north, the water point is behind; the cropland (5.6 km on) is ahead.
    const north = await record(sub.owner, [herd(point.id, { direction: 'BACKWARD' })]);
    expect(north.alerts.map((a) => [a.spot?.name.replace(/ \d+$/, ''), a.direction])).toEqual([['North fields', 'BACKWARD']]);
    expect(await alertsOn(corridor.id)).toHaveLength(1);
  });

  it('calls a herd over the massive threshold MASSIVE', async () => {
    const { point } = await scenario();
    const [alert] = (await record(sub.owner, [herd(point.id, { cattle: 800, sheep: 0 })])).alerts;
    expect(alert).toMatchObject({ trigger: 'MASSIVE', severity: dryMonth() ? 'CRITICAL' : 'HIGH', herd: { tlu: 560 } });
    expect(alert!.reasoning).toContain('massive from 500 TLU');
  });
});

describe('movement outside the season calendar', () => {
  it('raises EARLY before the window opens, at the counting point’s area, and names the days', async () => {
    const { corridor, point } = await scenario([{ direction: 'FORWARD', opens: monthDay(10), closes: monthDay(60), label: 'descent' }]);
    const { alerts } = await record(sub.owner, [herd(point.id, { cattle: 100, sheep: 0, observedAt: hoursAgo(0.02) })]);
    const season = alerts.find((a) => a.evidence!.rule === 'OUTSIDE_SEASON')!;
    expect(season).toMatchObject({ trigger: 'EARLY', spot: null, adminArea: { pcode: 'BF5602' }, herd: { tlu: 70 } });
    expect(season.evidence!.daysOutsideWindow).toBeGreaterThanOrEqual(9);
    expect(season.evidence!.daysOutsideWindow).toBeLessThanOrEqual(11);
    expect(season.reasoning).toMatch(
      /^100 cattle \(70 TLU\) passed Point A counting point moving along the Corridor \d+ on \d+ \w{3}, \d+ days before the descent window/,
    );
    // 70 TLU is under the approach threshold: no alert at the water point.
    expect(alerts).toHaveLength(1);
    expect(await alertsOn(corridor.id)).toHaveLength(1);
  });

  it('raises LATE after the window closed, UNEXPECTED far outside it, and nothing under the minimum or inside the window', async () => {
    const late = await scenario([{ direction: 'FORWARD', opens: monthDay(-60), closes: monthDay(-10) }]);
    expect((await record(sub.owner, [herd(late.point.id, { cattle: 100, sheep: 0 })])).alerts.map((a) => a.trigger)).toEqual(['LATE']);
    const unexpected = await scenario([{ direction: 'FORWARD', opens: monthDay(100), closes: monthDay(150) }]);
    expect((await record(sub.owner, [herd(unexpected.point.id, { cattle: 80, sheep: 0 })])).alerts.map((a) => a.trigger)).toEqual([
      'UNEXPECTED',
    ]);
    const small = await scenario([{ direction: 'FORWARD', opens: monthDay(100), closes: monthDay(150) }]);
    expect((await record(sub.owner, [herd(small.point.id, { cattle: 0, sheep: 400 })])).alerts).toEqual([]);
    const inside = await scenario();
    expect((await record(sub.owner, [herd(inside.point.id, { cattle: 100, sheep: 0 })])).alerts).toEqual([]);
  });

  it('a herd ahead of a spot and outside the calendar is an approach alert with the calendar’s trigger, and a season alert', async () => {
    const { point } = await scenario([{ direction: 'FORWARD', opens: monthDay(100), closes: monthDay(150) }]);
    const { alerts } = await record(sub.owner, [herd(point.id)]);
    expect(alerts.map((a) => [a.evidence!.rule, a.trigger]).sort()).toEqual([
      ['HERD_APPROACHING_SPOT', 'UNEXPECTED'],
      ['OUTSIDE_SEASON', 'UNEXPECTED'],
    ]);
  });
});

describe('per-corridor settings', () => {
  it('a slower herd speed puts the spot beyond the horizon', async () => {
    const corridor = await createCorridor(sub.owner, { name: 'Slow corridor', earlyAction: { herdSpeedKmPerDay: 5 } });
    const point = await createCountingPoint(sub.owner, { name: 'Slow point', latitude: 14.5, corridor: corridor.id });
    await createSpot(sub.owner, { name: 'Slow water', latitude: 14.1, corridor: corridor.id });
    // 44.5 km at 5 km/day is 8.9 days.
    expect((await record(sub.owner, [herd(point.id)])).alerts).toEqual([]);
  });
});
