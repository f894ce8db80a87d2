import { getIntrospectionQuery } from 'graphql';
import { createLogger } from '@peacegraph/kit/server';
import { conflictsSdl, createSupergraphWorkspace, directorySdl, graphqlClient, type SupergraphWorkspace } from '@peacegraph/kit/testing';
import { composeSupergraph } from '@peacegraph/kit/composition';
import { startGateway, type RunningGateway } from '../src/gateway';
import { startConflictsFixture, startDirectoryFixture } from './fixtures/subgraphs';

const TIMEOUT_MS = 500;

let workspace: SupergraphWorkspace;
let directory: Awaited<ReturnType<typeof startDirectoryFixture>>;
let conflicts: Awaited<ReturnType<typeof startConflictsFixture>>;
let gateway: RunningGateway;
let query: ReturnType<typeof graphqlClient>;
let origin: string;

beforeAll(async () => {
  workspace = await createSupergraphWorkspace({ directory: directorySdl(), conflicts: conflictsSdl });
  await composeSupergraph({ configPath: workspace.configPath });
  directory = await startDirectoryFixture();
  conflicts = await startConflictsFixture();
  gateway = await startGateway({
    supergraphPath: workspace.supergraphPath,
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directory.url, CONFLICTS: conflicts.url },
    subgraphTimeoutMs: TIMEOUT_MS,
    bodyLimit: '4kb',
    // The depth tests nest lists twelve deep, which no cost limit would let through; the cost limit
    // has its own tests (shared/test/cost.spec.ts, tests/request-guards.spec.ts).
    maxCost: Number.POSITIVE_INFINITY,
    explorerHeaders: { Authorization: 'Bearer dev-admin' },
    corsOrigins: ['https://console.partner.example', 'localhost'],
    logger: createLogger('gateway', 'silent'),
  });
  query = graphqlClient(gateway.url);
  origin = new URL(gateway.url).origin;
});

afterAll(async () => {
  await gateway?.stop();
  await directory?.stop();
  await conflicts?.stop();
  await workspace?.remove();
});

