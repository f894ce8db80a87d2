import { demoSeeder, seedOnce } from '@peacegraph/kit/sql';
import type { DataSource } from 'typeorm';
import { createContextFactory, type DisplacementContext } from '../context';
import type { FlowDirection } from '../common/transhumance-values';
import { timingOf, type SeasonWindow } from '../corridor/season';
import { MOBILITY_AGENCY, RECONCILIATION_MINISTRY } from './demo-data';
import { APPROACHING_HERD, DEMO_CORRIDORS, DEMO_COUNTING_POINTS, DEMO_SPOTS, OFF_SEASON_HERD } from './transhumance-demo-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR);

/** A fixed pseudo-random sequence: the same demo season on every database. */
function sequence(seed: number) {
  let state = seed;
  return (min: number, max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return min + (state % (max - min + 1));
  };
}

/**
 * The agency's demo transhumance work, once per database, through the services partners use: three
 * corridors, ten spots, five counting points, a season of flow observations (mostly in the
 * corridors' calendar, counted back from today), the two herds that set off the early-action rules
 * (one approaching Gorgadji's fields and Dori's market, one moving out of season on the river
 * corridor), and a conflict reported as an EVENT alert and followed through its whole life. Every
 * create carries a clientMutationId and every step looks first, so an interrupted load can run again.
 */
export function seedTranshumanceDemo(dataSource: DataSource, directoryUrl: string): Promise<boolean> {
  return seedOnce(dataSource, 'transhumance-demo-v1', async () => {
    // The demo loader acts as the agency's own staff; its writes are audited like anyone's.
    const { viewer: seeder, audit } = demoSeeder(dataSource, MOBILITY_AGENCY, ['displacement:write']);
    const context = await createContextFactory(dataSource, directoryUrl)(seeder, audit);

    const corridors = new Map<string, { id: string; season: SeasonWindow[] }>();
    for (const c of DEMO_CORRIDORS) {
      const created = await context.transhumanceCorridors.create({
        name: c.name,
        formality: c.formality,
        legalBasis: c.legalBasis,
        path: { coordinates: c.path },
        adminAreas: c.adminAreas,
        season: c.season,
        notes: c.notes,
        clientMutationId: `demo:corridor:${c.key}`,
      });
      corridors.set(c.key, { id: created.id, season: created.season });
    }
    const spots = new Map<string, string>();
    for (const s of DEMO_SPOTS) {
      const { key, corridor, adminArea, ...spot } = s;
      const created = await context.transhumancePlaces.createSpot({
        ...spot,
        adminArea,
        corridor: corridor ? corridors.get(corridor)!.id : null,
        clientMutationId: `demo:spot:${key}`,
      });
      spots.set(key, created.id);
    }
    const points = new Map<string, { id: string; corridor: string }>();
    for (const p of DEMO_COUNTING_POINTS) {
      const { key, corridor, ...point } = p;
      const created = await context.transhumancePlaces.createCountingPoint({
        ...point,
        corridor: corridors.get(corridor)!.id,
        clientMutationId: `demo:point:${key}`,
      });
      points.set(key, { id: created.id, corridor });
    }

    await seedSeason(context, corridors, points);
    await seedEarlyActionHerds(context, corridors, points);
    await seedEvent(context, spots);
  });
}

/**
 * From 160 to 10 days ago (older than the rules' look-back: history, not herds on their way), every
 * day at each counting point, a herd moving in whichever direction the corridor's calendar expects
 * then; on days no window holds, a small herd only every eighth day.
 */
async function seedSeason(
  context: DisplacementContext,
  corridors: Map<string, { season: SeasonWindow[] }>,
  points: Map<string, { id: string; corridor: string }>,
) {
  const random = sequence(8);
  const observations = [];
  for (let day = 160; day >= 10; day--) {
    for (const [key, point] of points) {
      const at = new Date(Date.now() - day * DAY - random(6, 16) * HOUR);
      const season = corridors.get(point.corridor)!.season;
      const inSeason = (['FORWARD', 'BACKWARD'] as FlowDirection[]).find((d) => timingOf(season, d, at, 4).timing === 'INSIDE');
      if (!inSeason && day % 8 !== 0) continue;
      const small = !inSeason;
      observations.push({
        countingPoint: point.id,
        observedAt: at,
        direction: inSeason ?? (random(0, 1) ? 'FORWARD' : 'BACKWARD'),
        cattle: random(small ? 5 : 20, small ? 25 : 140),
        sheep: random(small ? 10 : 40, small ? 60 : 320),
        goats: random(0, small ? 30 : 110),
        camels: key === 'gorom' || key === 'ansongo' ? random(0, 8) : 0,
        herders: random(2, small ? 4 : 10),
      } as const);
    }
  }
  for (let i = 0; i < observations.length; i += 200) {
    await context.transhumanceFlows.record({ observations: observations.slice(i, i + 200), clientMutationId: `demo:season:${i / 200}` });
  }
}

