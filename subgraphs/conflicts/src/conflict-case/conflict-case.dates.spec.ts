import { addDays, daysBetween, isoDate, today } from '@peacegraph/kit/input';
import { checkCaseDate } from './conflict-case.dates';

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
    const day = (n: number) => addDays(today(), n);
    const kase = { reportedOn: day(-50), status: 'UNDER_MEDIATION', statusSince: day(-28) };
    const check = (date: string) => () => checkCaseDate('input.on', date, 'The date', kase);
    expect(check(day(-28))).not.toThrow();
    expect(check(day(0))).not.toThrow();
    expect(check(day(1))).toThrow(`The date ${day(1)} is in the future (today is ${day(0)})`);
    expect(check(day(-51))).toThrow(`${day(-51)} is before the case was reported (${day(-50)})`);
    expect(check(day(-29))).toThrow(`${day(-29)} is before the case's last status change (UNDER_MEDIATION) (${day(-28)})`);
    for (const date of [day(1), day(-51), day(-29)]) {
      try {
        check(date)();
      } catch (refusal) {
        expect(refusal).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.on' } });
      }
    }
  });
});
