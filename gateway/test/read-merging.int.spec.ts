import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { createLogger } from '@peacegraph/kit/server';
import { createSupergraphWorkspace, graphqlClient, until, type SupergraphWorkspace } from '@peacegraph/kit/testing';
import { composeSupergraph } from '@peacegraph/kit/composition';
import { startGateway, type GatewayOptions, type RunningGateway } from '../src/gateway';
import { ReadMerger } from '../src/read-merging';
import { SubgraphDataSource } from '../src/subgraph-data-source';
import { SubgraphHttp } from '../src/subgraph-http';
import { startFixtureSubgraph, type FixtureSubgraph } from './fixtures/subgraph-server';

/**
 * Identical subgraph reads in flight are sent once (README, "Merging identical reads"), counted at a
 * real little subgraph over HTTP: what may merge, what never does, and the errors callers get.
 */
const NOTES_SDL = `
type Query {
  "The note as it was when the subgraph started reading it, once the test opens the gate."
  note(tag: String!): Reading
  "Whatever the gateway told this subgraph in peacegraph-rate-limit."
  rateLimit: String
}
type Reading {
  tag: String
  note: String
  authorization: String
  purpose: String
  "Of data class SENSITIVE in the supergraph: a subgraph audits every read of it, per caller."
  secret: String @sensitive
}
type Mutation {
  writeNote(note: String!): String
}
`;

interface Gate {
  open: () => void;
  opened: Promise<void>;
}

function newGate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const state = { note: 'first', gate: newGate() };

let workspace: SupergraphWorkspace;
let notes: FixtureSubgraph;
const gateways: RunningGateway[] = [];

type Caller = { req: express.Request };

beforeAll(async () => {
  workspace = await createSupergraphWorkspace({ notes: NOTES_SDL });
  await composeSupergraph({ configPath: workspace.configPath });
  notes = await startFixtureSubgraph({
    // The kit's @sensitive is known to composition only; this plain subgraph has no such directive.
    sdl: NOTES_SDL.replace(' @sensitive', ''),
    readyRoute: true,
    context: (req) => ({ req }),
    resolvers: {
      Query: {
        note: async (_: unknown, { tag }: { tag: string }, { req }: Caller) => {
          const seen = state.note;
          await state.gate.opened;
          return {
            tag,
            note: seen,
            authorization: req.get('authorization') ?? null,
            purpose: req.get('x-purpose') ?? null,
            secret: 'known to the owner only',
          };
        },
        rateLimit: async (_: unknown, __: unknown, { req }: Caller) => {
          await state.gate.opened;
          return req.get('peacegraph-rate-limit') ?? null;
        },
      },
      Mutation: {
        writeNote: (_: unknown, { note }: { note: string }) => {
          state.note = note;
          return note;
        },
      },
    },
  });
});

afterEach(() => {
  // A test that failed half-way must not leave the next one's reads waiting.
  state.gate.open();
  state.gate = newGate();
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await notes?.stop();
  await workspace?.remove();
});

async function gatewayFor(url = notes.url, more: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  const gateway = await startGateway({
    supergraphPath: workspace.supergraphPath,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { notes: url },
    logger: createLogger('gateway-test', process.env.GATEWAY_TEST_LOG ?? 'silent'),
    ...more,
  });
  gateways.push(gateway);
  return gateway;
}

const NOTE = `query Note($tag: String!) { note(tag: $tag) { tag note authorization purpose } }`;
const SECRET = `query Secret($tag: String!) { note(tag: $tag) { tag secret } }`;
type NoteAnswer = { note: { tag: string; note: string; authorization: string | null; purpose: string | null } };

/** Requests that reached the subgraph since `from` (its GraphQL requests, health checks excepted). */
const reached = (from: number) => notes.received.length - from;

