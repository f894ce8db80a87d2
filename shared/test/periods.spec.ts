import { cutAtWholeMonths, dateOfDayNumber, dayNumberOf } from '../src/sql/periods';

/** JavaScript's own count for the years it writes plainly (1000–9999), to check the integers against. */
const jsDayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('day numbers', () => {
  it.each(['1970-01-01', '2024-02-29', '2025-03-01', '1900-02-28', '1900-03-01', '2000-02-29', '1000-01-01', '9999-12-31'])(
    '%s counts as JavaScript counts it, and back',
    (date) => {
      expect(dayNumberOf(date)).toBe(jsDayNumber(date));
      expect(dateOfDayNumber(dayNumberOf(date))).toBe(date);
    },
  );

  it('writes the years before 1000 with four digits and year 10000 as PostgreSQL reads it', () => {
    expect(dateOfDayNumber(dayNumberOf('0001-01-01'))).toBe('0001-01-01');
    expect(dayNumberOf('0001-01-01')).toBe(-719_162);
    expect(dateOfDayNumber(dayNumberOf('0001-01-01') - 1)).toBe('0000-12-31');
    expect(dateOfDayNumber(dayNumberOf('0050-02-28') + 1)).toBe('0050-03-01');
    // Year 4, 48 and 96 are leap years, 100 is not (proleptic Gregorian, as PostgreSQL counts).
    expect(dateOfDayNumber(dayNumberOf('0004-02-28') + 1)).toBe('0004-02-29');
    expect(dateOfDayNumber(dayNumberOf('0100-02-28') + 1)).toBe('0100-03-01');
    expect(dateOfDayNumber(dayNumberOf('0999-12-31') + 1)).toBe('1000-01-01');
    expect(dateOfDayNumber(dayNumberOf('9999-12-31') + 1)).toBe('10000-01-01');
  });

  it('refuses what is no date, rather than counting it', () => {
    expect(() => dayNumberOf('2025-3-1')).toThrow(/Not a date/);
    expect(() => dayNumberOf('+010000-01-01')).toThrow(/Not a date/);
  });
});

