import { period } from '@peacegraph/kit';
import type { DeclarationFilter } from '../repositories/declaration-repository';
import type { ForumFilter } from '../repositories/forum-repository';
import type { RecommendationFilter } from '../repositories/recommendation-repository';
import type { TestimonyFilter } from '../repositories/testimony-repository';

/** Filters as the graph sends them: dates parsed by the Date scalar. */
type Dated<F, K extends keyof F> = Omit<F, K> & { [P in K]?: Date | string | null };

export type ForumFilterInput = Dated<ForumFilter, 'from' | 'to'>;
export type DeclarationFilterInput = Dated<DeclarationFilter, 'adoptedFrom' | 'adoptedTo'>;
export type RecommendationFilterInput = Dated<RecommendationFilter, 'adoptedFrom' | 'adoptedTo'>;
export type TestimonyFilterInput = Dated<TestimonyFilter, 'givenFrom' | 'givenTo'>;

/** Each filter's period as ISO dates; a period that ends before it starts is refused on its end. */
export function forumFilterFrom(input: ForumFilterInput | null | undefined, field = 'filter'): ForumFilter {
  const { from, to } = period(`${field}.from`, input?.from, `${field}.to`, input?.to);
  return { ...(input ?? {}), from, to };
}

export function declarationFilterFrom(input: DeclarationFilterInput | null | undefined): DeclarationFilter {
  const { from, to } = period('filter.adoptedFrom', input?.adoptedFrom, 'filter.adoptedTo', input?.adoptedTo);
  return { ...(input ?? {}), adoptedFrom: from, adoptedTo: to };
}

export function recommendationFilterFrom(input: RecommendationFilterInput | null | undefined): RecommendationFilter {
  const { from, to } = period('filter.adoptedFrom', input?.adoptedFrom, 'filter.adoptedTo', input?.adoptedTo);
  return { ...(input ?? {}), adoptedFrom: from, adoptedTo: to };
}

export function testimonyFilterFrom(input: TestimonyFilterInput | null | undefined): TestimonyFilter {
  const { from, to } = period('filter.givenFrom', input?.givenFrom, 'filter.givenTo', input?.givenTo);
  return { ...(input ?? {}), givenFrom: from, givenTo: to };
}
