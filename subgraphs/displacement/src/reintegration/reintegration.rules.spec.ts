import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { ReintegrationProgramme } from './reintegration.entity';
import { badInput } from '@peacegraph/kit/errors';
import { caseRegistration, checkProgrammeCode, programmeValues } from './reintegration.rules';
import type { CreateReintegrationProgrammeInput, RegisterReintegrationCaseInput } from '../generated/resolvers';

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

describe('reintegration case rules', () => {
  const programme = { id: 'p1', startsOn: '2024-01-01', endsOn: null, adminPcodes: ['BF56'] } as unknown as ReintegrationProgramme;
  const input: RegisterReintegrationCaseInput = {
    programme: 'p1',
    category: 'FORMER_COMBATANT',
    sex: 'MALE',
    ageGroup: 'AGE_25_35',
    adminArea: 'BF5601',
    community: 'c1',
    registeredOn: '2024-03-01',
  } as RegisterReintegrationCaseInput;
  const area = { found: true as const, value: { adminPcode: 'BF5601', adminLevel: 2, admin1Pcode: 'BF56', countryCode: 'BF' } };
  const community = (admin2Pcode: string) => ({ found: true as const, value: { communityId: 'c1', admin2Pcode } as never });

  it('accepts a good registration', () => {
    expect(caseRegistration(input, programme, { area, community: community('BF5601') })).toEqual({
      registeredOn: '2024-03-01',
      area: area.value,
      communityId: 'c1',
    });
  });

  it('reports a minor former combatant, a date before the programme and the area together; a community outside the area', () => {
    const minor = { ...input, ageGroup: 'AGE_15_17', registeredOn: '2023-12-01' } as RegisterReintegrationCaseInput;
    const outside = { found: true as const, value: { ...area.value, adminPcode: 'NE0601' } };
    expect(problemsIn(() => caseRegistration(minor, programme, { area: outside, community: community('BF5601') })).map(([f]) => f)).toEqual(
      ['input.category', 'input.registeredOn', 'input.adminArea'],
    );
    expect(refusalOf(() => caseRegistration(input, programme, { area, community: community('BF5602') }))).toEqual({
      field: 'input.community',
      message: 'The community lies outside BF5601',
    });
  });

  it('reports the directory’s refusals where their checks stand', () => {
    const unknown = { found: false as const, error: badInput('input.adminArea', 'No admin area with P-code "BF9999" in the directory') };
    expect(refusalOf(() => caseRegistration({ ...input, community: null }, programme, { area: unknown }))).toEqual({
      field: 'input.adminArea',
      message: 'No admin area with P-code "BF9999" in the directory',
    });
  });
});
