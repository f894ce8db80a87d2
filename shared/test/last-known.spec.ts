import { LastKnownAnswers, type Windows } from '../src/auth/last-known';

/** A source the test turns off and on, counting how often it is asked. */
function source<T>(answer: (key: string) => T) {
  const state = { up: true, calls: 0, answer, pending: [] as (() => void)[], hold: false };
  const load = async (key: string): Promise<T> => {
    state.calls += 1;
    if (state.hold) await new Promise<void>((resolve) => state.pending.push(resolve));
    if (!state.up) throw new Error('connect ECONNREFUSED');
    return state.answer(key);
  };
  return { state, load, release: () => state.pending.splice(0).forEach((resolve) => resolve()) };
}

class Unavailable extends Error {}

function answers<T>(windows: Windows, load: (key: string) => Promise<T>, keep: (value: T) => boolean, clock: { t: number }) {
  return new LastKnownAnswers<T>(windows, load, { keepWhenStale: keep, unavailable: () => new Unavailable(), now: () => clock.t });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('last known answers', () => {
  const windows = { freshMs: 1_000, maxStaleMs: 60_000, retryMs: 500 };

  it.each(['background', 'first'] as const)(
    '%s: serves fresh answers without asking, and stale ones while the source is down, up to the window',
    async (revalidate) => {
      const clock = { t: 0 };
      const { state, load } = source((key) => `identity of ${key}`);
      const cache = answers({ ...windows, revalidate }, load, () => true, clock);

      expect(await cache.get('k', 'k')).toBe('identity of k');
      clock.t = 999;
      expect(await cache.get('k', 'k')).toBe('identity of k');
      expect(state.calls).toBe(1);

      state.up = false;
      for (const t of [1_000, 5_000, 30_000, 59_999]) {
        clock.t = t;
        expect(await cache.get('k', 'k')).toBe('identity of k');
      }
      clock.t = 60_000;
      await expect(cache.get('k', 'k')).rejects.toBeInstanceOf(Unavailable);
    },
  );

  it('never serves a refusal stale: an unknown key is unknown while fresh, then needs the source', async () => {
    const clock = { t: 0 };
    const { state, load } = source(() => null);
    const cache = answers({ ...windows, revalidate: 'first' }, load, (v) => v !== null, clock);
    expect(await cache.get('forged', 'forged')).toBeNull();
    state.up = false;
    clock.t = 500;
    expect(await cache.get('forged', 'forged')).toBeNull();
    clock.t = 1_000;
    await expect(cache.get('forged', 'forged')).rejects.toBeInstanceOf(Unavailable);
  });

  it('a never-seen key with the source down is a retryable failure, for every caller', async () => {
    const clock = { t: 0 };
    const { state, load } = source(() => true);
    state.up = false;
    const cache = answers({ ...windows, revalidate: 'background' }, load, () => true, clock);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => cache.get('new-org', 'new-org')));
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof Unavailable)).toBe(true);
    expect(state.calls).toBe(1);
  });

  it('asks the source once per key however many callers wait (no thundering herd)', async () => {
    const clock = { t: 0 };
    const { state, load, release } = source((key) => key.toUpperCase());
    state.hold = true;
    const cache = answers({ ...windows, revalidate: 'first' }, load, () => true, clock);
    const waiting = [...Array.from({ length: 100 }, () => cache.get('a', 'a')), ...Array.from({ length: 100 }, () => cache.get('b', 'b'))];
    await tick();
    release();
    const values = await Promise.all(waiting);
    expect(new Set(values)).toEqual(new Set(['A', 'B']));
    expect(state.calls).toBe(2);
  });

  it('background: a stale answer is served at once and refreshed once behind it', async () => {
    const clock = { t: 0 };
    let version = 1;
    const { state, load, release } = source(() => version);
    const cache = answers({ ...windows, revalidate: 'background' }, load, () => true, clock);
    expect(await cache.get('org', 'org')).toBe(1);
    version = 2;
    clock.t = 2_000;
    state.hold = true;
    const served = await Promise.all(Array.from({ length: 20 }, () => cache.get('org', 'org')));
    expect(served.every((v) => v === 1)).toBe(true);
    expect(state.calls).toBe(2);
    release();
    await tick();
    expect(await cache.get('org', 'org')).toBe(2);
  });

  it('first: a revocation is seen on the first call after the fresh window while the source answers', async () => {
    const clock = { t: 0 };
    const keys = new Map<string, string | null>([['key', 'amina']]);
    const { load } = source((key) => keys.get(key) ?? null);
    const cache = answers({ ...windows, revalidate: 'first' }, load, (v) => v !== null, clock);
    expect(await cache.get('key', 'key')).toBe('amina');
    keys.set('key', null);
    clock.t = 999;
    expect(await cache.get('key', 'key')).toBe('amina');
    clock.t = 1_000;
    expect(await cache.get('key', 'key')).toBeNull();
  });

  it('after an outage, a key revoked meanwhile stops within retryMs of the source answering, with at most one call per retryMs meanwhile', async () => {
    const clock = { t: 0 };
    const keys = new Map<string, string | null>([['key', 'amina']]);
    const { state, load } = source((key) => keys.get(key) ?? null);
    const cache = answers({ ...windows, revalidate: 'first' }, load, (v) => v !== null, clock);
    await cache.get('key', 'key');

    state.up = false;
    keys.set('key', null);
    const callsBefore = state.calls;
    // 200 calls over 2 s of outage: served from memory; the source is tried about every retryMs.
    for (let i = 0; i < 200; i += 1) {
      clock.t = 1_000 + i * 10;
      expect(await cache.get('key', 'key')).toBe('amina');
      await tick();
    }
    expect(state.calls - callsBefore).toBeLessThanOrEqual(2_000 / windows.retryMs + 1);

    state.up = true;
    const back = clock.t;
    let refusedAt: number | undefined;
    for (let t = back; t <= back + 2 * windows.retryMs && refusedAt === undefined; t += 10) {
      clock.t = t;
      if ((await cache.get('key', 'key')) === null) refusedAt = t;
      await tick();
    }
    expect(refusedAt).toBeDefined();
    expect(refusedAt! - back).toBeLessThanOrEqual(windows.retryMs + 10);
  });

  it('keeps at most maxEntries answers of each kind: invented keys do not push out real ones', async () => {
    const clock = { t: 0 };
    const { state, load } = source((key) => (key.startsWith('real') ? key : null));
    const cache = new LastKnownAnswers<string | null>({ ...windows, revalidate: 'first' }, load, {
      keepWhenStale: (v) => v !== null,
      unavailable: () => new Unavailable(),
      now: () => clock.t,
      maxEntries: 10,
    });
    for (let i = 0; i < 10; i += 1) await cache.get(`real-${i}`, `real-${i}`);
    for (let i = 0; i < 500; i += 1) await cache.get(`invented-${i}`, `invented-${i}`);
    expect(cache.size).toBe(20);
    state.up = false;
    clock.t = 5_000;
    for (let i = 0; i < 10; i += 1) expect(await cache.get(`real-${i}`, `real-${i}`)).toBe(`real-${i}`);
  });
});
