import gql from 'graphql-tag';
import { Pool } from 'pg';
import { withCommonTypeDefs } from '../src/graphql/type-defs';
import { createAuthenticator } from '../src/auth/authenticate';
import { organisationOf, type Viewer } from '../src/auth/viewer';
import { createLogger } from '../src/server/logger';
import { startSubgraphServer, type RunningServer } from '../src/server/server';
import { bearer, createTestDatabase, graphqlClient, TEST_AUTH, type TestDatabase } from '../src/testing';

/**
 * Whole answers kept until a write commits (kept-answers.ts), on a subgraph built with the kit: a
 * repeated statistics query is answered without running its resolvers, and never once anything
 * committed since — through the API, by hand in SQL, or while the first answer was being computed —
 * nor to another caller, for other arguments, with a SENSITIVE field, an unlisted field or an error.
 */
const SDL = `
type Query @public {
  "Notes of a label the caller's organisation wrote: a figure that depends on the data, the arguments and the caller."
  tally(label: String!): Tally @partner
  "The same figure, counted, then held for this long before answering."
  slowTally(label: String!, seconds: Float!): Tally @partner
  "Not listed as kept."
  unlisted: Int
}
type Tally @partner {
  label: String!
  notes: Int!
  organisation: String
  "The latest note's text."
  latest: String @sensitive
  "A long text, to fill the budget."
  padding(characters: Int!): String
}
type Area @key(fields: "code") @public {
  code: String!
  "Notes under the area's code, by anyone."
  notes: Int
  "Not listed as kept."
  name: String
}
type Mutation @partner {
  note(label: String!): Boolean
}
`;

const ORG_A = '00000000-0000-4000-8000-00000000a001';
const ORG_B = '00000000-0000-4000-8000-00000000b002';
const TALLY = `query Tally($label: String!) { tally(label: $label) { label notes organisation } }`;

let db: TestDatabase;
let server: RunningServer;
let small: RunningServer;
/** Writes from outside the subgraph's pool, as an operator's hand correction would. */
let operator: Pool;
/** How many times each resolver ran. */
const ran = { tally: 0, area: 0, reference: 0 };

async function countNotes(org: string | null, label: string): Promise<number> {
  const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM kept_note WHERE org IS NOT DISTINCT FROM $1 AND label = $2`, [
    org,
    label,
  ])) as { n: number }[];
  return row!.n;
}

async function start(budget: number): Promise<RunningServer> {
  return startSubgraphServer({
    name: 'kept',
    typeDefs: withCommonTypeDefs({ text: SDL, document: gql(SDL) }).document,
    resolvers: {
      Query: {
        tally: async (_: unknown, { label }: { label: string }, { viewer }: { viewer: Viewer }) => {
          ran.tally += 1;
          if (label === 'broken') throw new Error('a failure the caller sees as INTERNAL');
          const org = organisationOf(viewer);
          return { label, org, notes: await countNotes(org, label) };
        },
        slowTally: async (_: unknown, { label, seconds }: { label: string; seconds: number }, { viewer }: { viewer: Viewer }) => {
          ran.tally += 1;
          const org = organisationOf(viewer);
          const notes = await countNotes(org, label);
          await db.dataSource.query('SELECT pg_sleep($1)', [seconds]);
          return { label, org, notes };
        },
        unlisted: () => 7,
      },
      Tally: {
        organisation: (tally: { org: string }) => tally.org,
        latest: async (tally: { org: string; label: string }) => `latest of ${tally.label}`,
        padding: (_: unknown, { characters }: { characters: number }) => 'x'.repeat(characters),
      },
      Area: {
        __resolveReference: (reference: { code: string }) => {
          ran.reference += 1;
          return { code: reference.code };
        },
        notes: async (area: { code: string }) => {
          ran.area += 1;
          const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM kept_note WHERE label = $1`, [area.code])) as {
            n: number;
          }[];
          return row!.n;
        },
        name: (area: { code: string }) => `Area ${area.code}`,
      },
      Mutation: {
        note: async (_: unknown, { label }: { label: string }, { viewer }: { viewer: Viewer }) => {
          await db.dataSource.query(`INSERT INTO kept_note (org, label) VALUES ($1, $2)`, [organisationOf(viewer), label]);
          return true;
        },
      },
    },
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('kept-answers-test', 'silent'),
    dataSource: db.dataSource,
    statements: db.statements,
    authenticate: await createAuthenticator(TEST_AUTH, { organisationExists: async () => true, verifyApiKey: async () => null }),
    context: async ({ viewer, audit }) => ({ viewer, audit }),
    keptAnswers: ['Query.tally', 'Query.slowTally', 'Area.notes'],
    keptAnswersBudget: budget,
  });
}

