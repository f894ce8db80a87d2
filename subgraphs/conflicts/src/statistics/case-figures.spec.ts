import { ALL_TIME, cutAtWholeMonths, figureDeltas, type CountedCase } from './case-figures';

const kase: CountedCase = {
  countryCode: 'ML',
  adminPcode: 'ML0306',
  admin1Pcode: 'ML03',
  admin2Pcode: 'ML0306',
  ownerOrg: '00000000-0000-4000-8000-000000000003',
  reportedOn: '2026-01-30',
  status: 'UNDER_MEDIATION',
  resolvedOn: null,
  everRelapsed: false,
};

describe('a period cut at whole months', () => {
  it('keeps whole months for the rollup and the days around them for the cases', () => {
    expect(cutAtWholeMonths('2024-03-15', '2025-02-10')).toEqual({
      from: '2024-03-15',
      wholeFrom: '2024-04-01',
      wholeUntil: '2025-02-01',
      to: '2025-02-10',
    });
    // Month boundaries on both ends: nothing is left to the cases.
    expect(cutAtWholeMonths('2024-03-01', '2024-05-31')).toEqual({
      from: '2024-03-01',
      wholeFrom: '2024-03-01',
      wholeUntil: '2024-06-01',
      to: '2024-05-31',
    });
    expect(cutAtWholeMonths('2024-12-01', '2024-12-31').wholeUntil).toBe('2025-01-01');
    expect(cutAtWholeMonths(null, '2024-02-29')).toEqual({
      from: '-infinity',
      wholeFrom: '-infinity',
      wholeUntil: '2024-03-01',
      to: '2024-02-29',
    });
    expect(cutAtWholeMonths('2025-01-31', null)).toEqual({
      from: '2025-01-31',
      wholeFrom: '2025-02-01',
      wholeUntil: 'infinity',
      to: 'infinity',
    });
  });

  it('leaves every day to the cases when no whole month is inside the period', () => {
    const inside = cutAtWholeMonths('2024-03-05', '2024-03-20');
    expect(inside).toEqual({ from: '2024-03-05', wholeFrom: '2024-03-21', wholeUntil: '2024-03-21', to: '2024-03-20' });
    expect(cutAtWholeMonths('2024-12-31', '2025-01-01')).toMatchObject({ wholeFrom: '2025-01-02', wholeUntil: '2025-01-02' });
  });

  it('cuts periods at the ends of the calendar into dates PostgreSQL reads', () => {
    // After 9999-12-31 comes 10000-01-01, which PostgreSQL takes (JavaScript would write '+010000-01-01').
    expect(cutAtWholeMonths('0001-01-01', '9999-12-31')).toEqual({
      from: '0001-01-01',
      wholeFrom: '0001-01-01',
      wholeUntil: '10000-01-01',
      to: '9999-12-31',
    });
    expect(cutAtWholeMonths('9999-12-31', null)).toEqual({
      from: '9999-12-31',
      wholeFrom: '10000-01-01',
      wholeUntil: 'infinity',
      to: 'infinity',
    });
    expect(cutAtWholeMonths('9999-12-15', '9999-12-31')).toMatchObject({ wholeFrom: '10000-01-01', wholeUntil: '10000-01-01' });
    expect(cutAtWholeMonths('9999-12-01', '9999-12-31')).toMatchObject({ wholeFrom: '9999-12-01', wholeUntil: '10000-01-01' });
    // The years 0–99 stay themselves (Date.UTC would have made them 1900–1999).
    expect(cutAtWholeMonths('0050-02-15', '0050-05-10')).toEqual({
      from: '0050-02-15',
      wholeFrom: '0050-03-01',
      wholeUntil: '0050-05-01',
      to: '0050-05-10',
    });
  });
});

describe('the rollup rows a write changes', () => {
  it('adds a new case to its report month and to all time', () => {
    const deltas = figureDeltas(null, kase);
    expect(deltas.map((d) => [d.month, d.resolutionDays, d.reported, d.open, d.resolved])).toEqual([
      ['2026-01-01', null, 1, 1, 0],
      [ALL_TIME, null, 1, 1, 0],
    ]);
  });

  it('moves a resolved case to its day count, across a month end', () => {
    const resolved = { ...kase, status: 'RESOLVED' as const, resolvedOn: '2026-03-02' };
    const deltas = figureDeltas(kase, resolved);
    expect(deltas.filter((d) => d.month === ALL_TIME).map((d) => [d.resolutionDays, d.reported, d.open, d.resolved])).toEqual([
      [null, -1, -1, 0],
      [31, 1, 0, 1],
    ]);
    expect(deltas).toHaveLength(4);
  });

  it('changes nothing between two open statuses, and takes a removed case away', () => {
    expect(figureDeltas(kase, { ...kase, status: 'RELAPSED' })).toEqual([]);
    expect(figureDeltas({ ...kase, status: 'RELAPSED' }, { ...kase, status: 'RELAPSED', everRelapsed: true })).toHaveLength(2);
    expect(figureDeltas(kase, null).map((d) => d.reported)).toEqual([-1, -1]);
  });

  it('refuses a status no figure counts', () => {
    expect(() => figureDeltas(null, { ...kase, status: 'LOST' as never })).toThrow('Status LOST is in no group of the figures');
  });
});