describe('a period cut at whole months', () => {
  it('cuts the days before and after the whole months', () => {
    expect(cutAtWholeMonths('2024-03-15', '2025-02-10')).toEqual({
      from: '2024-03-15',
      wholeMonthsFrom: '2024-04-01',
      wholeMonthsUntil: '2025-02-01',
      until: '2025-02-11',
    });
  });

  it('takes a month starting on its first day and ending on its last as whole', () => {
    expect(cutAtWholeMonths('2024-03-01', '2024-05-31')).toEqual({
      from: '2024-03-01',
      wholeMonthsFrom: '2024-03-01',
      wholeMonthsUntil: '2024-06-01',
      until: '2024-06-01',
    });
    expect(cutAtWholeMonths('2024-02-01', '2024-02-29')).toEqual({
      from: '2024-02-01',
      wholeMonthsFrom: '2024-02-01',
      wholeMonthsUntil: '2024-03-01',
      until: '2024-03-01',
    });
    expect(cutAtWholeMonths('2024-12-01', '2024-12-31').wholeMonthsUntil).toBe('2025-01-01');
  });

  it('ending on a month’s last day, has no days after the whole months', () => {
    const cut = cutAtWholeMonths('2024-03-17', '2024-06-30');
    expect(cut).toEqual({ from: '2024-03-17', wholeMonthsFrom: '2024-04-01', wholeMonthsUntil: '2024-07-01', until: '2024-07-01' });
  });

  it('puts every day of a period without a whole month in the first part', () => {
    const inside = { from: '2024-03-05', wholeMonthsFrom: '2024-03-21', wholeMonthsUntil: '2024-03-21', until: '2024-03-21' };
    expect(cutAtWholeMonths('2024-03-05', '2024-03-20')).toEqual(inside);
    // Across a month's end, still no whole month.
    expect(cutAtWholeMonths('2024-12-31', '2025-01-01')).toEqual({
      from: '2024-12-31',
      wholeMonthsFrom: '2025-01-02',
      wholeMonthsUntil: '2025-01-02',
      until: '2025-01-02',
    });
    expect(cutAtWholeMonths('2025-03-10', '2025-04-20')).toMatchObject({ wholeMonthsFrom: '2025-04-21', wholeMonthsUntil: '2025-04-21' });
    expect(cutAtWholeMonths('2025-03-10', '2025-03-10')).toMatchObject({ wholeMonthsFrom: '2025-03-11', until: '2025-03-11' });
  });

  it('leaves open ends open: whole months all the way, no days there', () => {
    expect(cutAtWholeMonths(null, null)).toEqual({ from: null, wholeMonthsFrom: null, wholeMonthsUntil: null, until: null });
    expect(cutAtWholeMonths(undefined, '2024-02-29')).toEqual({
      from: null,
      wholeMonthsFrom: null,
      wholeMonthsUntil: '2024-03-01',
      until: '2024-03-01',
    });
    expect(cutAtWholeMonths(null, '2024-02-28')).toEqual({
      from: null,
      wholeMonthsFrom: null,
      wholeMonthsUntil: '2024-02-01',
      until: '2024-02-29',
    });
    expect(cutAtWholeMonths('2025-01-31', null)).toEqual({
      from: '2025-01-31',
      wholeMonthsFrom: '2025-02-01',
      wholeMonthsUntil: null,
      until: null,
    });
  });

  it('cuts a period that ends before it starts so that it counts no day', () => {
    // [from, until) and [until, until) are empty: 2025-05-10 is after 2025-03-21.
    expect(cutAtWholeMonths('2025-05-10', '2025-03-20')).toEqual({
      from: '2025-05-10',
      wholeMonthsFrom: '2025-03-21',
      wholeMonthsUntil: '2025-03-21',
      until: '2025-03-21',
    });
  });

  describe('at the ends of the dates the API takes', () => {
    it('from 0001-01-01 to 9999-12-31: every month whole, the end in year 10000', () => {
      expect(cutAtWholeMonths('0001-01-01', '9999-12-31')).toEqual({
        from: '0001-01-01',
        wholeMonthsFrom: '0001-01-01',
        wholeMonthsUntil: '10000-01-01',
        until: '10000-01-01',
      });
    });

    it('the first month of year 1, whole and in part', () => {
      expect(cutAtWholeMonths('0001-01-01', '0001-01-31')).toEqual({
        from: '0001-01-01',
        wholeMonthsFrom: '0001-01-01',
        wholeMonthsUntil: '0001-02-01',
        until: '0001-02-01',
      });
      expect(cutAtWholeMonths('0001-01-01', '0001-01-30')).toMatchObject({ wholeMonthsFrom: '0001-01-31', wholeMonthsUntil: '0001-01-31' });
    });

    it.each([
      ['0001-01-15', '0001-03-10', '0001-02-01', '0001-03-01', '0001-03-11'],
      ['0050-02-15', '0050-05-10', '0050-03-01', '0050-05-01', '0050-05-11'],
      ['0099-11-15', '0100-02-28', '0099-12-01', '0100-03-01', '0100-03-01'],
      ['0012-12-20', '0013-01-31', '0013-01-01', '0013-02-01', '0013-02-01'],
    ])('in years 1–99 stays there, not in the 1900s: %s to %s', (from, to, wholeMonthsFrom, wholeMonthsUntil, until) => {
      expect(cutAtWholeMonths(from, to)).toEqual({ from, wholeMonthsFrom, wholeMonthsUntil, until });
    });

    it('0999-12-31 is followed by 1000-01-01', () => {
      expect(cutAtWholeMonths('0999-12-31', '1000-02-10')).toEqual({
        from: '0999-12-31',
        wholeMonthsFrom: '1000-01-01',
        wholeMonthsUntil: '1000-02-01',
        until: '1000-02-11',
      });
      expect(cutAtWholeMonths('0999-12-15', '0999-12-31')).toMatchObject({ wholeMonthsFrom: '1000-01-01', until: '1000-01-01' });
    });

    it('the last month, 9999-12, whole and in part', () => {
      expect(cutAtWholeMonths('9999-12-01', '9999-12-31')).toEqual({
        from: '9999-12-01',
        wholeMonthsFrom: '9999-12-01',
        wholeMonthsUntil: '10000-01-01',
        until: '10000-01-01',
      });
      expect(cutAtWholeMonths('9999-12-15', '9999-12-31')).toEqual({
        from: '9999-12-15',
        wholeMonthsFrom: '10000-01-01',
        wholeMonthsUntil: '10000-01-01',
        until: '10000-01-01',
      });
      expect(cutAtWholeMonths('9999-11-15', '9999-12-30')).toEqual({
        from: '9999-11-15',
        wholeMonthsFrom: '9999-12-31',
        wholeMonthsUntil: '9999-12-31',
        until: '9999-12-31',
      });
    });

    it('9999-12-31 alone, and as an open period’s start or a period’s end', () => {
      expect(cutAtWholeMonths('9999-12-31', '9999-12-31')).toEqual({
        from: '9999-12-31',
        wholeMonthsFrom: '10000-01-01',
        wholeMonthsUntil: '10000-01-01',
        until: '10000-01-01',
      });
      expect(cutAtWholeMonths('9999-12-31', null)).toEqual({
        from: '9999-12-31',
        wholeMonthsFrom: '10000-01-01',
        wholeMonthsUntil: null,
        until: null,
      });
      expect(cutAtWholeMonths(null, '9999-12-31')).toEqual({
        from: null,
        wholeMonthsFrom: null,
        wholeMonthsUntil: '10000-01-01',
        until: '10000-01-01',
      });
    });
  });
});
