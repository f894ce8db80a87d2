import { checkStatusChange } from '@peacegraph/kit';
import type { RecommendationStatus } from '../entities';

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
