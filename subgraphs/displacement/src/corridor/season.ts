import { badInput } from '@peacegraph/kit/errors';
import { FLOW_DIRECTIONS, type FlowDirection } from '../common/transhumance-values';

/**
 * A corridor's usual window for one direction, as month-days ('10-15' to '12-31'). A window may wrap
 * the year end ('11-15' to '02-15'). Days are counted on a leap year's 366, so 29 February is a day
 * like any other and a window means the same every year.
 */
export interface SeasonWindow {
  direction: FlowDirection;
  opens: string;
  closes: string;
  /** The partners' own name for the movement: "descent towards the southern pastures". */
  label: string | null;
}

export type Timing = 'INSIDE' | 'EARLY' | 'LATE' | 'UNEXPECTED' | 'NO_CALENDAR';

export interface TimingFound {
  timing: Timing;
  /** The window the movement was judged against (the nearest one), when there is a calendar. */
  window: SeasonWindow | null;
  /** Days before that window opens (EARLY) or after it closed (LATE, UNEXPECTED). */
  daysOutside: number;
}

const YEAR = 366;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** 1..366 for 'MM-DD' on a leap year. */
export function dayOfYear(monthDay: string): number {
  const [, month, day] = MONTH_DAY.exec(monthDay)!;
  return MONTH_DAYS.slice(0, Number(month) - 1).reduce((a, b) => a + b, 0) + Number(day);
}

export function monthDayOf(at: Date): string {
  return at.toISOString().slice(5, 10);
}

export function readMonthDay(field: string, raw: string): string {
  const match = MONTH_DAY.exec(raw.trim());
  const month = Number(match?.[1]);
  const day = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]!) {
    throw badInput(field, `"${raw}" is not a month and day written MM-DD, e.g. 10-15 for 15 October`);
  }
  return raw.trim();
}

export function readSeason(
  field: string,
  raw: readonly { direction: FlowDirection; opens: string; closes: string; label?: string | null }[],
): SeasonWindow[] {
  if (raw.length > 8) throw badInput(field, 'At most 8 season windows');
  return raw.map((window, i) => {
    if (!FLOW_DIRECTIONS.includes(window.direction)) throw badInput(`${field}.${i}.direction`, `Unknown direction ${window.direction}`);
    const opens = readMonthDay(`${field}.${i}.opens`, window.opens);
    const closes = readMonthDay(`${field}.${i}.closes`, window.closes);
    if (opens === closes) throw badInput(`${field}.${i}.closes`, 'A window closes on another day than it opens');
    const label = window.label?.replace(/\s+/g, ' ').trim() || null;
    if (label && label.length > 200) throw badInput(`${field}.${i}.label`, 'The label is longer than 200 characters');
    return { direction: window.direction, opens, closes, label };
  });
}

/** Days forward from one day of the year to another, around the year end. */
function daysFrom(from: number, to: number): number {
  return (((to - from) % YEAR) + YEAR) % YEAR;
}

function inside(window: SeasonWindow, day: number): boolean {
  return daysFrom(dayOfYear(window.opens), day) <= daysFrom(dayOfYear(window.opens), dayOfYear(window.closes));
}

/**
 * Whether a movement in `direction` on `at` keeps the corridor's calendar: inside a window; EARLY up to
 * `weeks` before the nearest window opens; LATE up to `weeks` after it closed; UNEXPECTED further out.
 * A direction with no window has no calendar to keep.
 */
export function timingOf(season: readonly SeasonWindow[], direction: FlowDirection, at: Date, weeks: number): TimingFound {
  const windows = season.filter((w) => w.direction === direction);
  if (windows.length === 0) return { timing: 'NO_CALENDAR', window: null, daysOutside: 0 };
  const day = dayOfYear(monthDayOf(at));
  const holding = windows.find((w) => inside(w, day));
  if (holding) return { timing: 'INSIDE', window: holding, daysOutside: 0 };
  const early = windows.map((w) => ({ window: w, days: daysFrom(day, dayOfYear(w.opens)) })).sort((a, b) => a.days - b.days)[0]!;
  const late = windows.map((w) => ({ window: w, days: daysFrom(dayOfYear(w.closes), day) })).sort((a, b) => a.days - b.days)[0]!;
  const limit = weeks * 7;
  if (early.days <= limit && early.days <= late.days) return { timing: 'EARLY', window: early.window, daysOutside: early.days };
  if (late.days <= limit) return { timing: 'LATE', window: late.window, daysOutside: late.days };
  return { timing: 'UNEXPECTED', window: late.window, daysOutside: late.days };
}
