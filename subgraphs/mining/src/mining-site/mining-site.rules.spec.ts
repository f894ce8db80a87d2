import { badInput } from '@peacegraph/kit/errors';
import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { CreateMiningSiteInput, UpdateMiningSiteInput } from '../generated/resolvers';
import type { MiningSite } from './mining-site.entity';
import { operatorToCheck, siteValues } from './mining-site.rules';

const ORG = '00000000-0000-4000-8000-000000000001';
const good: CreateMiningSiteInput = { name: 'Nampala washing site', community: 'c1', kind: 'ARTISANAL', minerals: ['GOLD'] };
const stored = { name: 'Kalana', kind: 'ARTISANAL', minerals: ['GOLD'], operatorId: null } as unknown as MiningSite;
const known = { found: true as const, value: [ORG] };

describe('mining site rules', () => {
  it('accepts a good site, with or without a known operator', () => {
    expect(siteValues(good, null)).toEqual({ name: 'Nampala washing site', kind: 'ARTISANAL', minerals: ['GOLD'], operatorId: null });
    expect(siteValues({ ...good, kind: 'INDUSTRIAL', operator: ORG }, null, { operator: known }).operatorId).toBe(ORG);
  });

  it('refuses every null required field at once, before anything else', () => {
    const input = { name: null, kind: null, minerals: ['NOPE'] } as unknown as UpdateMiningSiteInput;
    expect(problemsIn(() => siteValues(input, stored))).toEqual([
      ['input.name', 'A mining site needs its name'],
      ['input.kind', 'A mining site needs its kind'],
    ]);
  });

  it('reports kind, minerals, operator and name together, in that order', () => {
    const input = { ...good, name: ' ', kind: 'OPEN_PIT', minerals: ['GOLD', 'GOLD'] } as unknown as CreateMiningSiteInput;
    const refused = { found: false as const, error: badInput('input.operator', `No organisation with id "${ORG}" in the directory`) };
    expect(problemsIn(() => siteValues({ ...input, operator: ORG }, null, { operator: refused }))).toEqual([
      ['input.kind', 'Unknown kind OPEN_PIT'],
      ['input.minerals.1', expect.any(String)],
      ['input.operator', `No organisation with id "${ORG}" in the directory`],
      ['input.name', expect.any(String)],
    ]);
  });

  it('wants minerals, known ones, and an operator for an industrial site', () => {
    expect(problemsIn(() => siteValues({ ...good, kind: 'INDUSTRIAL', minerals: [] }, null))).toEqual([
      ['input.minerals', 'Name at least one mineral'],
      ['input.operator', 'An industrial site names its operator'],
    ]);
    expect(refusalOf(() => siteValues({ ...good, minerals: ['GOLD', 'SAND'] } as unknown as CreateMiningSiteInput, null))).toEqual({
      field: 'input.minerals.1',
      message: 'Unknown mineral SAND',
    });
  });

  it('asks the directory only about a new operator', () => {
    expect(operatorToCheck({ ...good, operator: ORG }, null)).toBe(ORG);
    expect(operatorToCheck({ name: 'Renamed' }, { ...stored, operatorId: ORG })).toBeNull();
    expect(operatorToCheck({ operator: ORG }, { ...stored, operatorId: ORG })).toBeNull();
    expect(operatorToCheck({ operator: null }, { ...stored, operatorId: ORG })).toBeNull();
    expect(siteValues({ name: 'Renamed' }, { ...stored, operatorId: ORG })).toMatchObject({ name: 'Renamed', operatorId: ORG });
  });
});
