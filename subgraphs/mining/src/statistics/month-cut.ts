/**
 * A period cut where the monthly rollup can answer: the days before the first whole calendar month
 * [from, wholeMonthsFrom), the whole months [wholeMonthsFrom, wholeMonthsUntil) and the days after
 * them [wholeMonthsUntil, to]. Dates 'YYYY-MM-DD'; an open end (null) is whole months all the way.
 * Without a whole month inside the period, `wholeMonths` is false and the days are all raw.
 */
export interface MonthCut {
  wholeMonths: boolean;
  /** First day of the first whole month; null: from the beginning. */
  wholeMonthsFrom: string | null;
  /** First day after the last whole month; null: to the end. */
  wholeMonthsUntil: string | null;
  /** Days counted from the trainings themselves, both ends included. */
  edges: { from: string; to: string }[];
}

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);

function firstOfNextMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function firstOfMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function cutAtWholeMonths(from: string | null | undefined, to: string | null | undefined): MonthCut {
  const start = from ? parse(from) : null;
  const until = to ? parse(to) + DAY_MS : null;
  const wholeFrom = start === null ? null : new Date(start).getUTCDate() === 1 ? start : firstOfNextMonth(start);
  const wholeUntil = until === null ? null : firstOfMonth(until);
  if (wholeFrom !== null && wholeUntil !== null && wholeFrom >= wholeUntil) {
    // No whole month inside: every day of the period from the trainings.
    return { wholeMonths: false, wholeMonthsFrom: null, wholeMonthsUntil: null, edges: [{ from: from!, to: to! }] };
  }
  const edges: { from: string; to: string }[] = [];
  if (start !== null && wholeFrom !== null && wholeFrom > start) edges.push({ from: from!, to: day(wholeFrom - DAY_MS) });
  if (until !== null && wholeUntil !== null && until > wholeUntil) edges.push({ from: day(wholeUntil), to: to! });
  return {
    wholeMonths: true,
    wholeMonthsFrom: wholeFrom === null ? null : day(wholeFrom),
    wholeMonthsUntil: wholeUntil === null ? null : day(wholeUntil),
    edges,
  };
}
