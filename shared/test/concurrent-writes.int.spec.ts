import crypto from 'node:crypto';
import { atMost } from '../src/writes/child-limit';
import { createOnce } from '../src/writes/keyed-create';
import { badInput } from '../src/errors/errors';
import { createTestDatabase, type TestDatabase } from '../src/testing';

/**
 * The kit's two answers to concurrent writes, on real PostgreSQL and without a subgraph: `atMost`
 * (a limit per parent, counted under the parent's row lock) and `createOnce` (one record per
 * clientMutationId, every copy answered with it). The statements are what a service would run.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ entities: [], migrations: [], poolSize: 10 });
  await db.dataSource.query(`CREATE TABLE parent (id uuid PRIMARY KEY, name text)`);
  await db.dataSource.query(`CREATE TABLE child (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_id uuid NOT NULL REFERENCES parent (id),
    owner_org uuid NOT NULL,
    client_mutation_id text,
    session integer NOT NULL
  )`);
  await db.dataSource.query(`CREATE UNIQUE INDEX child_client_mutation ON child (owner_org, client_mutation_id)`);
});
afterAll(() => db.drop());

const OWNER = '00000000-0000-4000-8000-00000000000a';

async function parent(): Promise<string> {
  const id = crypto.randomUUID();
  await db.dataSource.query(`INSERT INTO parent (id, name) VALUES ($1, 'p')`, [id]);
  return id;
}

async function children(parentId: string): Promise<number> {
  const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM child WHERE parent_id = $1`, [parentId])) as { n: number }[];
  return row!.n;
}

/** One write of a child: the limit inside the transaction, then the insert. */
function addChild(parentId: string, max: number, session = 1, key: string | null = null): Promise<{ id: string }> {
  return db.dataSource.transaction(async (manager) => {
    await atMost(manager, {
      parent: { table: 'parent', id: parentId },
      children: { table: 'child', column: 'parent_id' },
      max,
      refusal: () => badInput('input.parent', `The parent already has ${max} children`),
    });
    const [row] = (await manager.query(
      `INSERT INTO child (parent_id, owner_org, client_mutation_id, session) VALUES ($1, $2, $3, $4) RETURNING id`,
      [parentId, OWNER, key, session],
    )) as { id: string }[];
    return row!;
  });
}

async function settled<T>(runs: Promise<T>[]) {
  const results = await Promise.allSettled(runs);
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  for (const { reason } of refused) expect(reason).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.parent' } });
  return { stored: results.length - refused.length, refused: refused.length };
}

