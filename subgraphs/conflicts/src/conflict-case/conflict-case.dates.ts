import { notBefore, notInFuture } from '@peacegraph/kit/input';

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
export function checkCaseDate(field: string, date: string, label: string, kase: CaseClock): void {
  notInFuture(field, date, label);
  notBefore(field, date, kase.reportedOn, 'the case was reported');
  notBefore(field, date, kase.statusSince, `the case's last status change (${kase.status})`);
}
