import { badInput } from '@peacegraph/kit/errors';
import { notInFuture, period } from '@peacegraph/kit/input';
import type { Forum } from '../forum/forum.entity';
import type { InputMaybe, TestimonyFilter as TestimonyFilterArgs } from '../generated/resolvers';
import type { TestimonyFilter } from './testimony.repository';

/** Given during the forum, and not in the future. */
export function givenDuring(forum: Forum, givenOn: string): string {
  notInFuture('input.givenOn', givenOn, 'The date given');
  if (givenOn < forum.startsOn || givenOn > forum.endsOn) {
    throw badInput('input.givenOn', `${givenOn} is outside the forum (${forum.startsOn} to ${forum.endsOn})`);
  }
  return givenOn;
}

/** A new date of a testimony: within the forum, and not after its publication. */
export function correctedGivenOn(forum: Forum, givenOn: string, publishedOn: string | null): string {
  givenDuring(forum, givenOn);
  if (publishedOn && givenOn > publishedOn)
    throw badInput('input.givenOn', `${givenOn} is after the testimony was published (${publishedOn})`);
  return givenOn;
}

/**
 * The filter as the graph sends it (dates parsed by the Date scalar) as the repository takes it: its period
 * as ISO dates; a period that ends before it starts is refused on its end.
 */
export function testimonyFilterFrom(input: InputMaybe<TestimonyFilterArgs> | undefined): TestimonyFilter {
  const { from, to } = period('filter.givenFrom', input?.givenFrom, 'filter.givenTo', input?.givenTo);
  return { ...(input ?? {}), givenFrom: from, givenTo: to };
}
