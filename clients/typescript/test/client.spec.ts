import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientErrorCode, createClient, documentIdOf, isMutation, PeaceGraphError, retryAfterMs, type ClientOptions } from '../src';

/**
 * The client against a real HTTP server on a free port: each test scripts what the server answers to
 * each attempt, and reads what the client sent.
 */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: { query?: string; documentId?: string; variables: Record<string, unknown>; operationName?: string };
  at: number;
}
type Reply = { status?: number; headers?: Record<string, string>; body?: unknown; raw?: string } | 'hang-up';
let server: http.Server;
let url: string;
let received: Received[];
let respond: (request: Received, attempt: number) => Reply;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), at: Date.now() };
      received.push(request);
      const reply = respond(request, received.length);
      if (reply === 'hang-up') {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/json',
        'x-request-id': `req-${received.length}`,
        ...reply.headers,
      });
      res.end(reply.raw ?? JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
});

const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ url, token: 'eyJ.test.token', clientName: 'spec', clientVersion: '1.2.3', retry: { baseDelayMs: 20 }, ...options });
const failure = async (promise: Promise<unknown>): Promise<PeaceGraphError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PeaceGraphError);
    return error as PeaceGraphError;
  }
  throw new Error('expected a PeaceGraphError');
};
const retryable = (code: string, serviceName = 'mining') => ({
  message: `${code} here`,
  extensions: { code, serviceName, retryable: true },
});

