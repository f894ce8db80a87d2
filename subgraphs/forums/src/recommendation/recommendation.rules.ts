import { badInput } from '@peacegraph/kit/errors';
import { checkStatusChange, period, requiredText } from '@peacegraph/kit/input';
import type { ForumRecommendationFilter, ForumTextInput, InputMaybe } from '../generated/resolvers';
import { LIMITS } from '../common/limits';
import type { RecommendationStatus } from '../common/values';
import type { RecommendationFilter } from './recommendation.repository';

/**
 * What may become of a recommendation. Anything may happen to a PENDING one; while IN_PROGRESS,
 * further reports keep it IN_PROGRESS until it is IMPLEMENTED or REJECTED. A rejection is not the end
 * of advocacy: the addressee may take the recommendation up later (IN_PROGRESS) or implement it.
 * IMPLEMENTED is final: undoing a reform is news for a new recommendation, not a status.
 */
export const NEXT_STATUSES: Readonly<Record<RecommendationStatus, readonly RecommendationStatus[]>> = {
  PENDING: ['IN_PROGRESS', 'IMPLEMENTED', 'REJECTED'],
  IN_PROGRESS: ['IN_PROGRESS', 'IMPLEMENTED', 'REJECTED'],
  REJECTED: ['IN_PROGRESS', 'IMPLEMENTED'],
  IMPLEMENTED: [],
};

export function canFollow(from: RecommendationStatus, to: RecommendationStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** Refuses a follow-up the rules do not allow, naming the ones they do. */
export function checkFollowUp(from: RecommendationStatus, to: RecommendationStatus, field = 'input.status'): void {
  checkStatusChange('A recommendation', NEXT_STATUSES, from, to, field);
}

/** Translations of a recommendation: each in another language than the original, each language once. */
export function translationsOf(input: readonly ForumTextInput[], original: string): { language: string; body: string }[] {
  if (input.length > LIMITS.translations) throw badInput('input.translations', `At most ${LIMITS.translations} translations`);
  return input.map((t, i) => {
    if (t.language === original)
      throw badInput(`input.translations.${i}.language`, `${original} is the recommendation's original language`);
    if (input.findIndex((o) => o.language === t.language) !== i)
      throw badInput(`input.translations.${i}.language`, `${t.language} is translated twice`);
    return { language: t.language, body: requiredText(`input.translations.${i}.text`, t.text, 'The text', LIMITS.recommendation) };
  });
}

/**
 * The filter as the graph sends it (dates parsed by the Date scalar) as the repository takes it: its period
 * as ISO dates; a period that ends before it starts is refused on its end.
 */
export function recommendationFilterFrom(input: InputMaybe<ForumRecommendationFilter> | undefined): RecommendationFilter {
  const { from, to } = period('filter.adoptedFrom', input?.adoptedFrom, 'filter.adoptedTo', input?.adoptedTo);
  return { ...(input ?? {}), adoptedFrom: from, adoptedTo: to };
}