describe('atMost: a limit per parent holds when every writer comes at once', () => {
  it.each([
    [1, 0, 20],
    [3, 0, 30],
    [10, 4, 40],
    [25, 0, 50],
    [50, 49, 20],
    [50, 0, 60],
  ])('at most %i with %i already there and %i writers at once: the limit is reached exactly', async (max, before, writers) => {
    const id = await parent();
    for (let i = 0; i < before; i += 1) await addChild(id, max);
    const { stored, refused } = await settled(Array.from({ length: writers }, () => addChild(id, max)));
    expect(stored).toBe(Math.max(0, Math.min(writers, max - before)));
    expect(refused).toBe(writers - stored);
    expect(await children(id)).toBe(Math.min(max, before + writers));
  });

  it('returns how many there were, so that numbers taken under the lock follow one another', async () => {
    const id = await parent();
    const numbers = await Promise.all(
      Array.from({ length: 30 }, () =>
        db.dataSource.transaction((manager) =>
          atMost(manager, {
            parent: { table: 'parent', id },
            children: { table: 'child', column: 'parent_id' },
            max: 100,
            refusal: () => new Error('full'),
          }).then(async (count) => {
            await manager.query(`INSERT INTO child (parent_id, owner_org, session) VALUES ($1, $2, $3)`, [id, OWNER, count + 1]);
            return count + 1;
          }),
        ),
      ),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('lets other writes of the parent wait rather than fail, and counts nothing of another parent', async () => {
    const [a, b] = [await parent(), await parent()];
    const runs = Array.from({ length: 20 }, (_, i) => addChild(i % 2 ? a : b, 5));
    const renames = Array.from({ length: 5 }, (_, i) => db.dataSource.query(`UPDATE parent SET name = $2 WHERE id = $1`, [a, `name ${i}`]));
    const { stored } = await settled(runs);
    await Promise.all(renames);
    expect(stored).toBe(10);
    expect([await children(a), await children(b)]).toEqual([5, 5]);
  });
});

describe('createOnce: copies of one keyed create make one record and all answer with it', () => {
  const lookup = async (key: string) => {
    const [row] = (await db.dataSource.query(`SELECT id FROM child WHERE owner_org = $1 AND client_mutation_id = $2`, [OWNER, key])) as {
      id: string;
    }[];
    return row ?? null;
  };

  /** A create as services write it: a rule checked by a read before the transaction ("session 1 was already delivered"), then the write. */
  const deliver = (parentId: string, key: string | null) => async () => {
    const [given] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM child WHERE parent_id = $1 AND session = 1`, [
      parentId,
    ])) as { n: number }[];
    if (given!.n > 0) throw badInput('input.session', 'Session 1 was already delivered');
    return addChild(parentId, 100, 1, key);
  };

  it.each([2, 20, 50])('%i copies at once: one row, every answer the same record, no error', async (copies) => {
    const id = await parent();
    const key = `delivery-${copies}`;
    const answers = await Promise.all(Array.from({ length: copies }, () => createOnce(key, () => lookup(key), deliver(id, key))));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await children(id)).toBe(1);
  });

  it('answers a later retry with the first record, without running the create again', async () => {
    const id = await parent();
    const first = await createOnce('later', () => lookup('later'), deliver(id, 'later'));
    let ran = 0;
    const again = await createOnce(
      'later',
      () => lookup('later'),
      () => {
        ran += 1;
        return deliver(id, 'later')();
      },
    );
    expect(again.id).toBe(first.id);
    expect(ran).toBe(0);
  });

  it('throws the refusal of a request that made nothing, and runs every create without a key', async () => {
    const id = await parent();
    await deliver(id, null)();
    await expect(createOnce('refused', () => lookup('refused'), deliver(id, 'refused'))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.session' },
    });
    const unkeyed = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        createOnce(
          null,
          () => lookup('none'),
          () => addChild(id, 100, 2),
        ),
      ),
    );
    expect(unkeyed.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await children(id)).toBe(6);
  });

  it('keeps the create’s own error when the look-up after it fails too', async () => {
    const boom = new Error('the create failed');
    let lookups = 0;
    const failingLookup = async () => {
      lookups += 1;
      if (lookups > 1) throw new Error('the database is gone');
      return null;
    };
    await expect(createOnce('k', failingLookup, () => Promise.reject(boom))).rejects.toBe(boom);
  });

  it.each([
    ['201 characters', 'k'.repeat(201)],
    ['100 KB that compresses to nothing', 'x'.repeat(100_000)],
    ['100 KB of random text', crypto.randomBytes(75_000).toString('base64')],
  ])('refuses a key of %s as the caller’s error, before looking or writing anything', async (_label, key) => {
    const id = await parent();
    const before = await children(id);
    await expect(createOnce(key, () => lookup(key), deliver(id, key))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.clientMutationId' },
      message: expect.stringMatching(/^clientMutationId is at most 200 characters \(a key your client makes, such as a UUID\), got \d+$/),
    });
    expect(await children(id)).toBe(before);
  });

  it('takes a key of 200 characters', async () => {
    const id = await parent();
    const key = 'k'.repeat(200);
    const made = await createOnce(key, () => lookup(key), deliver(id, key));
    expect(await createOnce(key, () => lookup(key), deliver(id, key))).toEqual(made);
  });
});
