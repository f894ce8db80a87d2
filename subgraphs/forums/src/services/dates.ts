import { badInput, today } from '@peacegraph/kit';

// The platform's one "today" (West Africa Time), re-exported for this subgraph's date rules.
export { today };

/** The calendar date of a GraphQL Date (parsed as UTC midnight) or an ISO string. */
export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function optionalDate(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : isoDate(value);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function checkNotFuture(field: string, date: string, now?: Date): void {
  const limit = today(now);
  if (date > limit) throw badInput(field, `${date} is in the future (today is ${limit})`);
}

export function checkNotBefore(field: string, date: string, earliest: string, what: string): void {
  if (date < earliest) throw badInput(field, `${date} is before ${what} (${earliest})`);
}

/** A period given as two optional dates: refused when it ends before it starts. */
export function period(
  fromField: string,
  from: Date | string | null | undefined,
  toField: string,
  to: Date | string | null | undefined,
): { from: string | null; to: string | null } {
  const start = optionalDate(from);
  const end = optionalDate(to);
  if (start && end && end < start) throw badInput(toField, `The period ends (${end}) before it starts (${start})`, { from: fromField });
  return { from: start, to: end };
}
