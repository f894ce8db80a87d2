import { refusalOf } from '@peacegraph/kit/testing';
import { readAudienceCounts, readHeadcount, withinEnrolment } from './headcount.rules';

describe('headcounts', () => {
  it('fill missing cells with 0 and refuse negative, fractional or empty counts, naming the cell', () => {
    expect(readHeadcount('input.attendance', { femaleAdults: 4 }, 'The attendance')).toEqual({
      femaleChildren: 0,
      femaleYouth: 0,
      femaleAdults: 4,
      maleChildren: 0,
      maleYouth: 0,
      maleAdults: 0,
    });
    expect(refusalOf(() => readHeadcount('input.attendance', { maleYouth: -1 }, 'The attendance'))).toEqual({
      field: 'input.attendance.maleYouth',
      message: 'The number of young men (15 to 24) cannot be negative (got -1)',
    });
    expect(refusalOf(() => readHeadcount('input.attendance', { femaleAdults: 2.5 }, 'The attendance')).field).toBe(
      'input.attendance.femaleAdults',
    );
    expect(refusalOf(() => readHeadcount('input.attendance', {}, 'The attendance'))).toEqual({
      field: 'input.attendance',
      message: 'The attendance must count at least one person',
    });
  });

  it('keep attendance within enrolment, cell by cell', () => {
    const enrolment = readHeadcount('e', { femaleAdults: 10, maleAdults: 8 }, 'e');
    expect(() =>
      withinEnrolment('input.attendance', readHeadcount('a', { femaleAdults: 10, maleAdults: 8 }, 'a'), enrolment),
    ).not.toThrow();
    expect(refusalOf(() => withinEnrolment('input.attendance', readHeadcount('a', { maleAdults: 9 }, 'a'), enrolment))).toEqual({
      field: 'input.attendance.maleAdults',
      message: '9 men (25 and over) attended, but the cohort enrolled 8',
    });
  });

  it('count audiences of the cohort only, each at most the people counted', () => {
    expect(readAudienceCounts('input.byAudience', [{ audience: 'WOMEN', count: 5 }], ['MEN', 'WOMEN'], 12)).toMatchObject({
      women: 5,
      men: 0,
    });
    expect(refusalOf(() => readAudienceCounts('input.byAudience', [{ audience: 'WOMEN', count: 13 }], ['WOMEN'], 12)).field).toBe(
      'input.byAudience.0.count',
    );
    expect(
      refusalOf(() =>
        readAudienceCounts(
          'input.byAudience',
          [
            { audience: 'MEN', count: 1 },
            { audience: 'MEN', count: 2 },
          ],
          ['MEN'],
          12,
        ),
      ).field,
    ).toBe('input.byAudience.1.audience');
  });
});
