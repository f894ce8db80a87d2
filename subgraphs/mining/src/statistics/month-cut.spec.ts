import { cutAtWholeMonths } from './month-cut';

describe('a period cut at whole months', () => {
  it('is whole months all the way without ends', () => {
    expect(cutAtWholeMonths(null, null)).toEqual({ wholeMonths: true, wholeMonthsFrom: null, wholeMonthsUntil: null, edges: [] });
  });

  it('needs no days when the period starts on a first and ends on a last day', () => {
    expect(cutAtWholeMonths('2024-03-01', '2025-02-28')).toEqual({
      wholeMonths: true,
      wholeMonthsFrom: '2024-03-01',
      wholeMonthsUntil: '2025-03-01',
      edges: [],
    });
    expect(cutAtWholeMonths('2024-02-01', '2024-02-29').edges).toEqual([]);
  });

  it('counts the days before the first and after the last whole month from the trainings', () => {
    expect(cutAtWholeMonths('2024-03-17', '2025-05-04')).toEqual({
      wholeMonths: true,
      wholeMonthsFrom: '2024-04-01',
      wholeMonthsUntil: '2025-05-01',
      edges: [
        { from: '2024-03-17', to: '2024-03-31' },
        { from: '2025-05-01', to: '2025-05-04' },
      ],
    });
    expect(cutAtWholeMonths('2024-12-31', null)).toEqual({
      wholeMonths: true,
      wholeMonthsFrom: '2025-01-01',
      wholeMonthsUntil: null,
      edges: [{ from: '2024-12-31', to: '2024-12-31' }],
    });
    expect(cutAtWholeMonths(null, '2024-11-20')).toEqual({
      wholeMonths: true,
      wholeMonthsFrom: null,
      wholeMonthsUntil: '2024-11-01',
      edges: [{ from: '2024-11-01', to: '2024-11-20' }],
    });
  });

  it('counts every day from the trainings when no whole month lies inside', () => {
    expect(cutAtWholeMonths('2024-06-03', '2024-06-21')).toEqual({
      wholeMonths: false,
      wholeMonthsFrom: null,
      wholeMonthsUntil: null,
      edges: [{ from: '2024-06-03', to: '2024-06-21' }],
    });
    expect(cutAtWholeMonths('2025-01-31', '2025-02-01').edges).toEqual([{ from: '2025-01-31', to: '2025-02-01' }]);
    expect(cutAtWholeMonths('2025-01-02', '2025-02-27').wholeMonths).toBe(false);
  });
});
