import { refusalOf } from '@peacegraph/kit/testing';
import { checkStatusChange } from '@peacegraph/kit/input';
import { loadTypeDefs } from '@peacegraph/kit/server';
import fs from 'node:fs';
import {
  AWARENESS_SESSION_KINDS,
  DISPLACEMENT_AGE_GROUPS,
  DISPLACEMENT_REASONS,
  DISPLACEMENT_SEXES,
  REINTEGRATION_AGE_GROUPS,
  REINTEGRATION_ASSISTANCE_KINDS,
  REINTEGRATION_CATEGORIES,
  REINTEGRATION_PROGRAMME_KINDS,
  REINTEGRATION_STATUSES,
  type ReintegrationStatus,
} from '../src/common/displacement-values';
import { IDMC_FILE, parseIdmcCsv } from '../src/reference/idmc-figures';
import { subgraph } from '../src/subgraph';
import { checkReportFigures, type ReportFigures } from '../src/displacement-report/displacement-report.rules';
import { acceptsAssistance, NEXT_CASE_STATUSES } from '../src/reintegration/reintegration.rules';
import { readParticipants } from '../src/awareness/awareness.rules';

describe('the reintegration case status machine, pair by pair', () => {
  const allowed: [ReintegrationStatus, ReintegrationStatus][] = [
    ['REGISTERED', 'IN_ASSISTANCE'],
    ['REGISTERED', 'DROPPED_OUT'],
    ['IN_ASSISTANCE', 'REINTEGRATED'],
    ['IN_ASSISTANCE', 'DROPPED_OUT'],
    ['DROPPED_OUT', 'IN_ASSISTANCE'],
  ];
  const pairs = REINTEGRATION_STATUSES.flatMap((from) => REINTEGRATION_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const expected = allowed.some(([a, b]) => a === from && b === to);
    const change = () => checkStatusChange('A case', NEXT_CASE_STATUSES, from, to, 'input.status');
    if (expected) expect(change).not.toThrow();
    else
      expect(refusalOf(change)).toEqual({
        field: 'input.status',
        message: expect.stringMatching(new RegExp(`${from} cannot become ${to}|${from} is final`)),
      });
  });

  it('takes assistance only while a case is open', () => {
    expect(REINTEGRATION_STATUSES.filter(acceptsAssistance)).toEqual(['REGISTERED', 'IN_ASSISTANCE']);
    const reopen = () => checkStatusChange('A case', NEXT_CASE_STATUSES, 'REINTEGRATED', 'IN_ASSISTANCE', 'input.status');
    expect(refusalOf(reopen).message).toBe('A case that is REINTEGRATED is final: it cannot become IN_ASSISTANCE');
  });
});

describe('a report’s figures hold together', () => {
  const figures = (over: Partial<ReportFigures> = {}): ReportFigures => ({
    idpIndividuals: 100,
    idpHouseholds: 20,
    returneeIndividuals: 10,
    returneeHouseholds: 3,
    idpsBySexAndAge: [
      { sex: 'FEMALE', ageGroup: 'AGE_18_59', individuals: 60 },
      { sex: 'MALE', ageGroup: 'AGE_18_59', individuals: 40 },
    ],
    reasons: [{ reason: 'CONFLICT', individuals: 100 }],
    origins: [{ pcode: 'ML0504', individuals: 70 }],
    ...over,
  });
  const all = { idpIndividuals: true, idpsBySexAndAge: true, reasons: true, origins: true };

  it('accepts figures that add up, and no breakdown at all', () => {
    expect(checkReportFigures(figures(), all).idpIndividuals).toBe(100);
    expect(
      checkReportFigures(
        figures({ idpsBySexAndAge: [], reasons: [], origins: [], returneeIndividuals: null, returneeHouseholds: null }),
        all,
      ).idpHouseholds,
    ).toBe(20);
  });

  it.each([
    ['negative IDPs', { idpIndividuals: -1 }, 'input.idpIndividuals'],
    ['a fraction', { idpHouseholds: 2.5 }, 'input.idpHouseholds'],
    ['more households than people', { idpHouseholds: 101 }, 'input.idpHouseholds'],
    ['returnee households without returnees', { returneeIndividuals: null }, 'input.returneeHouseholds'],
    ['more returnee households than returnees', { returneeHouseholds: 11 }, 'input.returneeHouseholds'],
    [
      'sex and age that do not add up',
      { idpsBySexAndAge: [{ sex: 'FEMALE', ageGroup: 'AGE_18_59', individuals: 60 }] },
      'input.idpsBySexAndAge',
    ],
    [
      'a group twice',
      {
        idpsBySexAndAge: [
          { sex: 'FEMALE', ageGroup: 'AGE_18_59', individuals: 50 },
          { sex: 'FEMALE', ageGroup: 'AGE_18_59', individuals: 50 },
        ],
      },
      'input.idpsBySexAndAge.1',
    ],
    [
      'a negative group',
      { idpsBySexAndAge: [{ sex: 'MALE', ageGroup: 'AGE_0_5', individuals: -5 }] },
      'input.idpsBySexAndAge.0.individuals',
    ],
    ['reasons that do not add up', { reasons: [{ reason: 'CONFLICT', individuals: 90 }] }, 'input.reasons'],
    [
      'a reason twice',
      {
        reasons: [
          { reason: 'CONFLICT', individuals: 50 },
          { reason: 'CONFLICT', individuals: 50 },
        ],
      },
      'input.reasons.1',
    ],
    [
      'more people by origin than IDPs',
      {
        origins: [
          { pcode: 'ML0504', individuals: 70 },
          { pcode: 'ML0701', individuals: 31 },
        ],
      },
      'input.origins',
    ],
    [
      'an origin twice',
      {
        origins: [
          { pcode: 'ML0504', individuals: 10 },
          { pcode: 'ML0504', individuals: 10 },
        ],
      },
      'input.origins.1',
    ],
  ] as [string, Partial<ReportFigures>, string][])('refuses %s', (_name, over, field) => {
    expect(refusalOf(() => checkReportFigures(figures(over), all)).field).toBe(field);
  });

  it('blames the figure the caller changed when a stored breakdown no longer adds up', () => {
    expect(refusalOf(() => checkReportFigures(figures({ idpIndividuals: 120 }), { idpIndividuals: true })).field).toBe(
      'input.idpIndividuals',
    );
    expect(
      refusalOf(() => checkReportFigures(figures({ idpIndividuals: 120 }), { idpIndividuals: true, idpsBySexAndAge: true })).field,
    ).toBe('input.idpsBySexAndAge');
  });
});

