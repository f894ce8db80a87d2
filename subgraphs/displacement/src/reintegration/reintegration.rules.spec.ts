import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { ReintegrationCase, ReintegrationProgramme } from './reintegration.entity';
import { badInput } from '@peacegraph/kit/errors';
import type { Lookup } from '@peacegraph/kit/input';
import {
  assistanceValues,
  caseRegistration,
  checkProgrammeCode,
  checkReintegrated,
  checkStartStays,
  MOST_PROGRAMME_AREAS,
  programmeAreas,
  programmeAreasToAsk,
  programmeValues,
  statusChangeOn,
} from './reintegration.rules';
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

describe("a programme's areas", () => {
  const known: Lookup<unknown> = { found: true, value: {} };
  const unknown = (field: string, pcode: string): Lookup<unknown> => ({
    found: false,
    error: badInput(field, `No admin area with P-code "${pcode}" in the directory`),
  });

  it('asks the directory about each area once, under its first place, and nothing when their number is refused', () => {
    expect(programmeAreasToAsk(['BF56', 'NE06', 'BF56'])).toEqual([
      { field: 'input.adminAreas.0', pcode: 'BF56' },
      { field: 'input.adminAreas.1', pcode: 'NE06' },
    ]);
    expect(programmeAreasToAsk([])).toEqual([]);
    expect(programmeAreasToAsk(Array.from({ length: MOST_PROGRAMME_AREAS + 1 }, (_, i) => `BF${i}`))).toEqual([]);
  });

  it('refuses no area and too many before anything the directory says', () => {
    expect(refusalOf(() => programmeAreas([], new Map()))).toEqual({
      field: 'input.adminAreas',
      message: 'Name at least one admin area the programme covers',
    });
    const many = Array.from({ length: MOST_PROGRAMME_AREAS + 1 }, (_, i) => `BF${i}`);
    expect(refusalOf(() => programmeAreas(many, new Map()))).toEqual({ field: 'input.adminAreas', message: 'At most 50 admin areas' });
  });

  it('refuses the first problem in the order listed: a repeat or the directory’s refusal', () => {
    const repeatFirst = new Map([['BF56', known]]);
    expect(refusalOf(() => programmeAreas(['BF56', 'BF56', 'NE999'], repeatFirst))).toEqual({
      field: 'input.adminAreas.1',
      message: 'BF56 is listed twice',
    });
    const refusedFirst = new Map([
      ['BF56', known],
      ['NE999', unknown('input.adminAreas.1', 'NE999')],
    ]);
    expect(refusalOf(() => programmeAreas(['BF56', 'NE999', 'BF56'], refusedFirst))).toEqual({
      field: 'input.adminAreas.1',
      message: 'No admin area with P-code "NE999" in the directory',
    });
    expect(
      programmeAreas(
        ['BF56', 'NE06'],
        new Map([
          ['BF56', known],
          ['NE06', known],
        ]),
      ),
    ).toEqual(['BF56', 'NE06']);
  });

  it('keeps the start of a programme that has cases', () => {
    const current = { startsOn: '2024-01-01', lastCaseNumber: 3 } as ReintegrationProgramme;
    expect(refusalOf(() => checkStartStays({ startsOn: '2024-02-01' }, '2024-02-01', current)).field).toBe('input.startsOn');
    expect(() => checkStartStays({ startsOn: '2024-01-01' }, '2024-01-01', current)).not.toThrow();
    expect(() => checkStartStays({ startsOn: '2024-02-01' }, '2024-02-01', { ...current, lastCaseNumber: 0 })).not.toThrow();
  });
});

describe('a case as stored', () => {
  const registered = { status: 'REGISTERED', registeredOn: '2024-03-01', statusSince: '2024-03-01' } as ReintegrationCase;

  it('takes assistance while open, the first starting assistance', () => {
    expect(assistanceValues({ kind: 'HEALTH', startedOn: '2024-03-10' }, registered)).toEqual({
      startedOn: '2024-03-10',
      endedOn: null,
      changes: { status: 'IN_ASSISTANCE', statusSince: '2024-03-10' },
    });
    const assisted = { ...registered, status: 'IN_ASSISTANCE' } as ReintegrationCase;
    expect(assistanceValues({ kind: 'HEALTH', startedOn: '2024-03-10', endedOn: '2024-04-01' }, assisted).changes).toEqual({});
  });

  it('refuses assistance to a closed case before looking at its dates', () => {
    const closed = { ...registered, status: 'REINTEGRATED' } as ReintegrationCase;
    expect(refusalOf(() => assistanceValues({ kind: 'HEALTH', startedOn: '2023-01-01' }, closed))).toEqual({
      field: 'id',
      message: 'The case is REINTEGRATED: assistance is recorded while a case is REGISTERED or IN_ASSISTANCE',
    });
    expect(refusalOf(() => assistanceValues({ kind: 'HEALTH', startedOn: '2023-01-01' }, registered)).field).toBe('input.startedOn');
  });

  it('moves a case on a date after its last change, and reintegrates it only after assistance', () => {
    const assisted = { ...registered, status: 'IN_ASSISTANCE', statusSince: '2024-03-10' } as ReintegrationCase;
    expect(statusChangeOn({ status: 'REINTEGRATED', on: '2024-05-01' }, assisted)).toBe('2024-05-01');
    expect(refusalOf(() => statusChangeOn({ status: 'REINTEGRATED', on: '2024-03-01' }, assisted)).field).toBe('input.on');
    expect(refusalOf(() => checkReintegrated('REINTEGRATED', [])).field).toBe('input.status');
    expect(() => checkReintegrated('REINTEGRATED', [{}])).not.toThrow();
    expect(() => checkReintegrated('DROPPED_OUT', [])).not.toThrow();
  });
});
