import { badInput } from '@peacegraph/kit/errors';
import { daysBetween, period } from '@peacegraph/kit/input';
import type { ForumFilter as ForumFilterArgs, InputMaybe } from '../generated/resolvers';
import { LIMITS } from '../common/limits';
import type { ForumScope } from '../common/values';
import type { ForumFilter } from './forum.repository';

/** A forum lasts at most a month. */
export const MAX_FORUM_DAYS = 31;

/** Distinct ids, refusing repeats on `field.i`. */
export function distinct(field: string, ids: readonly string[], max: number, what: string): string[] {
  if (ids.length > max) throw badInput(field, `At most ${max} ${what}`);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw badInput(`${field}.${i}`, `${id} is listed twice`);
  });
  return [...ids];
}

/** Participants of one category and sex. */
export function participantCount(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > LIMITS.participants)
    throw badInput(field, `Give a whole number from 0 to ${LIMITS.participants}`);
  return value;
}

/** A forum's first and last day: in order, and at most MAX_FORUM_DAYS apart. */
export function forumDates(startsOn: string, endsOn: string, field: string): { startsOn: string; endsOn: string } {
  if (endsOn < startsOn) throw badInput(field, `The forum ends (${endsOn}) before it starts (${startsOn})`);
  // Counted in days, not by comparing date strings: past 9999-12-31 a date string no longer sorts.
  if (daysBetween(startsOn, endsOn) > MAX_FORUM_DAYS)
    throw badInput(field, `A forum lasts at most ${MAX_FORUM_DAYS} days; ${startsOn} to ${endsOn} is longer`);
  return { startsOn, endsOn };
}

/** The host country first, then the delegations' countries, each once. */
export function countriesOf(scope: ForumScope, host: string, delegations: readonly string[]): string[] {
  const countries = [...new Set([host, ...delegations.map((c) => c.toUpperCase())])];
  if (countries.length > LIMITS.countries) throw badInput('input.countriesRepresented', `At most ${LIMITS.countries} countries`);
  if (scope === 'REGIONAL' && countries.length < 2) {
    throw badInput(
      'input.countriesRepresented',
      'A REGIONAL forum brings together at least two countries: name the delegations’ countries',
    );
  }
  return countries;
}

/**
 * The filter as the graph sends it (dates parsed by the Date scalar) as the repository takes it: its period
 * as ISO dates; a period that ends before it starts is refused on its end.
 */
export function forumFilterFrom(input: InputMaybe<ForumFilterArgs> | undefined, field = 'filter'): ForumFilter {
  const { from, to } = period(`${field}.from`, input?.from, `${field}.to`, input?.to);
  return { ...(input ?? {}), from, to };
}
