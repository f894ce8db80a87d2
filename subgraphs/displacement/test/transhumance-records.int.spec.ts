import { ok } from './fixtures';
import { OTHER_PARTNER, startDisplacement, type DisplacementUnderTest } from './support';
import {
  CORRIDOR_FIELDS,
  createCorridor,
  createCountingPoint,
  createSpot,
  KM_PER_DEGREE,
  kmAt,
  LONGITUDE,
  NORTH,
  SOUTH,
} from './transhumance-world';

let sub: DisplacementUnderTest;
let corridor: { id: string; version: number; lengthKm: number };
let point: { id: string; kmAlongCorridor: number };
const spots: Record<string, string> = {};

beforeAll(async () => {
  sub = await startDisplacement();
  corridor = await createCorridor(sub.owner, { season: [{ direction: 'FORWARD', opens: '10-15', closes: '12-31', label: 'descent' }] });
  point = await createCountingPoint(sub.owner, { name: 'Point A', latitude: 14.5, corridor: corridor.id });
  // On the path; 5.4 km east of it; 1.1 km west; a spot 20 km off it linked to nothing; one far away in Niger.
  spots.onPath = (await createSpot(sub.owner, { name: 'On the path', latitude: 14.3, corridor: corridor.id })).id;
  spots.east = (await createSpot(sub.owner, { name: 'East pond', latitude: 14.1, longitude: LONGITUDE + 0.05, corridor: corridor.id })).id;
  spots.west = (
    await createSpot(sub.owner, {
      name: 'West field',
      kind: 'CROPLAND',
      latitude: 13.9,
      longitude: LONGITUDE - 0.01,
      corridor: corridor.id,
    })
  ).id;
  spots.off = (await createSpot(sub.owner, { name: 'Off the corridor', kind: 'MARKET', latitude: 14.2, longitude: LONGITUDE + 0.185 })).id;
  spots.niger = (
    await createSpot(sub.owner, {
      name: 'Ayorou crossing',
      kind: 'BORDER_CROSSING',
      latitude: 14.73,
      longitude: 0.92,
      adminArea: 'NE006002',
    })
  ).id;
}, 120_000);
afterAll(() => sub?.stop());

type Errors = { path?: (string | number)[]; message: string; extensions?: Record<string, unknown> }[] | undefined;

