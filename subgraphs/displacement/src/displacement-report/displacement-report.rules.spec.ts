import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { DisplacementReport } from './displacement-report.entity';
import { reportArea, reportRound, reportValues } from './displacement-report.rules';
import type { RecordDisplacementReportInput } from '../generated/resolvers';

const good: RecordDisplacementReportInput = {
  adminArea: 'BF5601',
  roundNumber: 3,
  dataDate: '2024-04-30',
  idpIndividuals: 100,
  idpHouseholds: 20,
  reasons: [{ reason: 'CONFLICT', individuals: 100 }],
  origins: [{ adminArea: 'BF49', individuals: 60 }],
};

describe('displacement report rules', () => {
  it('accepts a good report, its origins as stored', () => {
    expect(reportValues(good, null)).toEqual({
      idpIndividuals: 100,
      idpHouseholds: 20,
      returneeIndividuals: null,
      returneeHouseholds: null,
      idpsBySexAndAge: [],
      reasons: [{ reason: 'CONFLICT', individuals: 100 }],
      origins: [{ pcode: 'BF49', individuals: 60 }],
      roundName: null,
      dataDate: '2024-04-30',
    });
    expect(reportRound(3)).toBe(3);
    expect(() => reportArea('BF5601', { adminLevel: 2 })).not.toThrow();
  });

  it('refuses every null required figure at once', () => {
    expect(problemsIn(() => reportValues({ dataDate: null, idpIndividuals: null, idpHouseholds: null }, null))).toEqual([
      ['input.dataDate', expect.any(String)],
      ['input.idpIndividuals', expect.any(String)],
      ['input.idpHouseholds', expect.any(String)],
    ]);
  });

  it('reports figures, round name and date together', () => {
    const input = { ...good, idpHouseholds: 200, roundName: 'x'.repeat(101), dataDate: '2999-01-01' };
    expect(problemsIn(() => reportValues(input, null))).toEqual([
      ['input.idpHouseholds', '200 IDP households is more than the 100 IDPs counted'],
      ['input.roundName', expect.any(String)],
      ['input.dataDate', expect.stringContaining('is in the future')],
    ]);
  });

  it('blames a mismatch on what an update sent, and keeps what it left out', () => {
    const current = { ...good, origins: [], returneeIndividuals: null, returneeHouseholds: null, idpsBySexAndAge: [], roundName: 'R3' };
    const stored = current as unknown as DisplacementReport;
    expect(refusalOf(() => reportValues({ idpIndividuals: 90 }, stored))).toEqual({
      field: 'input.idpIndividuals',
      message: 'IDPs by reason add up to 100, not to the 90 IDPs counted',
    });
    expect(reportValues({ roundName: null }, stored)).toMatchObject({ roundName: null, idpIndividuals: 100, dataDate: '2024-04-30' });
  });

  it('wants a round from 1 and an area no lower than admin 2', () => {
    expect(refusalOf(() => reportRound(0)).field).toBe('input.roundNumber');
    expect(refusalOf(() => reportArea('BF560101', { adminLevel: 3 }))).toEqual({
      field: 'input.adminArea',
      message: 'BF560101 is an admin level 3 area: report for its admin-2 area or region',
    });
  });
});
