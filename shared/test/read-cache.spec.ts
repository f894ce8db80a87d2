import { ReadCache } from '../src/sql/read-cache';

/** A counter standing in for the version row, and computations that count how often they ran. */
function setUp(entries = 3) {
  const counter = { version: 1n, reads: 0 };
  const cache = new ReadCache({
    version: async () => {
      counter.reads += 1;
      return counter.version;
    },
    entries,
  });
  const runs = new Map<string, number>();
  const computed = (key: string) => async (): Promise<string> => {
    runs.set(key, (runs.get(key) ?? 0) + 1);
    return `${key}@${counter.version}#${runs.get(key)}`;
  };
  return { counter, cache, runs, computed };
}

/** A promise the test settles by hand, to hold a computation in flight. */
function later<T>() {
  let settle!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  return { promise, settle, fail };
}

describe('ReadCache.get (the version read by the request first)', () => {
  it('computes once while the version stays, and again once it moved', async () => {
    const { counter, cache, runs, computed } = setUp();
    expect(await cache.get(await cache.version(), 'a', computed('a'))).toBe('a@1#1');
    expect(await cache.get(await cache.version(), 'a', computed('a'))).toBe('a@1#1');
    expect(runs.get('a')).toBe(1);
    counter.version = 2n;
    expect(await cache.get(await cache.version(), 'a', computed('a'))).toBe('a@2#2');
    expect(runs.get('a')).toBe(2);
    expect(counter.reads).toBe(3);
  });

  it('drops everything kept when a newer version is seen, for any key', async () => {
    const { counter, cache, computed } = setUp();
    await cache.get(1n, 'a', computed('a'));
    await cache.get(1n, 'b', computed('b'));
    expect(cache.size).toBe(2);
    counter.version = 5n;
    await cache.version();
    expect(cache.size).toBe(0);
  });

  it('keeps at most its bound, the least recently used going first', async () => {
    const { cache, runs, computed } = setUp(3);
    for (const key of ['a', 'b', 'c']) await cache.get(1n, key, computed(key));
    await cache.get(1n, 'a', computed('a')); // a used again: b is now the oldest
    await cache.get(1n, 'd', computed('d'));
    expect(cache.size).toBe(3);
    await cache.get(1n, 'a', computed('a'));
    await cache.get(1n, 'c', computed('c'));
    expect(Object.fromEntries(runs)).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    await cache.get(1n, 'b', computed('b'));
    expect(runs.get('b')).toBe(2);
    expect(cache.size).toBe(3);
  });

  it('shares one computation between identical requests that arrive together', async () => {
    const { cache } = setUp();
    const held = later<string>();
    let runs = 0;
    const compute = () => {
      runs += 1;
      return held.promise;
    };
    const answers = Promise.all([1, 2, 3, 4, 5].map(() => cache.get(1n, 'a', compute)));
    held.settle('one answer');
    expect(await answers).toEqual(Array(5).fill('one answer'));
    expect(runs).toBe(1);
  });

  it('does not keep a failure: every waiting request gets it, the next one computes again', async () => {
    const { cache } = setUp();
    const held = later<string>();
    const first = cache.get(1n, 'a', () => held.promise);
    const second = cache.get(1n, 'a', async () => 'not asked');
    held.fail(new Error('refused filter'));
    await expect(first).rejects.toThrow('refused filter');
    await expect(second).rejects.toThrow('refused filter');
    expect(cache.size).toBe(0);
    expect(await cache.get(1n, 'a', async () => 'computed again')).toBe('computed again');
  });

  it('answers a request that read an older version with what is kept, never with something older', async () => {
    const { cache, computed } = setUp();
    expect(await cache.get(3n, 'a', computed('a'))).toBe('a@1#1');
    // A request that read version 2 before another saw 3: the answer kept at 3 is newer than it needs.
    expect(await cache.get(2n, 'a', computed('a'))).toBe('a@1#1');
  });

  it('refuses a bound that keeps nothing', () => {
    expect(() => new ReadCache({ version: async () => 1n, entries: 0 })).toThrow('A read cache keeps at least one answer, not 0');
  });
});

