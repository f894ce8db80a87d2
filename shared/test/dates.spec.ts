import { today } from '../src/input/dates';

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
