import { badInput } from '@peacegraph/kit/errors';
import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { TranshumanceCorridor } from '../corridor/corridor.entity';
import type { SensitiveSpot } from './place.entity';
import { countingPointValues, spotLookupsNeeded, spotValues } from './place.rules';
import type { CreateSensitiveSpotInput } from '../generated/resolvers';

const corridor = {
  id: 'corridor-1',
  name: 'Test corridor',
  path: {
    type: 'LineString',
    coordinates: [
      [-0.03, 14.03],
      [0.75, 14.01],
    ],
  },
  earlyAction: {},
} as unknown as TranshumanceCorridor;
const area = { found: true as const, value: { adminPcode: 'BF56', adminLevel: 1, countryCode: 'BF' } };
const linked = { found: true as const, value: corridor };
const spot: CreateSensitiveSpotInput = {
  name: 'East pond',
  kind: 'WATER_POINT',
  latitude: 14.02,
  longitude: 0.1,
  adminArea: 'BF56',
  corridor: 'corridor-1',
};
const stored = { ...spot, adminPcode: 'BF56', countryCode: 'BF', corridorId: 'corridor-1', notes: null } as unknown as SensitiveSpot;

describe('sensitive spot rules', () => {
  it('accepts a good spot near its corridor', () => {
    expect(spotValues(spot, null, { area, corridor: linked })).toMatchObject({
      name: 'East pond',
      kind: 'WATER_POINT',
      latitude: 14.02,
      longitude: 0.1,
      adminPcode: 'BF56',
      countryCode: 'BF',
      corridorId: 'corridor-1',
      notes: null,
    });
  });

  it('refuses every null required field at once', () => {
    expect(problemsIn(() => spotValues({ name: null, latitude: null }, stored))).toEqual([
      ['input.name', 'A sensitive spot needs its name'],
      ['input.latitude', 'A sensitive spot needs its latitude'],
    ]);
  });

  it('reports kind, place, corridor and name together, in order', () => {
    const input = { ...spot, kind: 'MINE', name: ' ', latitude: 5 } as unknown as CreateSensitiveSpotInput;
    expect(problemsIn(() => spotValues(input, null, { area, corridor: linked })).map(([field]) => field)).toEqual([
      'input.kind',
      'input.latitude',
      'input.corridor',
      'input.name',
    ]);
    const unknown = { found: false as const, error: badInput('input.adminArea', 'No admin area with P-code "BF99" in the directory') };
    const missing = { found: true as const, value: null };
    expect(problemsIn(() => spotValues({ ...spot, adminArea: 'BF99' }, null, { area: unknown, corridor: missing }))).toEqual([
      ['input.adminArea', 'No admin area with P-code "BF99" in the directory'],
      ['input.corridor', 'No corridor with id "corridor-1"'],
    ]);
  });

  it('asks again only for what moves: the area when the point moves, the corridor when relinked', () => {
    expect(spotLookupsNeeded({ name: 'Renamed' }, stored)).toEqual({ adminArea: null, corridor: null });
    expect(spotLookupsNeeded({ latitude: 14.1 }, stored)).toEqual({ adminArea: 'BF56', corridor: 'corridor-1' });
    expect(spotLookupsNeeded({ corridor: null }, stored)).toEqual({ adminArea: null, corridor: null });
    expect(spotValues({ corridor: null }, stored)).toMatchObject({ corridorId: null, kmAlong: null, distanceFromPathKm: null });
    expect(spotValues({ name: 'Renamed' }, stored)).toEqual({ name: 'Renamed', kind: 'WATER_POINT', notes: null });
  });
});

describe('counting point rules', () => {
  const point = { name: 'Gate', latitude: 14.02, longitude: 0.1, adminArea: 'BF56', corridor: 'corridor-1' };

  it('accepts a good counting point on its corridor', () => {
    expect(countingPointValues(point, { area, corridor: linked })).toMatchObject({
      name: 'Gate',
      adminPcode: 'BF56',
      corridorId: 'corridor-1',
    });
  });

  it('reports the name, the place and the corridor together', () => {
    expect(
      problemsIn(() => countingPointValues({ ...point, name: '', latitude: 5, corridor: null as unknown as string }, { area })).map(
        ([f]) => f,
      ),
    ).toEqual(['input.name', 'input.latitude', 'input.corridor']);
  });

  it('refuses a point beyond the corridor’s distance limit, naming the distance', () => {
    const refusal = refusalOf(() => countingPointValues({ ...point, latitude: 14.5 }, { area, corridor: linked }));
    expect(refusal.field).toBe('input.corridor');
    expect(refusal.message).toMatch(/lies \d+ km from the path of Test corridor; it must be within 10 km/);
  });
});