describe('ReadCache.getVersioned (the version read with the answer, in one snapshot)', () => {
  const versioned = (counter: { version: bigint }, answer: string, runs: { count: number }) => async () => {
    runs.count += 1;
    return { version: counter.version, answer: `${answer}@${counter.version}` };
  };

  it('reads no version on a miss, one to check a kept answer, and computes again when it moved', async () => {
    const { counter, cache } = setUp();
    const runs = { count: 0 };
    expect(await cache.getVersioned('a', versioned(counter, 'a', runs))).toBe('a@1');
    expect(counter.reads).toBe(0);
    expect(await cache.getVersioned('a', versioned(counter, 'a', runs))).toBe('a@1');
    expect(counter.reads).toBe(1);
    expect(runs.count).toBe(1);
    counter.version = 2n;
    expect(await cache.getVersioned('a', versioned(counter, 'a', runs))).toBe('a@2');
    expect(runs.count).toBe(2);
    expect(await cache.getVersioned('a', versioned(counter, 'a', runs))).toBe('a@2');
    expect(runs.count).toBe(2);
  });

  it('labels the answer with the version its computation saw, not the one read before it', async () => {
    const { counter, cache } = setUp();
    // Version 1 is read by a request; a write (version 2) commits before the computation's snapshot.
    await cache.get(await cache.version(), 'other', async () => 'other@1');
    const answer = await cache.getVersioned('a', async () => ({ version: 2n, answer: 'a@2' }));
    expect(answer).toBe('a@2');
    // The computation reported 2: what was kept at 1 went, and the answer is kept at 2.
    expect(cache.size).toBe(1);
    counter.version = 2n;
    const runs = { count: 0 };
    expect(await cache.getVersioned('a', versioned(counter, 'a', runs))).toBe('a@2');
    expect(runs.count).toBe(0);
  });

  it('does not keep an answer without a version', async () => {
    const { counter, cache } = setUp();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      return { version: null, answer: 'nothing counted' };
    };
    await cache.getVersioned('a', compute);
    await cache.getVersioned('a', compute);
    expect(runs).toBe(2);
    expect(cache.size).toBe(0);
    expect(counter.reads).toBe(0);
  });

  it('shares a computation in flight, and does not keep its failure', async () => {
    const { cache } = setUp();
    await cache.version(); // the process has seen version 1 (any earlier request did)
    const held = later<{ version: bigint; answer: string }>();
    let runs = 0;
    const compute = () => {
      runs += 1;
      return held.promise;
    };
    const first = cache.getVersioned('a', compute);
    const others = Promise.all([cache.getVersioned('a', compute), cache.getVersioned('a', compute)]);
    held.settle({ version: 1n, answer: 'shared' });
    expect([await first, ...(await others)]).toEqual(['shared', 'shared', 'shared']);
    expect(runs).toBe(1);

    const failing = later<{ version: bigint; answer: string }>();
    const failed = cache.getVersioned('b', () => failing.promise);
    failing.fail(new Error('timeout'));
    await expect(failed).rejects.toThrow('timeout');
    expect(await cache.getVersioned('b', async () => ({ version: 1n, answer: 'b again' }))).toBe('b again');
  });

  it('does not share a computation started before a newer version was seen: it may be older', async () => {
    const { counter, cache } = setUp();
    await cache.version();
    const held = later<{ version: bigint; answer: string }>();
    const first = cache.getVersioned('a', () => held.promise);
    counter.version = 2n; // a write commits; the next request reads it
    const second = cache.getVersioned('a', async () => ({ version: 2n, answer: 'a@2' }));
    held.settle({ version: 1n, answer: 'a@1' });
    expect([await first, await second]).toEqual(['a@1', 'a@2']);
    // The answer at 1 was not kept over the one at 2.
    const runs = { count: 0 };
    expect(await cache.getVersioned('a', versioned(counter, 'a', runs))).toBe('a@2');
    expect(runs.count).toBe(0);
  });

  it('keeps at most its bound', async () => {
    const { cache } = setUp(2);
    for (const key of ['a', 'b', 'c']) await cache.getVersioned(key, async () => ({ version: 1n, answer: key }));
    expect(cache.size).toBe(2);
    let runs = 0;
    await cache.getVersioned('a', async () => {
      runs += 1;
      return { version: 1n, answer: 'a' };
    });
    expect(runs).toBe(1);
  });
});