beforeAll(async () => {
  db = await createTestDatabase({ entities: [], migrations: [], poolSize: 4, applicationName: `kept-answers-${process.pid}` });
  await db.dataSource.query(`CREATE TABLE kept_note (org text, label text NOT NULL)`);
  await db.dataSource.query(`INSERT INTO kept_note (org, label) VALUES ($1, 'water'), ($1, 'water'), ($2, 'water'), (NULL, 'ML01')`, [
    ORG_A,
    ORG_B,
  ]);
  server = await start(8 * 1024 * 1024);
  small = await start(64 * 1024);
  operator = new Pool({ connectionString: db.url, max: 1 });
});
afterAll(async () => {
  await operator?.end();
  await small?.stop();
  await server?.stop();
  await db?.drop();
});

async function as(org: string, url = server.url, headers: Record<string, string> = {}) {
  return graphqlClient(url, { authorization: await bearer(org, 'kept:read kept:write kept:sensitive'), ...headers });
}

/** The answer and how many times the resolver ran for it. */
async function tallied(client: ReturnType<typeof graphqlClient>, label: string, query = TALLY, variables: Record<string, unknown> = {}) {
  const before = ran.tally;
  const response = await client(query, { label, ...variables });
  return { response, ran: ran.tally - before };
}

/**
 * The answer of a repeat served without running the resolver. The test databases share one server
 * with other test files, whose commits make a repeat miss now and then: a miss is run and kept again,
 * so the next repeat is asked, up to twenty times.
 */
async function servedKept(ask: () => Promise<{ response: unknown; ran: number }>) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const again = await ask();
    if (again.ran === 0) return again.response;
  }
  throw new Error('twenty repeats in a row ran the resolver: nothing was kept');
}

