import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../src/entities';
import { canFollow, checkFollowUp, NEXT_STATUSES } from '../src/services/follow-up-rules';
import { snippetOf } from '../src/services/search-service';
import { periodsOf } from '../src/services/stats-service';

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

describe('search snippets', () => {
  it('turns ts_headline markers into plain text and ranges', () => {
    expect(snippetOf('la \u27e6réconciliation\u27e7 a commencé')).toEqual({
      text: 'la réconciliation a commencé',
      highlights: [{ start: 3, length: 14 }],
    });
  });

  it('merges the words of a phrase, and trims the fragment', () => {
    const snippet = snippetOf('  des \u27e6radios\u27e7 \u27e6communautaires\u27e7 … les \u27e6radios\u27e7 ');
    expect(snippet.text).toBe('des radios communautaires … les radios');
    expect(snippet.highlights.map((h) => snippet.text.slice(h.start, h.start + h.length))).toEqual(['radios communautaires', 'radios']);
  });
});

describe('implementation periods', () => {
  it('starts at the beginning of the first period and ends the last one at `to`', () => {
    expect(periodsOf('QUARTER', '2025-11-20', '2026-05-10')).toEqual([
      { starts: '2025-10-01', ends: '2025-12-31', label: '2025-Q4' },
      { starts: '2026-01-01', ends: '2026-03-31', label: '2026-Q1' },
      { starts: '2026-04-01', ends: '2026-05-10', label: '2026-Q2' },
    ]);
    expect(periodsOf('YEAR', '2025-03-01', '2026-12-31').map((p) => [p.label, p.ends])).toEqual([
      ['2025', '2025-12-31'],
      ['2026', '2026-12-31'],
    ]);
    expect(periodsOf('MONTH', '2026-01-31', '2026-03-01').map((p) => [p.label, p.ends])).toEqual([
      ['2026-01', '2026-01-31'],
      ['2026-02', '2026-02-28'],
      ['2026-03', '2026-03-01'],
    ]);
  });
});