async function seedEarlyActionHerds(
  context: DisplacementContext,
  corridors: Map<string, { season: SeasonWindow[] }>,
  points: Map<string, { id: string; corridor: string }>,
) {
  const { countingPoint, hoursAgo: approachAge, ...approaching } = APPROACHING_HERD;
  await context.transhumanceFlows.record({
    observations: [
      { countingPoint: points.get(countingPoint)!.id, observedAt: hoursAgo(approachAge), direction: 'FORWARD', ...approaching },
    ],
    clientMutationId: 'demo:herd:approaching',
  });
  // Whichever direction today's calendar does not expect on the river corridor (its windows never overlap).
  const { countingPoint: offPoint, hoursAgo: offAge, ...offSeason } = OFF_SEASON_HERD;
  const river = corridors.get(points.get(offPoint)!.corridor)!;
  const at = hoursAgo(offAge);
  const direction: FlowDirection = timingOf(river.season, 'BACKWARD', at, 4).timing === 'INSIDE' ? 'FORWARD' : 'BACKWARD';
  await context.transhumanceFlows.record({
    observations: [{ countingPoint: points.get(offPoint)!.id, observedAt: at, direction, ...offSeason }],
    clientMutationId: 'demo:herd:off-season',
  });
}

/** A clash in the Gorgadji fields, reported, checked, passed on, answered and closed; and a false alarm, dismissed. */
async function seedEvent(context: DisplacementContext, spots: Map<string, string>) {
  const alerts = context.transhumanceAlerts;
  let alert = await alerts.raise({
    kind: 'EVENT',
    severity: 'HIGH',
    summary:
      'A herd entered unharvested sorghum at night near Gorgadji; farmers and herders argued at dawn and two people were hurt. The village chief asked for mediation before the next herds arrive.',
    spot: spots.get('gorgadji-fields')!,
    cattle: 60,
    sheep: 140,
    at: hoursAgo(6 * 24),
    clientMutationId: 'demo:alert:gorgadji-clash',
  });
  const step = (hours: number) => hoursAgo(hours);
  if (alert.status === 'RAISED')
    alert = await alerts.verify(alert.id, alert.version, {
      at: step(6 * 24 - 5),
      note: 'Confirmed by the agency’s field monitor in Gorgadji by phone.',
    });
  if (alert.status === 'VERIFIED') {
    alert = await alerts.disseminate(alert.id, alert.version, {
      at: step(5 * 24),
      recipients: [
        { kind: 'AUTHORITY', name: 'Prefect of Gorgadji' },
        { kind: 'HERDER_ASSOCIATION', name: 'Séno herders’ union' },
        { kind: 'COMMUNITY_LEADERS', name: 'Village chief and imam of Gorgadji' },
        { kind: 'MINISTRY', name: 'Ministry of national reconciliation', organisation: RECONCILIATION_MINISTRY },
      ],
    });
  }
  if (alert.status === 'DISSEMINATED') {
    alert = await alerts.recordResponse(alert.id, alert.version, {
      at: step(4 * 24),
      response:
        'A mediation under the tree of the chief’s court agreed compensation in grain; the herders’ union sent guides to keep the next herds on the corridor.',
      respondedBy: 'Prefect of Gorgadji with the herders’ union',
    });
  }
  if (alert.status === 'RESPONSE_RECORDED')
    await alerts.close(alert.id, alert.version, { at: step(2 * 24), reason: 'Compensation paid; no incident since.' });

  const alarm = await alerts.raise({
    kind: 'PREVENTION',
    trigger: 'MASSIVE',
    severity: 'MEDIUM',
    summary: 'Reports on the radio of a very large herd heading for the Djibo borehole.',
    spot: spots.get('djibo-borehole')!,
    at: hoursAgo(3 * 24),
    clientMutationId: 'demo:alert:djibo-rumour',
  });
  if (alarm.status === 'RAISED') {
    await alerts.close(alarm.id, alarm.version, {
      dismissed: true,
      at: hoursAgo(2 * 24 + 12),
      reason: 'False alarm: the herd had turned back north before Djibo; the counting point saw nothing.',
    });
  }
}