describe('the schema as SDL files, for code generators', () => {
  it('serves the API schema and a contract per audience, with an ETag, and says which contracts exist', async () => {
    const whole = await fetch(`${origin}/schema.graphql`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/graphql; charset=utf-8');
    const sdl = await whole.text();
    expect(sdl).toMatch(/^type Query \{/m);
    expect(sdl).not.toMatch(/join__|_entities|_service/);
    const etag = whole.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect((await fetch(`${origin}/schema.graphql`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    // These fixture subgraphs declare no data class: a contract never holds a field of no stated class
    // (the contracts of the platform's own supergraph are checked in contracts.spec.ts).
    for (const audience of ['public', 'partner']) {
      const contract = await fetch(`${origin}/schema/${audience}.graphql`);
      expect(contract.status).toBe(200);
      expect(await contract.text()).toBe(`# No field of this graph is readable by ${audience} callers.\n`);
    }

    for (const wrong of ['admin', 'sensitive', '..%2Fsecret', 'PUBLIC']) {
      const answer = await fetch(`${origin}/schema/${wrong}.graphql`);
      expect([wrong, answer.status]).toEqual([wrong, 404]);
      expect(await answer.text()).toMatch(/^No contract ".*": the contracts are \/schema\/public.graphql and \/schema\/partner.graphql/);
    }
  });
});

describe('CORS: browser apps on the allowed origins only', () => {
  const preflight = (from: string) =>
    fetch(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: from,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-purpose',
      },
    });

  it.each(['https://console.partner.example', 'http://localhost:4010', 'http://127.0.0.1:5173', 'http://[::1]:8080', 'http://localhost'])(
    'answers the preflight of %s with that origin, the headers a client sends and those it may read',
    async (from) => {
      const response = await preflight(from);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(from);
      expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
        expect.arrayContaining(['authorization', 'content-type', 'x-purpose', 'graphql-client-name']),
      );
      expect(response.headers.get('access-control-expose-headers')?.split(',')).toEqual(
        expect.arrayContaining(['x-request-id', 'retry-after', 'ratelimit-remaining']),
      );
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toContain('Origin');
    },
  );

  it.each([
    'https://evil.example',
    'https://console.partner.example.evil.example',
    'http://console.partner.example',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io:4010',
    'null',
  ])('gives %s no CORS header at all, on the preflight and on the request', async (from) => {
    const response = await preflight(from);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await fetch(gateway.url, {
      method: 'POST',
      headers: { origin: from, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe.each([
    ['no Origin', {}],
    ['an origin not listed', { origin: 'https://evil.example' }],
    ['an allowed origin', { origin: 'https://console.partner.example' }],
  ])('Vary: Origin on every answer, with %s (a shared cache must not serve it to another origin)', (_, headers: Record<string, string>) => {
    const varies = (response: Response) =>
      expect(
        response.headers
          .get('vary')
          ?.split(',')
          .map((name) => name.trim().toLowerCase()),
      ).toEqual(expect.arrayContaining(['origin']));

    it('/graphql, GET and POST', async () => {
      const posted = await fetch(gateway.url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(posted.status).toBe(200);
      varies(posted);
      const got = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { ...headers, 'apollo-require-preflight': 'true' },
      });
      expect(got.status).toBe(200);
      varies(got);
    });

    it('the schema files, their 304 included', async () => {
      for (const path of ['/schema.graphql', '/schema/public.graphql', '/schema/partner.graphql']) {
        const file = await fetch(`${origin}${path}`, { headers });
        expect(file.status).toBe(200);
        varies(file);
        const unchanged = await fetch(`${origin}${path}`, { headers: { ...headers, 'if-none-match': file.headers.get('etag')! } });
        expect(unchanged.status).toBe(304);
        varies(unchanged);
      }
    });
  });

  it('an allowed origin reads the answer to its request', async () => {
    const answer = await fetch(gateway.url, {
      method: 'POST',
      headers: { origin: 'https://console.partner.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://console.partner.example');
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('queries through the gateway', () => {
  it("joins two subgraphs and forwards the caller's Authorization, X-Purpose and request id to both", async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer partner-token',
        'x-purpose': 'quarterly monitoring',
        'x-request-id': 'req-2024-0042',
      },
      body: JSON.stringify({ query: '{ community(id: "ml-kalana") { id name openCases } }' }),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-2024-0042');
    expect(await response.json()).toEqual({ data: { community: { id: 'ml-kalana', name: 'Kalana', openCases: 3 } } });
    for (const subgraph of [directory, conflicts]) {
      expect(subgraph.received.at(-1)).toMatchObject({
        authorization: 'Bearer partner-token',
        'x-purpose': 'quarterly monitoring',
        'x-request-id': 'req-2024-0042',
      });
    }
  });

  it('gives a request without an id a fresh one, the same for every subgraph it reaches', async () => {
    const response = await query('{ community(id: "c1") { name openCases } }');
    expect(response.data).toEqual({ community: { name: 'Kalana', openCases: 3 } });
    const id = directory.received.at(-1)?.['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(conflicts.received.at(-1)?.['x-request-id']).toBe(id);
    expect(directory.received.at(-1)?.authorization).toBeUndefined();
  });

  it("passes a subgraph's BAD_USER_INPUT to the client with its field and message intact", async () => {
    const response = await query('mutation { renameCommunity(id: "c1", name: " ") { id } }');
    expect(response.status).toBe(200);
    expect(response.errors).toEqual([
      {
        message: 'A community name cannot be empty',
        path: ['renameCommunity'],
        extensions: { code: 'BAD_USER_INPUT', field: 'name', serviceName: 'directory' },
      },
    ]);
    expect(response.data).toEqual({ renameCommunity: null });
  });

  it("hides a subgraph's internal error: no message, SQL or stack trace reaches the client", async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ brokenCommunity { id } }' }),
    });
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: 'Internal error: the request could not be completed',
          path: ['brokenCommunity'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
      data: { brokenCommunity: null },
    });
    expect(text).not.toMatch(/SELECT|stacktrace|relation/);
  });

  it('answers with the rest of the data when one subgraph is slower than the timeout', async () => {
    conflicts.state.delayMs = 2000;
    try {
      const started = Date.now();
      const response = await query('{ community(id: "c1") { name openCases } }');
      const elapsed = Date.now() - started;

      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(1500);
      expect(response.data).toEqual({ community: { name: 'Kalana', openCases: null } });
      expect(response.errors).toEqual([
        {
          message: `The conflicts service did not answer within ${TIMEOUT_MS} ms`,
          extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'conflicts', retryable: true },
        },
      ]);
    } finally {
      conflicts.state.delayMs = 0;
    }
  });
});

describe('request limits', () => {
  const nested = (depth: number) => {
    let selection = 'name';
    for (let level = 1; level < depth - 1; level += 1) selection = `neighbours { ${selection} }`;
    return `{ community(id: "c1") { ${selection} } }`;
  };

  it('serves a query at the depth limit and refuses one level deeper', async () => {
    const atLimit = await query(nested(12));
    expect(atLimit.status).toBe(200);
    expect(atLimit.errors).toBeUndefined();

    const tooDeep = await query(nested(13));
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.errors).toEqual([
      expect.objectContaining({
        message: 'The operation is nested 13 levels deep; the maximum query depth is 12',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', max: 12, actual: 13 }),
      }),
    ]);
  });

  it("answers GraphiQL's introspection query within the default depth limit", async () => {
    const response = await query<{ __schema: { queryType: { name: string }; types: { name: string }[] } }>(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }),
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.queryType.name).toBe('Query');
    expect(response.data?.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Community', 'Mutation']));
  });

  it('refuses more than 30 aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `c${i}: community(id: "${i}") { id }`).join(' ');
    const response = await query(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toBe('The operation uses 31 aliases; the maximum is 30 aliases per operation');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a body over the size limit with 413 and a GraphQL-shaped error', async () => {
    const response = await query('{ community(id: "c1") { id } }', { padding: 'x'.repeat(5000) });
    expect(response.status).toBe(413);
    expect(response.errors).toEqual([
      { message: 'The request body is larger than the 4kb limit', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: '4kb' } },
    ]);
  });

  it('refuses a body that is not JSON with 400 and no stack trace', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});

describe('explorer', () => {
  const urlsIn = (text: string) => text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];

  it('serves GraphiQL at / with its headers pre-filled, and refers to nothing outside this server', async () => {
    const response = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(urlsIn(html).filter((url) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url))).toEqual([]);
    const config = JSON.parse(/<script id="explorer-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null');
    expect(config).toMatchObject({ endpoint: '/graphql', headers: '{\n  "Authorization": "Bearer dev-admin"\n}' });
  });

  it('serves every asset the page loads from node_modules', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual([
      '/explorer/assets/graphiql.min.css',
      '/explorer/assets/react.production.min.js',
      '/explorer/assets/react-dom.production.min.js',
      '/explorer/assets/graphiql.min.js',
      '/explorer/assets/boot.js',
    ]);
    for (const asset of assets) {
      const response = await fetch(`${origin}${asset}`);
      const body = await response.text();
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers.get('content-type')).toMatch(asset?.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect(body.length).toBeGreaterThan(asset?.endsWith('boot.js') ? 200 : 5000);
    }
    expect((await fetch(`${origin}/explorer/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/explorer/assets/constructor`)).status).toBe(404);
  });

  it('opens the explorer when a browser visits /graphql, and leaves GraphQL GET requests to the server', async () => {
    const page = await fetch(gateway.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>PeaceGraph explorer</title>');

    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ community(id: "c1") { name } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { community: { name: 'Kalana' } } });
  });
});

