import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '../../test/problems';
import type { ReintegrationProgramme } from './reintegration.entity';
import { checkProgrammeCode, programmeValues, type CreateReintegrationProgrammeInput } from './reintegration.rules';

const good: CreateReintegrationProgrammeInput = {
  code: 'CVRSAHEL',
  kind: 'COMMUNITY_VIOLENCE_REDUCTION',
  name: 'Community violence reduction, Sahel',
  adminAreas: ['BF56'],
  startsOn: '2024-01-01',
  endsOn: '2025-12-31',
};

describe('reintegration programme rules', () => {
  it('accepts a good programme', () => {
    expect(programmeValues(good, null)).toEqual({
      kind: 'COMMUNITY_VIOLENCE_REDUCTION',
      name: 'Community violence reduction, Sahel',
      startsOn: '2024-01-01',
      endsOn: '2025-12-31',
    });
    expect(() => checkProgrammeCode('CVRSAHEL')).not.toThrow();
  });

  it('refuses every null required field at once', () => {
    expect(problemsIn(() => programmeValues({ kind: null, name: null, adminAreas: null, startsOn: null }, null))).toEqual([
      ['input.kind', expect.any(String)],
      ['input.name', expect.any(String)],
      ['input.adminAreas', expect.any(String)],
      ['input.startsOn', expect.any(String)],
    ]);
  });

  it('reports an end before the start and a bad name together', () => {
    expect(problemsIn(() => programmeValues({ ...good, name: ' ', endsOn: '2023-06-30' }, null))).toEqual([
      ['input.endsOn', 'The programme ends (2023-06-30) before it starts (2024-01-01)'],
      ['input.name', expect.any(String)],
    ]);
  });

  it('keeps what an update leaves out, and refuses a malformed code', () => {
    const current = { ...good, endsOn: null } as unknown as ReintegrationProgramme;
    expect(programmeValues({ name: 'Renamed' }, current)).toEqual({
      kind: 'COMMUNITY_VIOLENCE_REDUCTION',
      name: 'Renamed',
      startsOn: '2024-01-01',
      endsOn: null,
    });
    expect(refusalOf(() => checkProgrammeCode('cvr-sahel')).field).toBe('input.code');
  });
});