describe('identical reads in flight', () => {
  it('reach the subgraph once, and every caller gets the whole answer', async () => {
    const gateway = await gatewayFor();
    const from = notes.received.length;
    const ask = graphqlClient(gateway.url, { authorization: 'Bearer amina' });
    const first = ask<NoteAnswer>(NOTE, { tag: 'a' });
    await until(() => reached(from) === 1, 'the first read to reach the subgraph');
    const others = Array.from({ length: 4 }, () => ask<NoteAnswer>(NOTE, { tag: 'a' }));
    await until(() => gateway.mergedReads === 4, 'the other reads to join it');
    state.gate.open();

    const expected = { status: 200, data: { note: { tag: 'a', note: 'first', authorization: 'Bearer amina', purpose: null } } };
    for (const answer of await Promise.all([first, ...others])) expect(answer).toEqual(expected);
    expect(reached(from)).toBe(1);
  });

  it('are each sent when merging is off (SUBGRAPH_MERGE_READS=off)', async () => {
    const gateway = await gatewayFor(notes.url, { mergeReads: false });
    const from = notes.received.length;
    const answers = Array.from({ length: 3 }, () => graphqlClient(gateway.url)<NoteAnswer>(NOTE, { tag: 'a' }));
    await until(() => reached(from) === 3, 'every read to reach the subgraph');
    state.gate.open();
    for (const answer of await Promise.all(answers)) expect(answer.data!.note.tag).toBe('a');
    expect(gateway.mergedReads).toBe(0);
  });
});

