import { addDays, today } from '@peacegraph/kit/input';
import { ok } from '@peacegraph/kit/testing';

/** A request that must succeed: its data, or the test fails with the errors (the kit's). */
export { ok };

/** A date `n` days before today. */
export function daysAgo(n: number): string {
  return addDays(today(), -n);
}
