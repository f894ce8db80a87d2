import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../common/values';
import { canFollow, checkFollowUp, NEXT_STATUSES } from './recommendation.rules';

describe('recommendation follow-up', () => {
  const allowed: [RecommendationStatus, RecommendationStatus][] = [
    ['PENDING', 'IN_PROGRESS'],
    ['PENDING', 'IMPLEMENTED'],
    ['PENDING', 'REJECTED'],
    ['IN_PROGRESS', 'IN_PROGRESS'],
    ['IN_PROGRESS', 'IMPLEMENTED'],
    ['IN_PROGRESS', 'REJECTED'],
    ['REJECTED', 'IN_PROGRESS'],
    ['REJECTED', 'IMPLEMENTED'],
  ];

  it('allows exactly the documented transitions', () => {
    const every = RECOMMENDATION_STATUSES.flatMap((from) =>
      RECOMMENDATION_STATUSES.map((to) => [from, to] as [RecommendationStatus, RecommendationStatus]),
    );
    expect(every.filter(([from, to]) => canFollow(from, to))).toEqual(allowed);
  });

  it('never goes back to PENDING, and IMPLEMENTED is final', () => {
    expect(RECOMMENDATION_STATUSES.some((s) => canFollow(s, 'PENDING'))).toBe(false);
    expect(NEXT_STATUSES.IMPLEMENTED).toEqual([]);
  });

  it('refuses with BAD_USER_INPUT on input.status, naming what is allowed', () => {
    expect(() => checkFollowUp('REJECTED', 'REJECTED')).toThrow(
      'A recommendation that is REJECTED cannot become REJECTED; from REJECTED it can become IN_PROGRESS or IMPLEMENTED',
    );
    try {
      checkFollowUp('IMPLEMENTED', 'IN_PROGRESS');
    } catch (error) {
      expect((error as Error).message).toBe('A recommendation that is IMPLEMENTED is final: it cannot become IN_PROGRESS');
      expect((error as { extensions: unknown }).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.status',
        status: 'IMPLEMENTED',
        allowedStatuses: [],
      });
    }
    expect.assertions(3);
  });
});
