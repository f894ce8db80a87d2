import { addDays, checkCaseDate, daysBetween, isoDate, today } from '../src/services/case-dates';

describe('dates in a case', () => {
  it('takes today in West Africa Time, so a report just after midnight in Niger is not in the future', () => {
    expect(today(new Date('2026-03-14T23:30:00Z'))).toBe('2026-03-15');
    expect(today(new Date('2026-03-14T22:59:00Z'))).toBe('2026-03-14');
  });

  it('reads GraphQL dates as calendar dates and counts days', () => {
    expect(isoDate(new Date('2026-02-01T00:00:00Z'))).toBe('2026-02-01');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('refuses a change in the future, before the report, or before the last change, naming the field', () => {
    const kase = { reportedOn: '2026-01-10', status: 'UNDER_MEDIATION', statusSince: '2026-02-01' };
    const now = new Date('2026-03-01T12:00:00Z');
    expect(() => checkCaseDate('input.on', '2026-02-01', kase, now)).not.toThrow();
    expect(() => checkCaseDate('input.on', '2026-03-02', kase, now)).toThrow('2026-03-02 is in the future (today is 2026-03-01)');
    expect(() => checkCaseDate('input.on', '2026-01-09', kase, now)).toThrow('2026-01-09 is before the case was reported (2026-01-10)');
    expect(() => checkCaseDate('input.on', '2026-01-31', kase, now)).toThrow(
      "2026-01-31 is before the case's last status change (UNDER_MEDIATION) (2026-02-01)",
    );
  });
});