describe('reads that must not merge', () => {
  it.each([
    ['Authorization', { authorization: 'Bearer amina' }, { authorization: 'Bearer baraka' }],
    ['no Authorization and one', {}, { authorization: 'Bearer amina' }],
    ['purpose', { 'x-purpose': 'monitoring' }, { 'x-purpose': 'research' }],
  ])('a different %s: two requests, each caller its own answer', async (_, one: Record<string, string>, other: Record<string, string>) => {
    const gateway = await gatewayFor();
    const from = notes.received.length;
    const first = graphqlClient(gateway.url, one)<NoteAnswer>(NOTE, { tag: 'a' });
    const second = graphqlClient(gateway.url, other)<NoteAnswer>(NOTE, { tag: 'a' });
    await until(() => reached(from) === 2, 'both reads to reach the subgraph');
    state.gate.open();
    const [a, b] = await Promise.all([first, second]);
    expect(a.data!.note).toEqual({ tag: 'a', note: 'first', authorization: one.authorization ?? null, purpose: one['x-purpose'] ?? null });
    expect(b.data!.note).toEqual({
      tag: 'a',
      note: 'first',
      authorization: other.authorization ?? null,
      purpose: other['x-purpose'] ?? null,
    });
    expect(gateway.mergedReads).toBe(0);
  });

  it.each([
    ['states a purpose (X-Purpose)', NOTE, { authorization: 'Bearer amina', 'x-purpose': 'monitoring' }],
    ['selects a SENSITIVE field, with no purpose', SECRET, { authorization: 'Bearer amina' }],
    ['selects a SENSITIVE field under an alias', `query Aliased($tag: String!) { note(tag: $tag) { tag hidden: secret } }`, {}],
  ])(
    'a read that %s: each identical caller reaches the subgraph under its own request id, to be audited',
    async (_, query: string, headers: Record<string, string>) => {
      const gateway = await gatewayFor();
      const from = notes.received.length;
      const ask = graphqlClient(gateway.url, headers);
      const answers = Array.from({ length: 3 }, () => ask(query, { tag: 's' }));
      await until(() => reached(from) === 3, 'every read to reach the subgraph');
      state.gate.open();
      for (const answer of await Promise.all(answers)) {
        expect(answer.status).toBe(200);
        expect(answer.errors).toBeUndefined();
      }
      const requestIds = notes.received.slice(from).map((received) => received['x-request-id']);
      expect(new Set(requestIds).size).toBe(3);
      expect(reached(from)).toBe(3);
      expect(gateway.mergedReads).toBe(0);
    },
  );

  it('mutations: never merged, however identical', async () => {
    const gateway = await gatewayFor();
    const from = notes.received.length;
    const write = () => graphqlClient(gateway.url)(`mutation { writeNote(note: "same") }`);
    const answers = await Promise.all([write(), write(), write()]);
    for (const answer of answers) expect(answer).toEqual({ status: 200, data: { writeNote: 'same' } });
    expect(reached(from)).toBe(3);
    expect(gateway.mergedReads).toBe(0);
    state.note = 'first';
  });

  it('a read sent after a write was answered does not join a read in flight from before the write', async () => {
    const gateway = await gatewayFor();
    const from = notes.received.length;
    const ask = graphqlClient(gateway.url);
    const before = ask<NoteAnswer>(NOTE, { tag: 'w' });
    await until(() => reached(from) === 1, 'the read before the write to reach the subgraph');

    expect(await ask(`mutation { writeNote(note: "second") }`)).toEqual({ status: 200, data: { writeNote: 'second' } });
    const after = ask<NoteAnswer>(NOTE, { tag: 'w' });
    await until(() => reached(from) === 3, 'the read after the write to reach the subgraph itself');
    // Reads of the same generation still merge.
    const alongside = ask<NoteAnswer>(NOTE, { tag: 'w' });
    await until(() => gateway.mergedReads === 1, 'a read beside the later one to join it');
    state.gate.open();

    expect((await before).data!.note.note).toBe('first');
    expect((await after).data!.note.note).toBe('second');
    expect((await alongside).data!.note.note).toBe('second');
    expect(reached(from)).toBe(3);
    state.note = 'first';
  });

  it("the rate-limit state: merged unless the read asks for it (viewer { rateLimit }), then each caller's own", async () => {
    const gateway = await gatewayFor(notes.url, {
      rateLimit: { limit: 600, anonymousLimit: 600, burst: 600, windowSeconds: 60 },
    });
    const from = notes.received.length;
    const ask = graphqlClient(gateway.url);
    const notesRead = [ask<NoteAnswer>(NOTE, { tag: 'r' })];
    await until(() => reached(from) === 1, 'the first read to reach the subgraph');
    notesRead.push(ask<NoteAnswer>(NOTE, { tag: 'r' }));
    await until(() => gateway.mergedReads === 1, 'the second read to join the first, whatever its budget');

    const budgets = [ask<{ rateLimit: string }>(`{ rateLimit }`), ask<{ rateLimit: string }>(`{ rateLimit }`)];
    await until(() => reached(from) === 3, 'each rate-limit read to reach the subgraph');
    state.gate.open();
    for (const answer of await Promise.all(notesRead)) expect(answer.data!.note.tag).toBe('r');
    const told = (await Promise.all(budgets)).map((answer) => answer.data!.rateLimit);
    expect(told.map((value) => value.replace(/remaining=\d+/, 'remaining=N'))).toEqual([
      'limit=600;remaining=N;reset=1;policy=600;w=60',
      'limit=600;remaining=N;reset=1;policy=600;w=60',
    ]);
    expect(new Set(told).size).toBe(2);
    expect(gateway.mergedReads).toBe(1);
  });
});

describe('one answer, many callers', () => {
  it('each caller of a merged read gets its own objects: what one changes, the other never sees', async () => {
    const http = new SubgraphHttp(notes.url, 5_000);
    const merger = new ReadMerger(true);
    const source = new SubgraphDataSource({
      name: 'notes',
      url: notes.url,
      timeoutMs: 5_000,
      logger: createLogger('test', 'silent'),
      http,
      merger,
    });
    const from = notes.received.length;
    const process = () =>
      source.process({
        kind: 'incoming operation',
        request: { query: NOTE, variables: { tag: 'own' }, operationName: 'Note' },
        incomingRequestContext: {},
        context: {
          requestId: `r-${Math.random()}`,
          organisationId: null,
          apiKey: null,
          trustedDocumentsOnly: false,
          trail: {},
        },
      } as unknown as Parameters<SubgraphDataSource['process']>[0]);
    try {
      const first = process();
      const second = process();
      await until(() => reached(from) === 1 && merger.merged === 1, 'the second read to join the first');
      state.gate.open();
      const [a, b] = await Promise.all([first, second]);
      expect(a).toEqual(b);
      expect(a.data).not.toBe(b.data);
      (a.data as NoteAnswer).note.note = 'changed by the first caller';
      expect((b.data as NoteAnswer).note.note).toBe('first');
      expect(reached(from)).toBe(1);
      expect(merger.size).toBe(0);
    } finally {
      await http.close();
    }
  });
});

