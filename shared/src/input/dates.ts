import { badInput } from '../errors/errors';
import { dateOfDayNumber, dayNumberOf } from '../sql/periods';

/**
 * Dates arrive from the Date scalar as JavaScript Dates at UTC midnight and are stored as SQL dates
 * ('YYYY-MM-DD').
 */
export type DateInput = Date | string;

export function isoDate(value: DateInput): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function optionalDate(value: DateInput | null | undefined): string | null {
  return value ? isoDate(value) : null;
}

/**
 * "Today" for every rule of the platform (nothing dated in the future, periods, demo data): the date in
 * West Africa Time (UTC+1), the latest clock of the platform's countries. Niger keeps UTC+1, the
 * others UTC; with UTC, an event recorded in Niamey between midnight and 01:00 was "in the future".
 */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() + 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * `n` days after a 'YYYY-MM-DD' date (before, when negative), counted on whole days. Past 9999-12-31
 * it gives '10000-01-01', as PostgreSQL writes and reads it (toISOString gave '+010000-01-01', which
 * PostgreSQL refuses); such a string no longer sorts among dates, so compare with daysBetween.
 */
export function addDays(date: string, n: number): string {
  return dateOfDayNumber(dayNumberOf(date) + n);
}

/** Whole days from one 'YYYY-MM-DD' date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An actual date (held, started, observed): not in the future. */
export function notInFuture(field: string, value: DateInput, what: string): string {
  const date = isoDate(value);
  const now = today();
  if (date > now) throw badInput(field, `${what} ${date} is in the future (today is ${now})`);
  return date;
}

/** Refuses `value` before `earliest`, explaining what `earliest` is. */
export function notBefore(field: string, value: string, earliest: string | null, explanation: string): string {
  if (earliest && value < earliest) throw badInput(field, `${value} is before ${explanation} (${earliest})`);
  return value;
}

/** A period given as two optional dates: refused when it ends before it starts. */
export function period(
  fromField: string,
  from: DateInput | null | undefined,
  toField: string,
  to: DateInput | null | undefined,
): { from: string | null; to: string | null } {
  const start = optionalDate(from);
  const end = optionalDate(to);
  if (start && end && end < start) throw badInput(toField, `The period ends (${end}) before it starts (${start})`, { from: fromField });
  return { from: start, to: end };
}
