import { badInput } from '@peacegraph/kit/errors';
import { notBefore, notInFuture, period, requiredName, requiredText } from '@peacegraph/kit/input';
import type { Forum } from '../forum/forum.entity';
import type { DeclarationFilter as DeclarationFilterArgs, DeclarationTranslationInput, InputMaybe } from '../generated/resolvers';
import { LIMITS } from '../common/limits';
import type { DeclarationFilter } from './declaration.repository';

/** Adopted at or after the forum's start, and not in the future. */
export function adoptedDuring(forum: Forum, adoptedOn: string): string {
  notInFuture('input.adoptedOn', adoptedOn, 'The adoption date');
  notBefore('input.adoptedOn', adoptedOn, forum.startsOn, 'the forum started');
  return adoptedOn;
}

/** A translation: another language than the original, with a title and a text. */
export function translationOf(field: string, input: DeclarationTranslationInput, original: string) {
  if (input.language === original)
    throw badInput(`${field}.language`, `${original} is the declaration's original language, changed with updateDeclaration`);
  return {
    language: input.language,
    title: requiredName(`${field}.title`, input.title, 'The title', LIMITS.title),
    body: requiredText(`${field}.text`, input.text, 'The text', LIMITS.declaration),
  };
}

/** Handed over after the declaration was adopted, and not in the future. */
export function deliveredAfter(field: string, deliveredOn: string, adoptedOn: string): string {
  notInFuture(field, deliveredOn, 'The delivery date');
  notBefore(field, deliveredOn, adoptedOn, 'the declaration was adopted');
  return deliveredOn;
}

/**
 * The filter as the graph sends it (dates parsed by the Date scalar) as the repository takes it: its period
 * as ISO dates; a period that ends before it starts is refused on its end.
 */
export function declarationFilterFrom(input: InputMaybe<DeclarationFilterArgs> | undefined): DeclarationFilter {
  const { from, to } = period('filter.adoptedFrom', input?.adoptedFrom, 'filter.adoptedTo', input?.adoptedTo);
  return { ...(input ?? {}), adoptedFrom: from, adoptedTo: to };
}