/** A write that must be refused on `field` with BAD_USER_INPUT, leaving every table as it was. */
async function refused(query: string, variables: Record<string, unknown>, field: string, message?: RegExp) {
  const before = await sub.allRows();
  const { errors } = await sub.owner(query, variables);
  expect((errors as Errors)?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  if (message) expect((errors as Errors)![0]!.message).toMatch(message);
  expect(JSON.stringify(errors)).not.toMatch(/SELECT|INSERT|stack|QueryFailed/);
  expect(await sub.allRows()).toEqual(before);
}

const CREATE_CORRIDOR = `mutation ($input: CreateTranshumanceCorridorInput!) { createTranshumanceCorridor(input: $input) { id } }`;
const CREATE_SPOT = `mutation ($input: CreateSensitiveSpotInput!) { createSensitiveSpot(input: $input) { id } }`;
const CREATE_POINT = `mutation ($input: CreateCountingPointInput!) { createCountingPoint(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordFlowObservationsInput!) { recordFlowObservations(input: $input) { observations { id } } }`;
const corridorInput = (over: Record<string, unknown>) => ({
  name: 'Another corridor',
  formality: 'INFORMAL',
  path: {
    coordinates: [
      [LONGITUDE, NORTH],
      [LONGITUDE, SOUTH],
    ],
  },
  adminAreas: ['BF5602'],
  ...over,
});
// it.each tables are built before beforeAll: 'POINT' stands for the counting point until then.
const observation = (over: Record<string, unknown> = {}) => ({
  countingPoint: point?.id ?? 'POINT',
  observedAt: new Date(Date.now() - 3_600_000).toISOString(),
  direction: 'FORWARD',
  cattle: 10,
  ...over,
});

describe('corridors', () => {
  it('computes the length, bounds and countries, and keeps the calendar and the default settings', async () => {
    const { transhumanceCorridor } = await ok<{ transhumanceCorridor: Record<string, unknown> }>(
      sub.request,
      `query ($id: ID!) { transhumanceCorridor(id: $id) { ${CORRIDOR_FIELDS} path adminAreas { pcode } } }`,
      { id: corridor.id },
    );
    expect(transhumanceCorridor).toMatchObject({
      formality: 'FORMAL',
      lengthKm: Math.round(KM_PER_DEGREE * 1000) / 1000,
      countries: ['BF'],
      bounds: { south: SOUTH, west: LONGITUDE, north: NORTH, east: LONGITUDE },
      season: [{ direction: 'FORWARD', opens: '10-15', closes: '12-31', label: 'descent' }],
      earlyAction: { herdSpeedKmPerDay: 15, horizonDays: 5, maxDistanceFromPathKm: 10 },
      path: {
        type: 'LineString',
        coordinates: [
          [LONGITUDE, NORTH],
          [LONGITUDE, SOUTH],
        ],
      },
      adminAreas: [{ pcode: 'BF5602' }],
    });
    const [{ n }] = await sub.db.dataSource.query(`SELECT count(*)::int AS n FROM transhumance_corridor_vertex WHERE corridor_id = $1`, [
      corridor.id,
    ]);
    expect(n).toBe(113);
  });

  it('accepts a GeoJSON Feature, and moves its spots along when the path changes', async () => {
    const other = await ok<{ createTranshumanceCorridor: { id: string; version: number } }>(
      sub.owner,
      `mutation ($input: CreateTranshumanceCorridorInput!) { createTranshumanceCorridor(input: $input) { id version } }`,
      {
        input: corridorInput({
          name: 'Feature corridor',
          path: {
            geoJson: {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'LineString',
                coordinates: [
                  [-0.5, 14.2],
                  [-0.4, 14.2],
                ],
              },
            },
          },
        }),
      },
    );
    const spot = await createSpot(sub.owner, {
      name: 'Feature spot',
      latitude: 14.2,
      longitude: -0.45,
      corridor: other.createTranshumanceCorridor.id,
    });
    expect(spot.distanceFromCorridorKm).toBe(0);
    const { updateTranshumanceCorridor } = await ok<{
      updateTranshumanceCorridor: { version: number; sensitiveSpots: { kmAlongCorridor: number }[] };
    }>(
      sub.owner,
      `mutation ($id: ID!, $input: UpdateTranshumanceCorridorInput!) { updateTranshumanceCorridor(id: $id, version: 1, input: $input) { version sensitiveSpots { kmAlongCorridor } } }`,
      {
        id: other.createTranshumanceCorridor.id,
        input: {
          path: {
            coordinates: [
              [-0.4, 14.2],
              [-0.5, 14.2],
            ],
          },
        },
      },
    );
    expect(updateTranshumanceCorridor.version).toBe(2);
    expect(updateTranshumanceCorridor.sensitiveSpots[0]!.kmAlongCorridor).toBeCloseTo(spot.kmAlongCorridor!, 1);
  });

  it('are found by an area they cross (or one above it) and by name, ignoring case and accents', async () => {
    await createCorridor(sub.owner, {
      name: 'Couloir Séno–Yagha',
      formality: 'INFORMAL',
      adminAreas: ['BF5602', 'BF5603'],
      path: {
        coordinates: [
          [-1.0, 13.6],
          [-0.9, 13.5],
        ],
      },
    });
    const CORRIDORS = `query ($f: TranshumanceCorridorFilter) { transhumanceCorridors(filter: $f, first: 50) { edges { node { name } } } }`;
    const names = async (filter: Record<string, unknown>) =>
      (
        await ok<{ transhumanceCorridors: { edges: { node: { name: string } }[] } }>(sub.request, CORRIDORS, { f: filter })
      ).transhumanceCorridors.edges.map((e) => e.node.name);
    expect(await names({ adminArea: 'BF5603' })).toEqual(['Couloir Séno–Yagha']);
    expect(await names({ adminArea: 'BF56', formality: 'FORMAL' })).toEqual(['Test corridor']);
    expect(await names({ adminArea: 'BF56' })).toEqual(expect.arrayContaining(['Couloir Séno–Yagha', 'Test corridor']));
    expect(await names({ adminArea: 'NE006' })).toEqual([]);
    expect(await names({ search: 'seno' })).toEqual(['Couloir Séno–Yagha']);
    expect(await names({ search: ' SÉNO–yag ' })).toEqual(['Couloir Séno–Yagha']);
    // LIKE wildcards are taken literally.
    expect(await names({ search: '%' })).toEqual([]);
    // The same name with other accents and case is the same corridor.
    await refused(CREATE_CORRIDOR, { input: corridorInput({ name: 'couloir seno–yagha' }) }, 'input.name', /already has a corridor named/);
  });

  it.each([
    [{ path: { coordinates: [[LONGITUDE, NORTH]] } }, 'input.path.coordinates', /at least 2/],
    [
      {
        path: {
          coordinates: [
            [LONGITUDE, NORTH],
            [LONGITUDE, NORTH],
          ],
        },
      },
      'input.path.coordinates.1',
      /repeats/,
    ],
    [
      {
        path: {
          coordinates: [
            [NORTH, LONGITUDE],
            [SOUTH, LONGITUDE],
          ],
        },
      },
      'input.path.coordinates.0',
      /outside every country.*swapped/,
    ],
    [
      {
        path: {
          coordinates: [
            [LONGITUDE, NORTH],
            [5.0, 13.5],
          ],
        },
      },
      'input.path.coordinates.1',
      /outside every country the corridor crosses \(BF\)/,
    ],
    [{ path: { geoJson: { type: 'Point', coordinates: [0, 14] } } }, 'input.path.geoJson', /LineString/],
    [{ adminAreas: ['BF9999'] }, 'input.adminAreas.0', /No admin area/],
    [{ adminAreas: [] }, 'input.adminAreas', /at least one/],
    [{ name: '  ' }, 'input.name', /cannot be empty/],
    [{ name: 'test corridor' }, 'input.name', /already has a corridor named/],
    [{ season: [{ direction: 'FORWARD', opens: '02-30', closes: '03-01' }] }, 'input.season.0.opens', /MM-DD/],
    [{ earlyAction: { horizonDays: 0 } }, 'input.earlyAction.horizonDays', /between 1 and 30/],
  ])('refuses %j on %s, writing nothing', async (over, field, message) => {
    await refused(CREATE_CORRIDOR, { input: corridorInput(over) }, field, message);
  });
});