describe('what the client sends', () => {
  it('sends the credential, the purpose, the client name and version, and the variables', async () => {
    respond = () => ({ body: { data: { viewer: { kind: 'TOKEN' } } } });
    const data = await client({ purpose: 'quarterly report' }).request<{ viewer: { kind: string } }>(
      'query Who($x: Int) { viewer { kind } }',
      {
        x: 1,
      },
    );
    expect(data).toEqual({ viewer: { kind: 'TOKEN' } });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers).toMatchObject({
      authorization: 'Bearer eyJ.test.token',
      'x-purpose': 'quarterly report',
      'graphql-client-name': 'spec',
      'graphql-client-version': '1.2.3',
      'content-type': 'application/json',
    });
    expect(received[0]!.body).toEqual({ query: 'query Who($x: Int) { viewer { kind } }', variables: { x: 1 } });
  });

  it('sends an API key the same way, a purpose per request, and no credential when it has none', async () => {
    respond = () => ({ body: { data: {} } });
    await client({ token: undefined, apiKey: 'pgk_abc' }).request('{ __typename }', undefined, { purpose: 'audit' });
    await client({ token: undefined }).request('{ __typename }');
    expect(received[0]!.headers.authorization).toBe('Bearer pgk_abc');
    expect(received[0]!.headers['x-purpose']).toBe('audit');
    expect(received[1]!.headers.authorization).toBeUndefined();
    expect(received[1]!.headers['x-purpose']).toBeUndefined();
    expect(() => createClient({ url, token: 't', apiKey: 'pgk_x', clientName: 'a', clientVersion: '1' })).toThrow('not both');
  });

  it('sends a document as its registered id with persistedDocuments', async () => {
    respond = (request) =>
      request.body.documentId === documentIdOf('{ viewer { kind } }')
        ? { body: { data: { viewer: { kind: 'API_KEY' } } } }
        : { body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } };
    const trusted = client({ token: undefined, apiKey: 'pgk_trusted', persistedDocuments: true });
    expect(await trusted.request('{ viewer { kind } }', { a: 1 })).toEqual({ viewer: { kind: 'API_KEY' } });
    expect(received[0]!.body).toEqual({
      documentId: 'sha256:' + createHash('sha256').update('{ viewer { kind } }').digest('hex'),
      variables: { a: 1 },
    });
    expect((await failure(trusted.request('{ viewer { subject } }'))).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(received).toHaveLength(2);
  });

  it('refuses at once a header no HTTP request can carry, without sending anything', async () => {
    respond = () => ({ body: { data: {} } });
    expect(() => client({ purpose: 'the donor’s report' })).toThrow('x-purpose header may hold only Latin-1');
    await expect(client().request('{ n }', undefined, { purpose: 'line\nbreak' })).rejects.toThrow('x-purpose header');
    expect(await client().request('{ n }', undefined, { purpose: 'rapport trimestriel à la DGAT' })).toEqual({});
    expect(received).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a 503 after its Retry-After, then answers', async () => {
    respond = (_, attempt) =>
      attempt === 1
        ? {
            status: 503,
            headers: { 'retry-after': '1' },
            body: { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } }] },
          }
        : { body: { data: { n: 1 } } };
    expect(await client().request('{ n }')).toEqual({ n: 1 });
    expect(received).toHaveLength(2);
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a 429 without Retry-After after the back-off, and a mutation too: nothing ran', async () => {
    respond = (_, attempt) =>
      attempt < 3
        ? { status: 429, body: { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] } }
        : { body: { data: { createThing: { id: '1' } } } };
    expect(await client().request('mutation { createThing { id } }')).toEqual({ createThing: { id: '1' } });
    expect(received).toHaveLength(3);
    // 20 ms, then 40 ms.
    expect(received[2]!.at - received[1]!.at).toBeGreaterThanOrEqual(35);
  });

  it('gives up at once when Retry-After asks for longer than the longest pause', async () => {
    respond = () => ({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] },
    });
    const error = await failure(client().request('{ n }'));
    expect(received).toHaveLength(1);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, message: 'Too many requests', requestId: 'req-1' });
  });

  it('retries an answer whose every error is retryable with back-off, up to the attempts allowed', async () => {
    respond = () => ({ body: { data: { miningSites: null }, errors: [retryable('SUBGRAPH_TIMEOUT')] } });
    const error = await failure(client({ retry: { attempts: 3, baseDelayMs: 30 } }).request('{ miningSites { totalCount } }'));
    expect(received).toHaveLength(3);
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(25);
    expect(received[2]!.at - received[1]!.at).toBeGreaterThanOrEqual(55);
    expect(error).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', retryable: true, serviceName: 'mining', status: 200 });
    expect(error.data).toEqual({ miningSites: null });
  });

  it('answers once a retryable error clears', async () => {
    respond = (_, attempt) =>
      attempt < 3 ? { body: { data: null, errors: [retryable('QUERY_TIMEOUT', 'conflicts')] } } : { body: { data: { n: 3 } } };
    expect(await client().request('{ n }')).toEqual({ n: 3 });
    expect(received).toHaveLength(3);
  });

  it('does not retry when one error is the caller’s to fix', async () => {
    respond = () => ({
      body: {
        data: { a: null, b: null },
        errors: [retryable('SUBGRAPH_UNAVAILABLE'), { message: 'no', extensions: { code: 'FORBIDDEN' } }],
      },
    });
    const error = await failure(client().request('{ a b }'));
    expect(received).toHaveLength(1);
    expect(error.errors.map((e) => e.code)).toEqual(['SUBGRAPH_UNAVAILABLE', 'FORBIDDEN']);
  });

  it('does not retry a mutation after a retryable error unless told that mutations are idempotent', async () => {
    respond = (_, attempt) =>
      attempt === 1
        ? { body: { data: { m: null }, errors: [retryable('SERVICE_UNAVAILABLE', 'conflicts')] } }
        : { body: { data: { m: 1 } } };
    const document = '# a comment with query\nmutation Record($input: X!) { m(input: $input) }';
    expect((await failure(client().request(document))).code).toBe('SERVICE_UNAVAILABLE');
    expect(received).toHaveLength(1);
    received = [];
    expect(await client({ retry: { baseDelayMs: 10, mutations: true } }).request(document)).toEqual({ m: 1 });
    expect(received).toHaveLength(2);
  });

  it('retries a query whose connection was cut, and says NETWORK_ERROR when it never got an answer', async () => {
    respond = (_, attempt) => (attempt === 1 ? 'hang-up' : { body: { data: { n: 2 } } });
    expect(await client().request('{ n }')).toEqual({ n: 2 });
    expect(received).toHaveLength(2);
    received = [];
    respond = () => 'hang-up';
    const error = await failure(client({ retry: { attempts: 2, baseDelayMs: 10 } }).request('{ n }'));
    expect(received).toHaveLength(2);
    expect(error).toMatchObject({ code: ClientErrorCode.NETWORK_ERROR, retryable: true, status: undefined });
    received = [];
    await failure(client().request('mutation { m }'));
    expect(received).toHaveLength(1);
  });

  it('attempts once with attempts: 1', async () => {
    respond = () => ({ status: 503, body: { errors: [retryable('SERVICE_UNAVAILABLE')] } });
    expect((await failure(client({ retry: { attempts: 1 } }).request('{ n }'))).status).toBe(503);
    expect(received).toHaveLength(1);
  });
});

