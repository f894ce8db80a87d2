import { badInput } from '@peacegraph/kit/errors';
import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { TranshumanceCorridor } from './corridor.entity';
import { areasToCheck, corridorValues, MAX_AREAS } from './corridor.rules';
import type { CreateTranshumanceCorridorInput } from '../generated/resolvers';

const coordinates = [
  [-0.03, 14.03],
  [0.75, 14.01],
];
const good: CreateTranshumanceCorridorInput = {
  name: 'Dori–Téra',
  formality: 'FORMAL',
  path: { coordinates },
  adminAreas: ['BF56', 'NE06'],
};
const areas = {
  found: true as const,
  value: [
    { adminPcode: 'BF56', adminLevel: 1, countryCode: 'BF' },
    { adminPcode: 'NE06', adminLevel: 1, countryCode: 'NE' },
  ],
};

describe('corridor rules', () => {
  it('accepts a good corridor whose path lies in the countries of its areas', () => {
    expect(corridorValues(good, null, { areas })).toEqual({
      name: 'Dori–Téra',
      formality: 'FORMAL',
      legalBasis: null,
      adminPcodes: ['BF56', 'NE06'],
      countryCodes: ['BF', 'NE'],
      positions: [
        { latitude: 14.03, longitude: -0.03 },
        { latitude: 14.01, longitude: 0.75 },
      ],
      season: [],
      earlyAction: {},
      notes: null,
    });
  });

  it('refuses every null required field at once', () => {
    expect(problemsIn(() => corridorValues({ name: null, adminAreas: null }, null))).toEqual([
      ['input.name', 'A corridor needs its name'],
      ['input.adminAreas', 'A corridor needs its admin areas'],
    ]);
  });

  it('reports formality, areas, name and notes together, in order, skipping the path when the areas were refused', () => {
    const input = { ...good, formality: 'PAVED', name: '', notes: 'x'.repeat(6000) } as unknown as CreateTranshumanceCorridorInput;
    const refused = { found: false as const, error: badInput('input.adminAreas.1', 'No admin area with P-code "NE06" in the directory') };
    expect(problemsIn(() => corridorValues(input, null, { areas: refused })).map(([field]) => field)).toEqual([
      'input.formality',
      'input.adminAreas.1',
      'input.name',
      'input.notes',
    ]);
  });

  it('asks the directory only about one to sixty distinct areas', () => {
    expect(areasToCheck(good)).toEqual(['BF56', 'NE06']);
    expect(areasToCheck({ ...good, adminAreas: [] })).toBeNull();
    expect(areasToCheck({ ...good, adminAreas: ['BF56', 'BF56'] })).toBeNull();
    expect(areasToCheck({ ...good, adminAreas: Array.from({ length: MAX_AREAS + 1 }, (_, i) => `BF${i}`) })).toBeNull();
    expect(areasToCheck({ name: 'Renamed' })).toBeNull();
    expect(refusalOf(() => corridorValues({ ...good, adminAreas: [] }, null))).toEqual({
      field: 'input.adminAreas',
      message: 'Name at least one admin area the corridor crosses',
    });
  });

  it('judges the current path against new areas, and keeps what an update leaves out', () => {
    const current = {
      name: 'Dori–Téra',
      formality: 'FORMAL',
      legalBasis: 'Decree 2019-12',
      path: { type: 'LineString', coordinates },
      adminPcodes: ['BF56', 'NE06'],
      countryCodes: ['BF', 'NE'],
      season: [],
      earlyAction: {},
      notes: null,
    } as unknown as TranshumanceCorridor;
    expect(corridorValues({ notes: 'Reopened' }, current)).toMatchObject({ legalBasis: 'Decree 2019-12', notes: 'Reopened' });
    const senegalese = { found: true as const, value: [{ adminPcode: 'SN07', adminLevel: 1, countryCode: 'SN' }] };
    expect(refusalOf(() => corridorValues({ adminAreas: ['SN07'] }, current, { areas: senegalese })).field).toBe(
      'input.adminAreas (position 0 of the current path)',
    );
  });
});