describe('whole answers kept until a write commits', () => {
  it('answers the same query of the same caller again without running it, with the same figures', async () => {
    const a = await as(ORG_A);
    const first = await tallied(a, 'water');
    expect(first.ran).toBe(1);
    expect(first.response.data).toEqual({ tally: { label: 'water', notes: 2, organisation: ORG_A } });
    expect(await servedKept(() => tallied(a, 'water'))).toEqual(first.response);
    // Variables the operation does not declare change nothing in the answer: the same one is served.
    expect(await servedKept(() => tallied(a, 'water', TALLY, { undeclared: Math.random() }))).toEqual(first.response);
  });

  it('runs it again after the caller writes through the API, and shows the write', async () => {
    const a = await as(ORG_A);
    await tallied(a, 'water');
    expect((await a(`mutation { note(label: "water") }`)).data).toEqual({ note: true });
    const after = await tallied(a, 'water');
    expect(after.ran).toBe(1);
    expect(after.response.data).toEqual({ tally: { label: 'water', notes: await countNotes(ORG_A, 'water'), organisation: ORG_A } });
  });

  it.each([
    ['an insert', `INSERT INTO kept_note (org, label) VALUES ('${ORG_A}', 'water')`],
    ['a deletion', `DELETE FROM kept_note WHERE ctid = (SELECT ctid FROM kept_note WHERE org = '${ORG_A}' AND label = 'water' LIMIT 1)`],
    ['a write to another table', `CREATE TABLE IF NOT EXISTS kept_other (n int); INSERT INTO kept_other VALUES (1)`],
  ])('runs it again after %s made by hand in SQL, outside the subgraph', async (_what, sql) => {
    const a = await as(ORG_A);
    await tallied(a, 'water');
    await servedKept(() => tallied(a, 'water'));
    await operator.query(sql);
    const after = await tallied(a, 'water');
    expect(after.ran).toBe(1);
    expect(after.response.data).toEqual({ tally: { label: 'water', notes: await countNotes(ORG_A, 'water'), organisation: ORG_A } });
  });

  it('never serves an answer counted before a write that committed while it was being computed', async () => {
    const a = await as(ORG_A);
    const query = `query Slow($label: String!) { slowTally(label: $label, seconds: 1) { notes } }`;
    const before = await countNotes(ORG_A, 'slow');
    // Counted first, then held for a second: the write commits in that second.
    const slow = a(query, { label: 'slow' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await operator.query(`INSERT INTO kept_note (org, label) VALUES ($1, 'slow')`, [ORG_A]);
    expect((await slow).data).toEqual({ slowTally: { notes: before } });
    const after = await tallied(a, 'slow', query);
    expect(after.ran).toBe(1);
    expect(after.response.data).toEqual({ slowTally: { notes: before + 1 } });
  });

  it("never gives one caller's answer to another organisation, nor to another person of the same one", async () => {
    const a = await as(ORG_A);
    const b = await as(ORG_B);
    await tallied(a, 'water');
    const other = await tallied(b, 'water');
    expect(other.ran).toBe(1);
    expect(other.response.data).toEqual({ tally: { label: 'water', notes: await countNotes(ORG_B, 'water'), organisation: ORG_B } });
    const colleague = graphqlClient(server.url, {
      authorization: await bearer(ORG_A, 'kept:read kept:write kept:sensitive', { subject: 'colleague@a001' }),
    });
    expect((await tallied(colleague, 'water')).ran).toBe(1);
    const fewerScopes = graphqlClient(server.url, { authorization: await bearer(ORG_A, 'kept:read') });
    expect((await tallied(fewerScopes, 'water')).ran).toBe(1);
  });

  it('keeps answers apart by arguments, operation name and stated purpose', async () => {
    const a = await as(ORG_A);
    await tallied(a, 'water');
    expect((await tallied(a, 'grazing')).ran).toBe(1);
    expect((await tallied(a, 'water', TALLY.replace('query Tally', 'query TallyAgain'))).ran).toBe(1);
    const withPurpose = await as(ORG_A, server.url, { 'x-purpose': 'case follow-up' });
    expect((await tallied(withPurpose, 'water')).ran).toBe(1);
    await servedKept(() => tallied(withPurpose, 'water'));
  });

  it('runs every time a query that asks a SENSITIVE field, an unlisted root field or a mutation', async () => {
    const a = await as(ORG_A);
    const sensitive = `query Latest($label: String!) { tally(label: $label) { notes latest } }`;
    const unlisted = `query Both($label: String!) { tally(label: $label) { notes } unlisted }`;
    const aliasedFragment = `query Frag($label: String!) { ...T } fragment T on Query { tally(label: $label) { notes } }`;
    for (const query of [sensitive, unlisted, aliasedFragment]) {
      expect((await tallied(a, 'water', query)).ran).toBe(1);
      expect((await tallied(a, 'water', query)).ran).toBe(1);
    }
    const writes = await countNotes(ORG_A, 'mutated');
    await a(`mutation { note(label: "mutated") }`);
    await a(`mutation { note(label: "mutated") }`);
    expect(await countNotes(ORG_A, 'mutated')).toBe(writes + 2);
  });

  it('keeps no answer that carries an error', async () => {
    const a = await as(ORG_A);
    const first = await tallied(a, 'broken');
    expect(first.ran).toBe(1);
    expect(first.response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await tallied(a, 'broken')).ran).toBe(1);
  });

  it('keeps the listed fields of entities the gateway asks for, and only those', async () => {
    const a = await as(ORG_A);
    const notes = `query N($representations: [_Any!]!) { _entities(representations: $representations) { ... on Area { code notes } } }`;
    const named = `query M($representations: [_Any!]!) { _entities(representations: $representations) { ... on Area { code notes name } } }`;
    const representations = [{ __typename: 'Area', code: 'ML01' }];
    const run = async (query: string) => {
      const before = ran.area;
      const response = await a(query, { representations });
      return { data: response.data, ran: ran.area - before };
    };
    const first = await run(notes);
    expect(first).toEqual({ data: { _entities: [{ code: 'ML01', notes: 1 }] }, ran: 1 });
    expect(
      await servedKept(async () => {
        const again = await run(notes);
        return { response: again.data, ran: again.ran };
      }),
    ).toEqual(first.data);
    expect((await run(named)).ran).toBe(1);
    expect((await run(named)).ran).toBe(1);
    // Keys alone are the gateway resolving references: never kept.
    const keysOnly = `query K($representations: [_Any!]!) { _entities(representations: $representations) { ... on Area { code } } }`;
    for (let i = 0; i < 2; i++) {
      const before = ran.reference;
      expect((await a(keysOnly, { representations })).data).toEqual({ _entities: [{ code: 'ML01' }] });
      expect(ran.reference - before).toBe(1);
    }
  });

  it('tags each answer, and answers 304 without a body to a caller that holds the answer it would give', async () => {
    const authorization = await bearer(ORG_A, 'kept:read kept:write kept:sensitive');
    const post = (ifNoneMatch?: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) },
        body: JSON.stringify({ query: TALLY, variables: { label: 'tagged' } }),
      });
    const first = await post();
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const body = await first.text();
    const same = await post(etag!);
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect((await post('"another"')).status).toBe(200);
    // A commit that changes nothing in this answer: computed again, the same tag, still 304.
    await operator.query(`INSERT INTO kept_note (org, label) VALUES ($1, 'elsewhere')`, [ORG_A]);
    expect((await post(etag!)).status).toBe(304);
    // One that changes it: the new answer, under a new tag.
    await operator.query(`INSERT INTO kept_note (org, label) VALUES ($1, 'tagged')`, [ORG_A]);
    const changed = await post(etag!);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).not.toBe(body);
  });

  it('keeps answers within its budget: the least recently used go first, one too large is never kept', async () => {
    const a = await as(ORG_A, small.url);
    const padded = (characters: number) => `query P($label: String!) { tally(label: $label) { notes padding(characters: ${characters}) } }`;
    // 64 KiB, one answer at most 8 KiB, each counted three times its JSON and a little: 2,000 characters
    // take ~6.4 KB, so ten of them fill the budget and twelve more push out the first.
    expect((await tallied(a, 'water', padded(2000))).ran).toBe(1);
    await servedKept(() => tallied(a, 'water', padded(2000)));
    for (let i = 0; i < 12; i++) await tallied(a, `label ${i}`, padded(2000));
    expect((await tallied(a, 'water', padded(2000))).ran).toBe(1);
    expect((await tallied(a, 'water', padded(3000))).ran).toBe(1);
    expect((await tallied(a, 'water', padded(3000))).ran).toBe(1);
  });

  it('keeps nothing with no budget', async () => {
    const none = await start(0);
    try {
      const a = await as(ORG_A, none.url);
      for (let i = 0; i < 3; i++) expect((await tallied(a, 'water')).ran).toBe(1);
    } finally {
      await none.stop();
    }
  });

  it('refuses to start when it names a field the schema does not have, even with no budget', async () => {
    await expect(
      startSubgraphServer({
        name: 'kept',
        typeDefs: withCommonTypeDefs({ text: SDL, document: gql(SDL) }).document,
        resolvers: {},
        port: 0,
        host: '127.0.0.1',
        logger: createLogger('kept-answers-test', 'silent'),
        dataSource: db.dataSource,
        authenticate: await createAuthenticator(TEST_AUTH, { organisationExists: async () => true, verifyApiKey: async () => null }),
        context: async ({ viewer, audit }) => ({ viewer, audit }),
        keptAnswers: ['Query.tallies'],
        keptAnswersBudget: 0,
      }),
    ).rejects.toThrow('Kept answers name Query.tallies, which the schema does not have');
  });
});