describe('typed errors', () => {
  it('maps BAD_USER_INPUT with its field, every problem, its service and path, and keeps the data', async () => {
    const problems = [
      { field: 'input.reportedOn', message: 'The date is in the future' },
      { field: 'input.parties', message: 'At least two parties', details: { min: 2 } },
    ];
    respond = () => ({
      body: {
        data: { reportConflictCase: null },
        errors: [
          {
            message: 'The date is in the future',
            path: ['reportConflictCase'],
            extensions: { code: 'BAD_USER_INPUT', field: 'input.reportedOn', problems, serviceName: 'conflicts' },
          },
        ],
      },
    });
    const error = await failure(client().request('mutation { reportConflictCase { id } }'));
    expect(error).toMatchObject({
      name: 'PeaceGraphError',
      code: 'BAD_USER_INPUT',
      field: 'input.reportedOn',
      problems,
      retryable: false,
      serviceName: 'conflicts',
      path: ['reportConflictCase'],
      status: 200,
      requestId: 'req-1',
    });
    expect(error.data).toEqual({ reportConflictCase: null });
    expect(error.errors).toEqual([error]);
  });

  it('gives a single refusal its field as its one problem, and a 401 its status', async () => {
    respond = () => ({ body: { data: null, errors: [{ message: 'Bad date', extensions: { code: 'BAD_USER_INPUT', field: 'from' } }] } });
    expect((await failure(client().request('{ n }'))).problems).toEqual([{ field: 'from', message: 'Bad date' }]);
    respond = () => ({
      status: 401,
      body: { errors: [{ message: 'A valid bearer token or API key is required', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect(await failure(client().request('{ n }'))).toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
      retryable: false,
      problems: [],
    });
    expect(received).toHaveLength(2);
  });

  it('answers data and errors side by side with execute', async () => {
    respond = () => ({
      body: { data: { adminAreas: { totalCount: 10 }, miningSites: null }, errors: [{ ...retryable('SUBGRAPH_UNAVAILABLE') }] },
    });
    const result = await client({ retry: { attempts: 1 } }).execute('{ adminAreas { totalCount } miningSites { totalCount } }');
    expect(result.data).toEqual({ adminAreas: { totalCount: 10 }, miningSites: null });
    expect(result.errors.map((e) => [e.code, e.serviceName, e.retryable])).toEqual([['SUBGRAPH_UNAVAILABLE', 'mining', true]]);
  });

  it('says BAD_RESPONSE for an answer that is not GraphQL, after retrying a 503', async () => {
    respond = () => ({ status: 503, headers: { 'content-type': 'text/html' }, raw: '<html>Bad gateway</html>' });
    const error = await failure(client({ retry: { attempts: 2, baseDelayMs: 5 } }).request('{ n }'));
    expect(received).toHaveLength(2);
    expect(error).toMatchObject({ code: ClientErrorCode.BAD_RESPONSE, status: 503 });
    expect(error.extensions.body).toBe('<html>Bad gateway</html>');
  });

  it('does not send a mutation again after a 503 from something that is not the platform (it may have gone through)', async () => {
    respond = () => ({ status: 503, headers: { 'content-type': 'text/html' }, raw: '<html>Service Unavailable</html>' });
    const error = await failure(client({ retry: { attempts: 3, baseDelayMs: 5 } }).request('mutation { reportConflictCase { id } }'));
    expect(received).toHaveLength(1);
    expect(error).toMatchObject({ code: ClientErrorCode.BAD_RESPONSE, status: 503 });
  });

  it("sends a mutation again after the platform's own 503, which refuses a request whole", async () => {
    respond = (_request, attempt) =>
      attempt === 1 ? { status: 503, body: { errors: [retryable('SERVICE_UNAVAILABLE')] } } : { status: 200, body: { data: { n: 1 } } };
    expect(await client({ retry: { attempts: 3, baseDelayMs: 5 } }).request('mutation { n }')).toEqual({ n: 1 });
    expect(received).toHaveLength(2);
  });
});

describe('pagination', () => {
  const ITEMS = Array.from({ length: 45 }, (_, i) => ({ id: `c${i + 1}` }));
  const page = (variables: Record<string, unknown>) => {
    const start = variables.after ? Number(String(variables.after).slice(7)) : 0;
    const slice = ITEMS.slice(start, start + Number(variables.first ?? 20));
    return {
      cohorts: {
        edges: slice.map((node) => ({ node })),
        pageInfo: { hasNextPage: start + slice.length < ITEMS.length, endCursor: slice.length ? `cursor:${start + slice.length}` : null },
      },
    };
  };
  const QUERY =
    'query ($first: Int, $after: String) { cohorts(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
  type Page = ReturnType<typeof page>;

  it('follows endCursor with after until hasNextPage is false', async () => {
    respond = (request) => ({ body: { data: page(request.body.variables) } });
    const ids: string[] = [];
    for await (const node of client().paginate(QUERY, { first: 20 }, (data: Page) => data.cohorts)) ids.push(node.id);
    expect(ids).toEqual(ITEMS.map((i) => i.id));
    expect(received.map((r) => r.body.variables)).toEqual([
      { first: 20, after: null },
      { first: 20, after: 'cursor:20' },
      { first: 20, after: 'cursor:40' },
    ]);
  });

  it('asks for no more pages than the caller reads', async () => {
    respond = (request) => ({ body: { data: page(request.body.variables) } });
    const ids: string[] = [];
    for await (const node of client().paginate(QUERY, { first: 10 }, (data: Page) => data.cohorts)) {
      ids.push(node.id);
      if (ids.length === 12) break;
    }
    expect(received).toHaveLength(2);
  });

  it('stops on a null list, and refuses a list that says it has more but gives no new cursor', async () => {
    respond = () => ({ body: { data: { cohorts: null } } });
    const none: unknown[] = [];
    for await (const node of client().paginate(QUERY, {}, (data: { cohorts: null }) => data.cohorts)) none.push(node);
    expect(none).toEqual([]);
    respond = () => ({
      body: { data: { cohorts: { edges: [{ node: { id: 'x' } }], pageInfo: { hasNextPage: true, endCursor: 'same' } } } },
    });
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const node of client().paginate(QUERY, {}, (data: Page) => data.cohorts)) seen.push(node.id);
      })(),
    );
    expect(error.code).toBe(ClientErrorCode.BAD_RESPONSE);
    expect(seen).toEqual(['x', 'x']);
  });

  it('throws the page’s error, retried first when retryable', async () => {
    respond = (request, attempt) =>
      attempt === 2
        ? { body: { data: { cohorts: null }, errors: [retryable('SUBGRAPH_TIMEOUT', 'curriculum')] } }
        : { body: { data: page(request.body.variables) } };
    const ids: string[] = [];
    for await (const node of client().paginate(QUERY, { first: 40 }, (data: Page) => data.cohorts)) ids.push(node.id);
    expect(ids).toHaveLength(45);
    expect(received).toHaveLength(3);
  });
});

describe('reading documents and headers', () => {
  it('knows which operation is a mutation', () => {
    expect(isMutation('{ a }')).toBe(false);
    expect(isMutation('query { a }')).toBe(false);
    expect(isMutation('  mutation M { a }')).toBe(true);
    expect(isMutation('# mutation\nquery Q { a(text: "mutation { }") }')).toBe(false);
    expect(isMutation('fragment F on Q { a } mutation { ...F }')).toBe(true);
    expect(isMutation('query A { a } mutation B { b }', 'B')).toBe(true);
    expect(isMutation('query A { a } mutation B { b }', 'A')).toBe(false);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