describe('spots and counting points', () => {
  it('lie near their corridor, refused beyond its distance limit with the distance found', async () => {
    const distance = 0.2 * KM_PER_DEGREE * Math.cos((14.2 * Math.PI) / 180);
    await refused(
      CREATE_SPOT,
      {
        input: {
          name: 'Too far',
          kind: 'WATER_POINT',
          latitude: 14.2,
          longitude: LONGITUDE + 0.2,
          adminArea: 'BF5602',
          corridor: corridor.id,
        },
      },
      'input.corridor',
      new RegExp(`lies ${Math.round(distance)} km from the path of Test corridor; it must be within 10 km`),
    );
    await refused(
      CREATE_POINT,
      { input: { name: 'Too far', latitude: 14.2, longitude: LONGITUDE + 0.2, adminArea: 'BF5602', corridor: corridor.id } },
      'input.corridor',
      /counting point lies/,
    );
    expect(point.kmAlongCorridor).toBeCloseTo(kmAt(14.5), 1);
  });

  it.each([
    [{ latitude: 14.2, longitude: 3.5, adminArea: 'BF5602' }, 'input.latitude', /outside BF/],
    [{ adminArea: 'BF0' }, 'input.adminArea', /No admin area/],
    [{ corridor: '00000000-0000-4000-8000-00000000abcd' }, 'input.corridor', /No corridor/],
    [{ name: 'On the path' }, 'input.name', /already has a sensitive spot named/],
  ])('refuses a spot with %j on %s', async (over, field, message) => {
    await refused(
      CREATE_SPOT,
      { input: { name: 'New spot', kind: 'MARKET', latitude: 14.2, longitude: LONGITUDE, adminArea: 'BF5602', ...over } },
      field,
      message,
    );
  });

  it('a counting point name is unique on its corridor', async () => {
    await refused(
      CREATE_POINT,
      { input: { name: 'point a', latitude: 14.4, longitude: LONGITUDE, adminArea: 'BF5602', corridor: corridor.id } },
      'input.name',
      /already has a counting point/,
    );
  });
});

