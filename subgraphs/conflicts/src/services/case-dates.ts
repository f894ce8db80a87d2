import { badInput, today } from '@peacegraph/kit';

// The platform's one "today" (West Africa Time), re-exported for this subgraph's date rules.
export { today };

/** The calendar date of a GraphQL Date (parsed as UTC midnight) or an ISO string. */
export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function checkNotFuture(field: string, date: string, now?: Date): void {
  const limit = today(now);
  if (date > limit) throw badInput(field, `${date} is in the future (today is ${limit})`);
}

export function checkNotBefore(field: string, date: string, earliest: string, what: string): void {
  if (date < earliest) throw badInput(field, `${date} is before ${what} (${earliest})`);
}

/** What a case's dates are checked against. */
export interface CaseClock {
  reportedOn: string;
  status: string;
  statusSince: string;
}

/**
 * A date in a case's life: not in the future, not before the report, and not before the last status
 * change, so that the history never runs backwards.
 */
export function checkCaseDate(field: string, date: string, kase: CaseClock, now?: Date): void {
  checkNotFuture(field, date, now);
  checkNotBefore(field, date, kase.reportedOn, 'the case was reported');
  checkNotBefore(field, date, kase.statusSince, `the case's last status change (${kase.status})`);
}