describe('health and readiness', () => {
  it('is alive', async () => {
    const response = await fetch(`${origin}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'gateway' });
  });

  it('is ready with a supergraph loaded and every subgraph answering', async () => {
    const response = await fetch(`${origin}/ready`);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      status: 'ready',
      ready: true,
      supergraph: { loaded: true, id: expect.stringMatching(/^[0-9a-f]{64}$/), source: 'file' },
      subgraphs: { directory: 'ready', conflicts: 'ready' },
    });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('is not ready while the supervisor has given up on a service, and says which and why', async () => {
    let gaveUp: { name: string; reason?: string }[] = [{ name: 'conflicts', reason: 'exited 5 times within 60 s' }];
    const supervised = await startGateway({
      supergraphPath: workspace.supergraphPath,
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { directory: directory.url, CONFLICTS: conflicts.url },
      logger: createLogger('gateway', 'silent'),
      gaveUp: () => gaveUp,
    });
    try {
      const ready = await fetch(new URL('/ready', supervised.url));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'unavailable',
        gaveUp: [{ name: 'conflicts', reason: 'exited 5 times within 60 s' }],
      });
      // An operator restarted it: the supervisor says nothing is given up any more.
      gaveUp = [];
      const again = await fetch(new URL('/ready', supervised.url));
      expect(again.status).toBe(200);
      expect(await again.json()).not.toHaveProperty('gaveUp');
    } finally {
      await supervised.stop();
    }
  });

  // Last: it stops a subgraph for good.
  it('is not ready when a subgraph is down, and still serves the other subgraph', async () => {
    await conflicts.stop();

    const ready = await fetch(`${origin}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', subgraphs: { directory: 'ready', conflicts: 'unavailable' } });

    const response = await query('{ community(id: "c1") { name openCases } }');
    expect(response.data).toEqual({ community: { name: 'Kalana', openCases: null } });
    expect(response.errors).toEqual([
      {
        message: 'The conflicts service could not be reached',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'conflicts', retryable: true },
      },
    ]);
  });
});