describe('flow observations', () => {
  it.each([
    [[observation({ cattle: -1 })], 'input.observations.0.cattle', /cannot be negative/],
    [[observation({ cattle: 0 })], 'input.observations.0.cattle', /at least one animal/],
    [[observation(), observation({ sheep: 60_000 })], 'input.observations.1.sheep', /more than 50000/],
    [[observation({ observedAt: new Date(Date.now() + 86_400_000).toISOString() })], 'input.observations.0.observedAt', /in the future/],
    [[observation({ countingPoint: '00000000-0000-4000-8000-00000000abcd' })], 'input.observations.0.countingPoint', /No counting point/],
    [[observation({ origin: 'ML9999' })], 'input.observations.0.origin', /No admin area/],
    [[observation({ herders: 2500 })], 'input.observations.0.herders', /more than 2000/],
    [Array.from({ length: 501 }, () => observation()), 'input.observations', /At most 500/],
  ])('refuse a batch with a bad observation, all or nothing (%#: %s)', async (observations, field, message) => {
    const placed = observations.map((o) => (o.countingPoint === 'POINT' ? { ...o, countingPoint: point.id } : o));
    await refused(RECORD, { input: { observations: placed } }, field, message);
  });

  it('are recorded only by the counting point’s organisation', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const before = await sub.allRows();
    const { errors } = await other(RECORD, { input: { observations: [observation()] } });
    expect((errors as Errors)![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await sub.allRows()).toEqual(before);
  });

  it('add up by corridor and ISO week, herders exact for the owner and disclosure-controlled for others', async () => {
    // Monday 2025-03-03 to Sunday 2025-03-09 is 2025-W10; the Monday after starts W11.
    const at = (date: string) => `${date}T08:00:00Z`;
    await ok(sub.owner, RECORD, {
      input: {
        observations: [
          observation({ observedAt: at('2025-03-03'), cattle: 10, sheep: 5, herders: 3 }),
          observation({ observedAt: at('2025-03-09'), cattle: 20, goats: 7, herders: 1, direction: 'BACKWARD' }),
          observation({ observedAt: at('2025-03-10'), cattle: 1, camels: 2, herders: 2 }),
          observation({ observedAt: at('2025-04-01'), cattle: 99 }),
        ],
      },
    });
    const FLOWS = `query ($c: [ID!]) { transhumanceFlows(filter: { corridors: $c, from: "2025-03-01", to: "2025-03-31" }) {
      corridor { id } week weekStart observations heads { cattle sheep goats camels tlu } herders { count suppressed } } }`;
    const { transhumanceFlows } = await ok<{ transhumanceFlows: unknown[] }>(sub.owner, FLOWS, { c: [corridor.id] });
    expect(transhumanceFlows).toEqual([
      {
        corridor: { id: corridor.id },
        week: '2025-W10',
        weekStart: '2025-03-03',
        observations: 2,
        heads: { cattle: 30, sheep: 5, goats: 7, camels: 0, tlu: 22.2 },
        herders: { count: 4, suppressed: false },
      },
      {
        corridor: { id: corridor.id },
        week: '2025-W11',
        weekStart: '2025-03-10',
        observations: 1,
        heads: { cattle: 1, sheep: 0, goats: 0, camels: 2, tlu: 2.7 },
        herders: { count: 2, suppressed: false },
      },
    ]);
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const seen = await ok<{ transhumanceFlows: { herders: { count: number | null; suppressed: boolean } }[] }>(other, FLOWS, {
      c: [corridor.id],
    });
    expect(seen.transhumanceFlows.map((f) => f.herders)).toEqual([
      { count: null, suppressed: true },
      { count: null, suppressed: true },
    ]);
    const backward = await ok<{ transhumanceFlows: { observations: number }[] }>(
      sub.owner,
      `{ transhumanceFlows(filter: { from: "2025-03-01", to: "2025-03-31", direction: BACKWARD }) { observations } }`,
    );
    expect(backward.transhumanceFlows).toEqual([{ observations: 1 }]);
  });

  it('filter by corridor, counting point, time, direction and species', async () => {
    const list = async (filter: Record<string, unknown>) =>
      (
        await ok<{ flowObservations: { totalCount: number } }>(
          sub.owner,
          `query ($f: FlowObservationFilter) { flowObservations(filter: $f) { totalCount } }`,
          { f: filter },
        )
      ).flowObservations.totalCount;
    expect(await list({ corridor: corridor.id, from: '2025-03-01T00:00:00Z', to: '2025-03-31T23:59:59Z' })).toBe(3);
    expect(await list({ countingPoint: point.id, species: 'CAMELS' })).toBe(1);
    expect(await list({ corridor: corridor.id, direction: 'BACKWARD' })).toBe(1);
    expect(await list({ near: { latitude: 14.5, longitude: LONGITUDE, radiusKm: 1 } })).toBe(4);
    expect(await list({ near: { latitude: 13.0, longitude: LONGITUDE, radiusKm: 1 } })).toBe(0);
  });
});

