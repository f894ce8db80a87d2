import { formatRateLimitHeader, parseRateLimitHeader } from './rate-limit-header';

describe('the rate-limit header between the gateway and the subgraphs', () => {
  it('reads back what the gateway writes', () => {
    const state = { limit: 100, remaining: 98, resetSeconds: 2, quota: 600, windowSeconds: 60 };
    expect(formatRateLimitHeader(state)).toBe('limit=100;remaining=98;reset=2;policy=600;w=60');
    expect(parseRateLimitHeader(formatRateLimitHeader(state))).toEqual(state);
    expect(parseRateLimitHeader(['limit=5;remaining=0;reset=12;policy=5;w=1', 'limit=9;remaining=9;reset=0;policy=9;w=1'])).toEqual({
      limit: 5,
      remaining: 0,
      resetSeconds: 12,
      quota: 5,
      windowSeconds: 1,
    });
  });

  it.each([
    undefined,
    '',
    'limit=600;remaining=598;reset=41;w=60',
    'limit=600;remaining=598;reset=41;policy=600;w=60;limit=1',
    'limit=-1;remaining=0;reset=0;w=60',
    'limit=6e2;remaining=0;reset=0;w=60',
    'limit=600;remaining=598;reset=41;w=60;extra=1',
    'limit=99999999999;remaining=0;reset=0;w=60',
    `limit=600;remaining=598;reset=41;w=60${' '.repeat(300)}`,
  ])('takes %j for no state at all', (value) => {
    expect(parseRateLimitHeader(value)).toBeNull();
  });
});
