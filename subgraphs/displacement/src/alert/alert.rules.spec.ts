import { badInput } from '@peacegraph/kit/errors';
import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { TranshumanceCorridor } from '../corridor/corridor.entity';
import type { SensitiveSpot } from '../place/place.entity';
import { alertValues, raisedAt, type RaiseAlertInput } from './alert.rules';

const spot = { id: 's1', name: 'East pond', adminPcode: 'BF5601', countryCode: 'BF', corridorId: 'c1' } as SensitiveSpot;
const corridor = { id: 'c2' } as TranshumanceCorridor;
const good: RaiseAlertInput = { kind: 'EVENT', severity: 'HIGH', summary: 'Herd entered the cropland', spot: 's1', cattle: 40 };

describe('raising an alert', () => {
  it('accepts a good alert at a spot, its place and corridor the spot’s', () => {
    const at = new Date(Date.now() - 3_600_000);
    expect(alertValues({ ...good, at }, { spot })).toEqual({
      summary: 'Herd entered the cropland',
      now: at,
      heads: { cattle: 40, sheep: 0, goats: 0, camels: 0 },
      corridorId: 'c1',
      place: { adminPcode: 'BF5601', countryCode: 'BF' },
    });
    const area = { found: true as const, value: { adminPcode: 'BF56', adminLevel: 1, countryCode: 'BF' } };
    expect(alertValues({ ...good, adminArea: 'BF56', corridor: 'c2' }, { spot, area, corridor })).toMatchObject({
      corridorId: 'c2',
      place: { adminPcode: 'BF56', countryCode: 'BF' },
    });
  });

  it('reports every problem at once, the lookups’ where their checks stand', () => {
    const input = {
      ...good,
      kind: 'PREVENTION',
      severity: 'EXTREME',
      summary: ' ',
      adminArea: 'NE06',
      corridor: 'nowhere',
      goats: -1,
      at: new Date(Date.now() + 3_600_000),
    } as unknown as RaiseAlertInput;
    const area = { found: true as const, value: { adminPcode: 'NE06', adminLevel: 1, countryCode: 'NE' } };
    expect(problemsIn(() => alertValues(input, { spot, area, corridor: null })).map(([field]) => field)).toEqual([
      'input.severity',
      'input.trigger',
      'input.summary',
      'input.adminArea',
      'input.corridor',
      'input.goats',
      'input.at',
    ]);
  });

  it('wants a spot or an area, known ones', () => {
    expect(refusalOf(() => alertValues({ ...good, spot: null }, { spot: null }))).toEqual({
      field: 'input.spot',
      message: 'Name a sensitive spot, an admin area, or both',
    });
    const unknown = { found: false as const, error: badInput('input.adminArea', 'No admin area with P-code "BF99" in the directory') };
    expect(problemsIn(() => alertValues({ ...good, adminArea: 'BF99' }, { spot: null, area: unknown }))).toEqual([
      ['input.spot', 'No sensitive spot with id "s1"'],
      ['input.adminArea', 'No admin area with P-code "BF99" in the directory'],
    ]);
  });

  it('takes now when no time is given, and refuses one more than 90 days ago', () => {
    expect(Math.abs(raisedAt(null).getTime() - Date.now())).toBeLessThan(1000);
    expect(refusalOf(() => raisedAt(new Date(Date.now() - 91 * 86_400_000))).field).toBe('input.at');
  });
});