describe('geographic queries', () => {
  const SPOTS = `query ($f: SensitiveSpotFilter) { sensitiveSpots(filter: $f, first: 100) { edges { node { name } } } }`;
  const names = async (filter: Record<string, unknown>) =>
    (await ok<{ sensitiveSpots: { edges: { node: { name: string } }[] } }>(sub.owner, SPOTS, { f: filter })).sensitiveSpots.edges
      .map((e) => e.node.name)
      .sort();

  it('inside a box', async () => {
    expect(await names({ withinBox: { south: 14.0, west: -0.1, north: 14.35, east: 0.05 } })).toEqual(['East pond', 'On the path']);
    expect(await names({ withinBox: { south: 14.5, west: 0.5, north: 15.0, east: 1.0 } })).toEqual(['Ayorou crossing']);
  });

  it('near a point, against distances computed by hand', async () => {
    // From (14.3, −0.03): East pond is 0.2° south and 0.05° east (≈ 23.0 km), West field 0.4° south (≈ 44.5 km).
    const east = Math.hypot(0.2 * KM_PER_DEGREE, 0.05 * KM_PER_DEGREE * Math.cos((14.2 * Math.PI) / 180));
    expect(east).toBeGreaterThan(22.5);
    expect(east).toBeLessThan(23.5);
    expect(await names({ near: { latitude: 14.3, longitude: LONGITUDE, radiusKm: 22.5 } })).toEqual(['On the path']);
    expect(await names({ near: { latitude: 14.3, longitude: LONGITUDE, radiusKm: 23.5 } })).toEqual([
      'East pond',
      'Off the corridor',
      'On the path',
    ]);
    expect(await names({ near: { latitude: 14.3, longitude: LONGITUDE, radiusKm: 45 } })).toEqual([
      'East pond',
      'Off the corridor',
      'On the path',
      'West field',
    ]);
  });

  it('along a corridor, within a distance of its path', async () => {
    // Off the corridor lies 0.185° east at 14.2° N: 19.98 km.
    expect(await names({ alongCorridor: { corridor: corridor.id, withinKm: 6 } })).toEqual(['East pond', 'On the path', 'West field']);
    expect(await names({ alongCorridor: { corridor: corridor.id, withinKm: 1 } })).toEqual(['On the path']);
    expect(await names({ alongCorridor: { corridor: corridor.id, withinKm: 21 } })).toEqual([
      'East pond',
      'Off the corridor',
      'On the path',
      'West field',
    ]);
    const corridors = await ok<{ transhumanceCorridors: { edges: { node: { name: string } }[] } }>(
      sub.request,
      `{ transhumanceCorridors(filter: { near: { latitude: 14.2, longitude: 0.2, radiusKm: 30 } }) { edges { node { name } } } }`,
    );
    expect(corridors.transhumanceCorridors.edges.map((e) => e.node.name)).toEqual(['Test corridor']);
  });

  it('refuses a box upside down and a radius out of reason', async () => {
    const { errors } = await sub.owner(SPOTS, { f: { withinBox: { south: 15, west: 0, north: 14, east: 1 } } });
    expect((errors as Errors)![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.withinBox.north' });
    const far = await sub.owner(SPOTS, { f: { near: { latitude: 14, longitude: 0, radiusKm: 5000 } } });
    expect((far.errors as Errors)![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.near.radiusKm' });
  });
});

describe('who sees and writes what', () => {
  it('anonymous callers read corridors, not spots, counting points, observations or alerts', async () => {
    const { data, errors } = await sub.request<{ transhumanceCorridors: { totalCount: number } }>(
      `{ transhumanceCorridors { totalCount } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.transhumanceCorridors.totalCount).toBeGreaterThan(0);
    for (const field of ['sensitiveSpots', 'countingPoints', 'flowObservations', 'transhumanceAlerts']) {
      const refused = await sub.request(`{ ${field} { totalCount } }`);
      expect((refused.errors as Errors)![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const write = await sub.request(CREATE_CORRIDOR, { input: corridorInput({ name: 'Anonymous corridor' }) });
    expect((write.errors as Errors)![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('another partner reads spots but changes nothing of ours; a partner without the write scope writes nothing', async () => {
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    expect(
      (await ok<{ sensitiveSpots: { totalCount: number } }>(other, `{ sensitiveSpots { totalCount } }`)).sensitiveSpots.totalCount,
    ).toBe(6);
    const before = await sub.allRows();
    const update = await other(`mutation ($id: ID!) { updateTranshumanceCorridor(id: $id, version: 1, input: { name: "Taken" }) { id } }`, {
      id: corridor.id,
    });
    expect((update.errors as Errors)![0]!.extensions!.code).toBe('FORBIDDEN');
    const reader = await sub.as(OTHER_PARTNER, 'displacement:read');
    const create = await reader(CREATE_CORRIDOR, { input: corridorInput({ name: 'Read-only corridor' }) });
    expect((create.errors as Errors)![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await sub.allRows()).toEqual(before);
  });

  it('an update with a stale version is a CONFLICT and changes nothing', async () => {
    const spot = await ok<{ sensitiveSpot: { version: number } }>(sub.owner, `query ($id: ID!) { sensitiveSpot(id: $id) { version } }`, {
      id: spots.onPath,
    });
    await ok(
      sub.owner,
      `mutation ($id: ID!, $v: Int!) { updateSensitiveSpot(id: $id, version: $v, input: { notes: "Fenced in 2024" }) { id } }`,
      { id: spots.onPath, v: spot.sensitiveSpot.version },
    );
    const { errors } = await sub.owner(
      `mutation ($id: ID!, $v: Int!) { updateSensitiveSpot(id: $id, version: $v, input: { notes: "Stale" }) { id } }`,
      { id: spots.onPath, v: spot.sensitiveSpot.version },
    );
    expect((errors as Errors)![0]!.extensions!.code).toBe('CONFLICT');
  });
});
