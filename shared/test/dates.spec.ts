import { addDays, today } from '../src/input/dates';

/**
 * One "today" for the whole platform: the date in West Africa Time (UTC+1), the latest clock of the
 * platform's countries, so a record made just after midnight in Niamey is never "in the future".
 */
describe("the platform's today", () => {
  it.each([
    ['2026-12-04T00:00:00Z', '2026-12-04'],
    ['2026-12-04T22:59:59Z', '2026-12-04'],
    ['2026-12-04T23:00:00Z', '2026-12-05'],
    ['2026-12-04T23:30:00Z', '2026-12-05'],
    ['2026-12-31T23:15:00Z', '2027-01-01'],
    ['2028-02-28T23:00:00Z', '2028-02-29'],
    ['2026-06-30T12:00:00Z', '2026-06-30'],
  ])('at %s UTC it is %s', (instant, date) => {
    expect(today(new Date(instant))).toBe(date);
  });
});

describe('addDays at the ends of the calendar', () => {
  it('counts whole days and writes years as PostgreSQL reads them', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('9999-12-31', 1)).toBe('10000-01-01');
    expect(addDays('0001-01-01', 31)).toBe('0001-02-01');
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
  });
});
