import { startPlatform, type PlatformUnderTest } from './support';

/**
 * The same refusals, in the same shape, from every process a caller can reach: the gateway and each
 * subgraph (a partner may run one on its own host). Nothing here may answer 5xx, HTML, a stack
 * trace or a file path.
 */
let platform: PlatformUnderTest;
let endpoints: [string, string][];

/** The subgraphs read MAX_COST as every setting, from their environment: a low one shows it holds at each. */
const SUBGRAPH_MAX_COST = 20_000;
let savedMaxCost: string | undefined;

beforeAll(async () => {
  savedMaxCost = process.env.MAX_COST;
  process.env.MAX_COST = String(SUBGRAPH_MAX_COST);
  platform = await startPlatform();
  endpoints = [
    ['gateway', platform.gateway.url],
    ['directory', platform.directory.url],
    ['curriculum', platform.curriculum.url],
    ['conflicts', platform.conflicts.url],
    ['forums', platform.forums.url],
    ['mining', platform.mining.url],
    ['displacement', platform.displacement.url],
  ];
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  if (savedMaxCost === undefined) delete process.env.MAX_COST;
  else process.env.MAX_COST = savedMaxCost;
});

interface Answer {
  status: number;
  contentType: string;
  cacheControl: string | null;
  etag: string | null;
  text: string;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown } | undefined;
}

async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    cacheControl: response.headers.get('cache-control'),
    etag: response.headers.get('etag'),
    text,
    body: parsed,
  };
}

const json = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  JSON.stringify({ query, variables, operationName });

/** What every refusal must look like: a GraphQL error in JSON, with nothing of the inside. */
function expectClean(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
  expect(answer.text).not.toMatch(/<html|<pre|\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|SELECT |INSERT /i);
}

/** `{ __schema { types { fields { type { fields { type … } } } } } }`: valid in any schema, `levels` deep. */
function introspectionNested(levels: number): string {
  let selection = 'name';
  for (let level = 3; level <= levels; level += 1) selection = level % 2 ? `fields { ${selection} }` : `type { ${selection} }`;
  return `{ __schema { types { ${selection} } } }`;
}

describe('limits hold at the gateway and at every subgraph', () => {
  it('refuses 300 levels of nesting, naming the limit', async () => {
    for (const [name, url] of endpoints) {
      const answer = await post(url, json(introspectionNested(300)));
      expectClean(answer, 400, 'GRAPHQL_VALIDATION_FAILED');
      expect([name, answer.body?.errors?.[0]?.extensions?.limit, answer.body?.errors?.[0]?.extensions?.max]).toEqual([
        name,
        'maxDepth',
        12,
      ]);
    }
  });

  it('refuses 1,000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ');
    for (const [name, url] of endpoints) {
      const answer = await post(url, json(`{ ${aliases} }`));
      expectClean(answer, 400, 'GRAPHQL_VALIDATION_FAILED');
      expect([name, answer.body?.errors?.[0]?.message]).toEqual([
        name,
        'The operation uses 1000 aliases; the maximum is 30 aliases per operation',
      ]);
    }
  });

  it('refuses the nested-lists query at the gateway by its cost, before any work, pricing lists by their @listSize', async () => {
    const query = '{ countries { adminAreas { country { adminAreas { __typename } } } } }';
    const answer = await post(platform.gateway.url, json(query));
    expectClean(answer, 400, 'COST_LIMIT_EXCEEDED');
    expect(answer.body?.errors?.[0]).toEqual({
      message:
        'The operation could return about 964,807 values; the most one request may ask for is 500,000. Ask for smaller pages (first), fewer nested lists, or split the request.',
      extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 'maxCost', max: 500_000, actual: 964_807 },
    });
    expect(answer.body?.data).toBeUndefined();
    // The directory reads the same hints from its own schema.
    const direct = await post(platform.directory.url, json(query));
    expectClean(direct, 400, 'COST_LIMIT_EXCEEDED');
    expect(direct.body?.errors?.[0]?.extensions).toEqual({
      code: 'COST_LIMIT_EXCEEDED',
      limit: 'maxCost',
      max: SUBGRAPH_MAX_COST,
      actual: 964_807,
    });
  });

  it('prices the variables it is sent: a page of 100 areas passes, 26 batches of 1,000 entities cannot', async () => {
    const page = 'query ($n: Int) { adminAreas(country: "ML", first: $n) { totalCount edges { node { name } } } }';
    for (const url of [platform.gateway.url, platform.directory.url]) {
      const small = await post(url, json(page, { n: 100 }));
      expect(small.status).toBe(200);
      const areas = (small.body?.data as { adminAreas: { totalCount: number; edges: unknown[] } }).adminAreas;
      expect([areas.totalCount, areas.edges.length]).toEqual([63, 63]); // Mali's regions and cercles
    }
    const entities = Array.from({ length: 26 }, (_, i) => `e${i}: _entities(representations: $r) { __typename }`).join(' ');
    const representations = Array.from({ length: 1000 }, () => ({ __typename: 'Community', id: '00000000-0000-4000-8000-000000000000' }));
    for (const [name, url] of endpoints.slice(1)) {
      const answer = await post(url, json(`query ($r: [_Any!]!) { ${entities} }`, { r: representations }));
      expectClean(answer, 400, 'COST_LIMIT_EXCEEDED');
      expect([name, answer.body?.errors?.[0]?.extensions?.actual, answer.body?.errors?.[0]?.extensions?.max]).toEqual([
        name,
        26 * 1001,
        SUBGRAPH_MAX_COST,
      ]);
    }
  });
});

