import { graphqlClient } from '@peacegraph/kit/testing';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
beforeAll(async () => {
  // 30 a minute per token subject, at most 10 at once; 6 a minute per address for anonymous callers.
  platform = await startPlatform({ rateLimit: { limit: 30, burst: 10, anonymousLimit: 6, windowSeconds: 60 } });
});
afterAll(() => platform.stop());

const VIEWER = `{ viewer { subject rateLimit { limit remaining resetSeconds quota windowSeconds } } }`;
type Answer = {
  viewer: {
    subject: string | null;
    rateLimit: { limit: number; remaining: number; resetSeconds: number; quota: number; windowSeconds: number } | null;
  };
};

describe('viewer.rateLimit through a rate-limiting gateway', () => {
  it("shows the caller's own budget, this request counted, as the RateLimit headers do", async () => {
    const educator = await platform.as(ORGS.educators, 'directory:read');
    const first = await educator<Answer>(VIEWER);
    expect(first.errors).toBeUndefined();
    // Two seconds a request: 30 a minute refilled evenly.
    expect(first.data!.viewer.rateLimit).toEqual({ limit: 10, remaining: 9, resetSeconds: 2, quota: 30, windowSeconds: 60 });
    const second = await educator<Answer>(VIEWER);
    expect(second.data!.viewer.rateLimit).toMatchObject({ limit: 10, remaining: 8, quota: 30 });

    const response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ query: VIEWER }),
    });
    const anonymous = ((await response.json()) as { data: Answer }).data.viewer;
    expect(anonymous.subject).toBeNull();
    expect(anonymous.rateLimit).toEqual({ limit: 6, remaining: 5, resetSeconds: 10, quota: 6, windowSeconds: 60 });
    expect(response.headers.get('ratelimit-remaining')).toBe('5');
    expect(response.headers.get('ratelimit-policy')).toBe('6;w=60');
  });

  it('is null at the directory reached directly: no gateway counted the request', async () => {
    const direct = await graphqlClient(platform.directory.url)<Answer>(VIEWER);
    expect(direct.data!.viewer.rateLimit).toBeNull();
  });
});