describe('many callers at once', () => {
  it('never mixes answers: each of 60 callers gets its own tag and credentials back', async () => {
    const gateway = await gatewayFor();
    const from = notes.received.length;
    const callers = Array.from({ length: 60 }, (_, i) => ({ tag: `t${i % 5}`, authorization: `Bearer caller-${i % 3}` }));
    const answers = callers.map(({ tag, authorization }) => graphqlClient(gateway.url, { authorization })<NoteAnswer>(NOTE, { tag }));
    // 5 tags × 3 credentials: 15 distinct reads, the rest join them.
    await until(() => reached(from) === 15 && gateway.mergedReads === 45, 'the 15 distinct reads to be sent and the rest to join');
    state.gate.open();
    const got = await Promise.all(answers);
    got.forEach((answer, i) => {
      expect(answer.data!.note).toEqual({ tag: callers[i]!.tag, note: 'first', authorization: callers[i]!.authorization, purpose: null });
    });
    expect(reached(from)).toBe(15);
  });
});

describe('faults, merged or not', () => {
  it('a subgraph slower than the timeout: every caller of the merged read gets SUBGRAPH_TIMEOUT', async () => {
    const gateway = await gatewayFor(notes.url, { subgraphTimeoutMs: 300 });
    const ask = graphqlClient(gateway.url);
    const answers = [ask(NOTE, { tag: 's' }), ask(NOTE, { tag: 's' })];
    for (const answer of await Promise.all(answers)) {
      expect(answer).toEqual({
        status: 200,
        data: { note: null },
        errors: [
          {
            message: 'The notes service did not answer within 300 ms',
            extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'notes', retryable: true },
          },
        ],
      });
    }
  });

  it('a subgraph that sends its headers and then stalls still times out', async () => {
    const stalling = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stalling.address() as AddressInfo;
      const gateway = await gatewayFor(`http://127.0.0.1:${port}/graphql`, { subgraphTimeoutMs: 300 });
      const answer = await graphqlClient(gateway.url)(NOTE, { tag: 'x' });
      expect(answer.data).toEqual({ note: null });
      expect(answer.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'notes', retryable: true });
    } finally {
      stalling.closeAllConnections();
      stalling.close();
    }
  });

  it('a subgraph that is down: SUBGRAPH_UNAVAILABLE "could not be reached", as before', async () => {
    const gateway = await gatewayFor('http://127.0.0.1:1/graphql');
    const ask = graphqlClient(gateway.url);
    for (const answer of await Promise.all([ask(NOTE, { tag: 'd' }), ask(NOTE, { tag: 'd' })])) {
      expect(answer).toEqual({
        status: 200,
        data: { note: null },
        errors: [
          {
            message: 'The notes service could not be reached',
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'notes', retryable: true },
          },
        ],
      });
    }
  });

  it('an answer that is not JSON: SUBGRAPH_UNAVAILABLE, nothing of it shown', async () => {
    const odd = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy error at 10.0.0.5</html>');
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = odd.address() as AddressInfo;
      const gateway = await gatewayFor(`http://127.0.0.1:${port}/graphql`);
      const answer = await graphqlClient(gateway.url)(NOTE, { tag: 'h' });
      expect(answer.data).toEqual({ note: null });
      expect(answer.errors).toEqual([
        {
          message: 'The notes service could not be reached',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'notes', retryable: true },
        },
      ]);
    } finally {
      odd.closeAllConnections();
      odd.close();
    }
  });
});
