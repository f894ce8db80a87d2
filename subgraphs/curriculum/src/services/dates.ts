import { badInput } from '@peacegraph/kit';

/**
 * Dates arrive from the Date scalar as JavaScript Dates at UTC midnight and are stored as SQL dates
 * ('YYYY-MM-DD'). "Today" is the UTC date: every country of the platform but Niger keeps UTC, and
 * Niger's hour ahead only matters for a session recorded between 23:00 and midnight.
 */
export type DateInput = Date | string;

export function isoDate(value: DateInput): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** An actual date (delivered, held, started): not in the future. */
export function notInFuture(field: string, value: string, what: string): string {
  const now = today();
  if (value > now) throw badInput(field, `${what} ${value} is in the future (today is ${now})`);
  return value;
}

/** Refuses `value` before `earliest`, explaining what `earliest` is. */
export function notBefore(field: string, value: string, earliest: string | null, explanation: string): string {
  if (earliest && value < earliest) throw badInput(field, `${value} is before ${explanation} (${earliest})`);
  return value;
}
