import { badInput } from '@peacegraph/kit/errors';
import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { CountingPoint } from '../place/place.entity';
import { checkBatchSize, checkPointsFound, MAX_BATCH, observationRow } from './flow.rules';
import type { FlowObservationInput } from '../generated/resolvers';

const point = { id: 'point-1', corridorId: 'corridor-1' } as CountingPoint;
const observedAt = new Date('2024-11-02T08:00:00Z');
const good: FlowObservationInput = { countingPoint: 'point-1', observedAt, direction: 'FORWARD', cattle: 120, herders: 4 };

describe('flow observation rules', () => {
  it('turns a good observation into its row, with the areas the directory confirmed', () => {
    const found = (adminPcode: string) => ({ found: true as const, value: { adminPcode } });
    expect(
      observationRow('o', { ...good, origin: 'BF52', destination: 'BF46' }, point, { origin: found('BF52'), destination: found('BF46') }),
    ).toEqual({
      countingPointId: 'point-1',
      corridorId: 'corridor-1',
      observedAt,
      direction: 'FORWARD',
      cattle: 120,
      sheep: 0,
      goats: 0,
      camels: 0,
      herders: 4,
      originPcode: 'BF52',
      destinationPcode: 'BF46',
    });
  });

  it('reports every problem of one observation at once, the directory’s refusals last', () => {
    const input = {
      ...good,
      observedAt: new Date('1999-12-31T00:00:00Z'),
      direction: 'SIDEWAYS',
      sheep: -1,
      herders: 1.5,
      origin: 'XX99',
    } as unknown as FlowObservationInput;
    const origin = { found: false as const, error: badInput('o.origin', 'No admin area with P-code "XX99" in the directory') };
    expect(problemsIn(() => observationRow('o', input, point, { origin }))).toEqual([
      ['o.observedAt', 'The observation time 1999-12-31T00:00:00.000Z is before 2000'],
      ['o.direction', 'Unknown direction SIDEWAYS'],
      ['o.sheep', expect.any(String)],
      ['o.herders', expect.any(String)],
      ['o.origin', 'No admin area with P-code "XX99" in the directory'],
    ]);
  });

  it('wants at least one animal and a time not in the future', () => {
    expect(refusalOf(() => observationRow('o', { ...good, cattle: 0 }, point))).toEqual({
      field: 'o.cattle',
      message: 'Count at least one animal: cattle, sheep, goats or camels',
    });
    const later = new Date(Date.now() + 3_600_000);
    expect(refusalOf(() => observationRow('o', { ...good, observedAt: later }, point)).field).toBe('o.observedAt');
    expect(observationRow('o', { ...good, observedAt: new Date(Date.now() + 60_000) }, point).cattle).toBe(120);
  });

  it('takes one to MAX_BATCH observations, each at a counting point that was found', () => {
    expect(refusalOf(() => checkBatchSize([])).message).toBe('Give at least one observation');
    expect(refusalOf(() => checkBatchSize(Array.from({ length: MAX_BATCH + 1 }, () => good))).message).toBe(
      `At most ${MAX_BATCH} observations at once (got ${MAX_BATCH + 1})`,
    );
    expect(() => checkBatchSize([good])).not.toThrow();
    const points = new Map([['point-1', point]]);
    expect(refusalOf(() => checkPointsFound([good, { ...good, countingPoint: 'nowhere' }], points))).toEqual({
      field: 'input.observations.1.countingPoint',
      message: 'No counting point with id "nowhere"',
    });
    expect(() => checkPointsFound([good], points)).not.toThrow();
  });
});
