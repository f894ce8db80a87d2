import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { createLogger } from '@peacegraph/kit/server';
import { composeSupergraph } from '@peacegraph/kit/composition';
import { createSupergraphWorkspace, graphqlClient, type SupergraphWorkspace } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../src/gateway';
import { startFixtureSubgraph, type FixtureSubgraph } from './fixtures/subgraph-server';

/**
 * The gateway's kept answers (kept-answers.ts) against a little subgraph that tags its answers as kit
 * subgraphs do (a strong ETag, 304 to a caller that holds the answer): a repeat is served after one
 * 304; a changed answer, a slow subgraph or an error is asked for once, not twice; an untagged or
 * weakly tagged answer is never kept.
 */
const SDL = `
type Query {
  "The figure, as it stands; held back this long first when delayMs is set."
  figure: Int
  "Never tagged."
  untagged: Int
}
`;
const TIMEOUT_MS = 500;
const state = { figure: 1, delayMs: 0 };

/** Tags every answer of `figure` as a kit subgraph tags its kept answers; `untagged` answers get express's weak tag only. */
const tags: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response, operation }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.data) return;
        if (operation?.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value === 'untagged')) return;
        const etag = `"${createHash('sha256').update(JSON.stringify(response.body.singleResult.data)).digest('base64url')}"`;
        response.http.headers.set('etag', etag);
        if (request.http?.headers.get('if-none-match') === etag) response.http.status = 304;
      },
    };
  },
};

let workspace: SupergraphWorkspace;
let figures: FixtureSubgraph;
let gateway: RunningGateway;
let ask: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  workspace = await createSupergraphWorkspace({ figures: SDL });
  await composeSupergraph({ configPath: workspace.configPath });
  figures = await startFixtureSubgraph({
    sdl: SDL,
    readyRoute: true,
    plugins: [tags],
    resolvers: {
      Query: {
        figure: async () => {
          if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
          return state.figure;
        },
        untagged: () => 7,
      },
    },
  });
  gateway = await startGateway({
    supergraphPath: workspace.supergraphPath,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { figures: figures.url },
    subgraphTimeoutMs: TIMEOUT_MS,
    logger: createLogger('gateway-test', 'silent'),
  });
  ask = graphqlClient(gateway.url, { authorization: 'Bearer amina' });
});
afterAll(async () => {
  await gateway?.stop();
  await figures?.stop();
  await workspace?.remove();
});
afterEach(() => {
  state.delayMs = 0;
});

/** The answer, whether it was served kept, and the subgraph calls it took. */
async function asked(query: string) {
  const served = gateway.keptAnswersServed;
  const calls = figures.received.length;
  const response = await ask(query);
  return {
    response: { data: response.data, errors: response.errors },
    kept: gateway.keptAnswersServed - served === 1,
    calls: figures.received.length - calls,
  };
}

describe('answers kept at the gateway', () => {
  it('serves a repeat after the subgraph answers 304, and the new figure, asked once, when it changed', async () => {
    state.figure = 10;
    const first = await asked('{ figure }');
    expect(first).toMatchObject({ response: { data: { figure: 10 } }, kept: false, calls: 1 });
    const again = await asked('{ figure }');
    expect(again).toMatchObject({ response: { data: { figure: 10 } }, kept: true, calls: 1 });
    expect(figures.received.at(-1)?.['if-none-match']).toMatch(/^"/);
    state.figure = 11;
    const changed = await asked('{ figure }');
    // The check's own answer is the new figure: the query takes it instead of asking again.
    expect(changed).toMatchObject({ response: { data: { figure: 11 } }, kept: false, calls: 1 });
    expect(await asked('{ figure }')).toMatchObject({ response: { data: { figure: 11 } }, kept: true });
  });

  it('waits for a slow subgraph once, not for the check and then again for the query', async () => {
    state.figure = 20;
    await asked('{ figure }');
    expect((await asked('{ figure }')).kept).toBe(true);
    state.delayMs = 2 * TIMEOUT_MS + 500;
    const slow = await asked('{ figure }');
    expect(slow.kept).toBe(false);
    // One call reached the subgraph: the check's timeout is the query's, not waited for a second time.
    expect(slow.calls).toBe(1);
    expect(slow.response.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_TIMEOUT');
  });

  it('keeps nothing and checks nothing with KEPT_ANSWERS_MB=0', async () => {
    const none = await startGateway({
      supergraphPath: workspace.supergraphPath,
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { figures: figures.url },
      logger: createLogger('gateway-test', 'silent'),
      keptAnswersBudget: 0,
    });
    try {
      const client = graphqlClient(none.url, { authorization: 'Bearer amina' });
      for (let i = 0; i < 3; i++) {
        expect((await client('{ figure }')).data).toEqual({ figure: state.figure });
        expect(figures.received.at(-1)?.['if-none-match']).toBeUndefined();
      }
      expect(none.keptAnswersServed).toBe(0);
    } finally {
      await none.stop();
    }
  });

  it('never keeps an answer its subgraph tagged weakly or not at all', async () => {
    for (let i = 0; i < 3; i++) expect(await asked('{ untagged }')).toMatchObject({ response: { data: { untagged: 7 } }, kept: false });
    expect(figures.received.at(-1)?.['if-none-match']).toBeUndefined();
  });
});