describe('awareness participants', () => {
  it('are counted by sex and age group, each group once, somebody at least', () => {
    expect(
      readParticipants([
        { sex: 'FEMALE', ageGroup: 'AGE_6_17', people: 4 },
        { sex: 'MALE', ageGroup: 'AGE_6_17', people: 5 },
      ]).total,
    ).toBe(9);
    expect(refusalOf(() => readParticipants([])).field).toBe('input.participants');
    expect(refusalOf(() => readParticipants([{ sex: 'FEMALE', ageGroup: 'AGE_6_17', people: 0 }])).field).toBe('input.participants');
    expect(
      refusalOf(() =>
        readParticipants([
          { sex: 'FEMALE', ageGroup: 'AGE_6_17', people: 1 },
          { sex: 'FEMALE', ageGroup: 'AGE_6_17', people: 1 },
        ]),
      ).field,
    ).toBe('input.participants.1');
  });
});

describe('the IDMC file', () => {
  const rows = parseIdmcCsv(fs.readFileSync(IDMC_FILE, 'utf8'));

  it('holds the platform’s countries with known values, blank cells unknown', () => {
    expect(rows).toHaveLength(59);
    expect(new Set(rows.map((r) => r.countryCode))).toEqual(new Set(['BF', 'ML', 'NE', 'SN', 'GM']));
    expect(rows.find((r) => r.countryCode === 'ML' && r.year === 2012)).toEqual({
      iso3: 'MLI',
      countryCode: 'ML',
      year: 2012,
      newDisplacements: 227000,
      newDisplacementsRounded: 227000,
      totalIdps: 230000,
      totalIdpsRounded: 230000,
    });
    expect(rows.find((r) => r.countryCode === 'NE' && r.year === 2009)).toMatchObject({
      newDisplacements: 0,
      newDisplacementsRounded: null,
    });
  });

  it('refuses quoted cells and counts that are not counts rather than misreading them', () => {
    const header = 'iso3,country_name,year,new_displacement,new_displacement_rounded,total_displacement,total_displacement_rounded';
    expect(() => parseIdmcCsv(`${header}\nMLI,"Mali, Republic",2020,1,1,1,1`)).toThrow(/quoted/);
    expect(() => parseIdmcCsv(`${header}\nMLI,Mali,2020,-4,,1,1`)).toThrow(/not a count/);
    expect(parseIdmcCsv(`${header}\nGHA,Ghana,2020,1,1,1,1`)).toEqual([]);
  });
});

describe('the schema', () => {
  const { document } = loadTypeDefs(subgraph.schemaFile);
  const enumValues = (name: string) => {
    const found = document.definitions.find((d) => d.kind === 'EnumTypeDefinition' && d.name.value === name);
    return found && 'values' in found ? found.values!.map((v) => v.name.value) : [];
  };

  it.each([
    ['DisplacementSex', DISPLACEMENT_SEXES],
    ['DisplacementAgeGroup', DISPLACEMENT_AGE_GROUPS],
    ['DisplacementReason', DISPLACEMENT_REASONS],
    ['ReintegrationProgrammeKind', REINTEGRATION_PROGRAMME_KINDS],
    ['ReintegrationCategory', REINTEGRATION_CATEGORIES],
    ['ReintegrationAgeGroup', REINTEGRATION_AGE_GROUPS],
    ['ReintegrationAssistanceKind', REINTEGRATION_ASSISTANCE_KINDS],
    ['ReintegrationStatus', REINTEGRATION_STATUSES],
    ['AwarenessSessionKind', AWARENESS_SESSION_KINDS],
  ] as [string, readonly string[]][])('%s holds the values the database accepts', (name, values) => {
    expect(enumValues(name)).toEqual([...values]);
  });

  it('has no field for a name, birth date or phone of a reintegration beneficiary', () => {
    const found = document.definitions.find((d) => d.kind === 'ObjectTypeDefinition' && d.name.value === 'ReintegrationCase');
    const fields = found && 'fields' in found ? found.fields!.map((f) => f.name.value) : [];
    expect(fields).toContain('beneficiaryCode');
    expect(fields.filter((f) => /name|birth|phone|address|photo/i.test(f))).toEqual([]);
  });
});
