import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type IntrospectionQuery,
} from 'graphql';
import { bearer, graphqlClient } from '@peacegraph/kit/testing';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

/**
 * Cursors are bound to the list (table, order, direction) that handed them out: every list of the
 * graph refuses another list's cursor, or a forged one, as BAD_USER_INPUT on `after`, and still pages
 * through its own.
 */

let platform: PlatformUnderTest;
let everyone: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  platform = await startPlatform();
  const scope = ['directory', 'curriculum', 'conflicts', 'forums', 'mining', 'displacement']
    .flatMap((d) => [`${d}:read`, `${d}:sensitive`])
    .join(' ');
  everyone = graphqlClient(platform.gateway.url, { authorization: await bearer(ORGS.educators, `${scope} admin`) });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

const raw = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function plausible(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return plausible(type.ofType);
  if (isListType(type)) return [plausible(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, plausible(f.type)]),
    );
  }
  return (
    {
      String: 'peace',
      ID: '7d0f4e2a-4b1c-4c7e-9a55-3f1e2d3c4b5a',
      Int: 1,
      Float: 1,
      Boolean: true,
      Date: '2024-01-01',
      CountryCode: 'ML',
      PCode: 'ML03',
    }[type.name] ?? 'x'
  );
}

async function lists() {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const schema = buildClientSchema(((await response.json()) as { data: IntrospectionQuery }).data);
  return Object.values(schema.getQueryType()!.getFields()).filter((f) => f.args.some((a) => a.name === 'after'));
}

async function cursorOf(list: string): Promise<string> {
  const response = await everyone<Record<string, { edges: { cursor: string }[] }>>(`{ ${list}(first: 1) { edges { cursor } } }`);
  return response.data![list]!.edges[0]!.cursor;
}

it('refuses, in every list, the cursors of other lists and forged ones, on after', async () => {
  const fields = await lists();
  expect(fields.length).toBeGreaterThanOrEqual(42);
  const adminArea = await cursorOf('adminAreas');
  const language = await cursorOf('languages');
  const organisation = await cursorOf('organisations');
  const forged = [
    raw(['2021-13-01', 'Ségou']),
    raw(['AAAAAAAAAA', '2021-01-01', '7d0f4e2a-4b1c-4c7e-9a55-3f1e2d3c4b5a']),
    raw([raw([raw([1])])]),
    'A'.repeat(4000),
  ];
  const accepted: string[] = [];
  let sent = 0;
  for (const field of fields) {
    const foreign = [
      field.name === 'adminAreas' ? language : adminArea,
      field.name === 'organisations' ? language : organisation,
      ...forged,
    ];
    const required = field.args.filter((a) => isNonNullType(a.type) && a.name !== 'after');
    const declared = ['$after: String', ...required.map((a) => `$${a.name}: ${a.type.toString()}`)].join(', ');
    const passed = ['after: $after', ...required.map((a) => `${a.name}: $${a.name}`)].join(', ');
    const selection = getNamedType(field.type).name.endsWith('Connection') ? '{ edges { cursor } }' : '{ __typename }';
    for (const after of foreign) {
      sent += 1;
      const response = await everyone(`query Foreign(${declared}) { ${field.name}(${passed}) ${selection} }`, {
        after,
        ...Object.fromEntries(required.map((a) => [a.name, plausible(a.type)])),
      });
      const refusal = response.errors?.[0]?.extensions;
      if (refusal?.code !== 'BAD_USER_INPUT' || refusal.field !== 'after')
        accepted.push(`${field.name}: ${JSON.stringify(response).slice(0, 200)}`);
    }
  }
  expect(sent).toBe(fields.length * 6);
  expect(accepted).toEqual([]);
});

it('pages through its own list with its own cursors', async () => {
  for (const list of ['adminAreas', 'languages', 'organisations']) {
    const first = await everyone<Record<string, { edges: { cursor: string }[]; pageInfo: { endCursor: string } }>>(
      `{ ${list}(first: 2) { edges { cursor } pageInfo { endCursor } } }`,
    );
    const next = await everyone<Record<string, { edges: { cursor: string }[] }>>(
      `query($after: String) { ${list}(first: 2, after: $after) { edges { cursor } } }`,
      {
        after: first.data![list]!.pageInfo.endCursor,
      },
    );
    expect(next.errors).toBeUndefined();
    const seen = new Set(first.data![list]!.edges.map((e) => e.cursor));
    expect(next.data![list]!.edges.some((e) => seen.has(e.cursor))).toBe(false);
  }
});
