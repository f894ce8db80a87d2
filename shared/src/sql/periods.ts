/**
 * Periods cut where a monthly (or weekly) rollup can answer, with dates written as PostgreSQL reads
 * them. The API takes dates from 0001-01-01 to 9999-12-31, and a cut needs the day after the last
 * one, in year 10000: JavaScript's toISOString writes that year '+010000', which PostgreSQL refuses,
 * and Date.UTC reads the years 0–99 as 1900–1999. So the arithmetic here is on integers: a date is
 * its number of days from 1970-01-01 in the proleptic Gregorian calendar, as PostgreSQL counts them.
 */

const DATE = /^(\d{4,5})-(\d{2})-(\d{2})$/;

function partsOf(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new Error(`Not a date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The day number of a 'YYYY-MM-DD' date: days from 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumberOf(date: string): number {
  const [y, m, d] = partsOf(date);
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number, the year zero-padded to four digits (10000 and after as they are). */
export function dateOfDayNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  const two = (v: number) => String(v).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
}

const firstOfMonth = (date: string) => `${date.slice(0, -3)}-01`;
const firstOfNextMonth = (date: string) => {
  const [y, m] = partsOf(date);
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${date.slice(0, -6)}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * A period [from, to] cut where a monthly rollup can answer: the days before the first whole month
 * [from, wholeMonthsFrom), the whole months [wholeMonthsFrom, wholeMonthsUntil) and the days after
 * them [wholeMonthsUntil, until), `until` being the day after `to` ('10000-01-01' after 9999-12-31).
 * A null end is open: whole months all the way on that side, and no days to add there. Without a
 * whole month inside the period, every day of it is in the first part: wholeMonthsFrom and
 * wholeMonthsUntil are both `until`. A period that ends before it starts (callers refuse one, see
 * `period`) is cut the same way and so counts no day.
 */
export interface MonthCut {
  from: string | null;
  wholeMonthsFrom: string | null;
  wholeMonthsUntil: string | null;
  until: string | null;
}

export function cutAtWholeMonths(from: string | null | undefined, to: string | null | undefined): MonthCut {
  const start = from ? dateOfDayNumber(dayNumberOf(from)) : null;
  const until = to ? dateOfDayNumber(dayNumberOf(to) + 1) : null;
  const wholeMonthsFrom = start === null ? null : start.endsWith('-01') ? start : firstOfNextMonth(start);
  // The month of the day after `to` starts where the whole months end: `to` may be a month's last day.
  const wholeMonthsUntil = until === null ? null : firstOfMonth(until);
  if (wholeMonthsFrom !== null && wholeMonthsUntil !== null && dayNumberOf(wholeMonthsFrom) >= dayNumberOf(wholeMonthsUntil)) {
    return { from: start, wholeMonthsFrom: until, wholeMonthsUntil: until, until };
  }
  return { from: start, wholeMonthsFrom, wholeMonthsUntil, until };
}