describe("a caller's malformed request is the caller's error everywhere", () => {
  it('answers a body that is not JSON with 400 BAD_REQUEST', async () => {
    for (const body of ['{"query": ', 'not json', '{"query": "{ __typename }",}', '\u0000']) {
      for (const [, url] of endpoints) expectClean(await post(url, body), 400, 'BAD_REQUEST');
    }
  });

  it('answers an unreadable charset or encoding with 415', async () => {
    for (const [, url] of endpoints) {
      expectClean(
        await post(url, json('{ __typename }'), { 'content-type': 'application/json; charset=ebcdic' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectClean(await post(url, json('{ __typename }'), { 'content-encoding': 'br-nonsense' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers a body over 1 MB with 413', async () => {
    const big = json('{ __typename }', { padding: 'x'.repeat(1_100_000) });
    for (const [, url] of endpoints) expectClean(await post(url, big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an operationName that names no operation, or two unnamed operations, with 400', async () => {
    for (const [, url] of endpoints) {
      expectClean(await post(url, json('query A { __typename }', undefined, 'B')), 400, 'OPERATION_RESOLUTION_FAILURE');
      expectClean(await post(url, json('{ __typename } { __typename }')), 400, 'GRAPHQL_VALIDATION_FAILED');
      expectClean(await post(url, json('query A { __typename } query B { __typename }')), 400, 'OPERATION_RESOLUTION_FAILURE');
    }
  });

  it('answers a path nothing serves with a JSON 404', async () => {
    for (const [, url] of endpoints) {
      const response = await fetch(new URL('/nothing-here', url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/<html|<pre/i);
    }
  });

  it('refuses an Authorization header that is not exactly "Bearer <credential>" with 401', async () => {
    const headers = [
      'Bearer abc def',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Bearer pgk_' + 'a'.repeat(5000),
      'Bearer pgk_\u00e9\u00e9',
      'Bearer ' + 'x'.repeat(10_000),
      'bearer  ',
    ];
    for (const authorization of headers) {
      for (const [name, url] of endpoints) {
        const answer = await post(url, json('{ __typename }'), { authorization });
        expect([name, authorization.slice(0, 20), answer.status]).toEqual([name, authorization.slice(0, 20), 401]);
        expectClean(answer, 401, 'UNAUTHENTICATED');
      }
    }
  });
});

describe('every answer is for its caller alone, and costs no more bytes than it must', () => {
  it('says Cache-Control: no-store, carries no ETag and is compact JSON, served or refused, everywhere', async () => {
    for (const [name, url] of endpoints) {
      for (const query of ['{ __typename }', '{ nosuchfield }']) {
        const answer = await post(url, JSON.stringify({ query }));
        expect([name, query, answer.cacheControl, answer.etag]).toEqual([name, query, 'no-store', null]);
        // Apollo indents by default; nobody reads the whitespace.
        expect([name, answer.text]).toEqual([name, JSON.stringify(answer.body)]);
      }
    }
  });
});
