import { ok } from '@peacegraph/kit/testing';
import { startDeployableSubgraph, type DeployableSubgraph } from './fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from './support';

const REPORTS = `
type Report @key(fields: "id") @partner {
  id: ID!
  title: String
}
type Query @public {
  report(id: ID!): Report
}
`;
const VISITS = `
type Visit @key(fields: "id") @partner {
  id: ID!
  place: String
}
type Query @public {
  visit(id: ID!): Visit
}
`;
const CHECK = `mutation ($input: SchemaInput!) { checkSchema(input: $input) {
  id passed composed findings { kind severity code message subgraph line column coordinate } } }`;
const PUBLISH = `mutation ($input: PublishInput!) { publishSchema(input: $input) { outcome reasons launch { composition { id members { subgraph } } } } }`;

type Finding = {
  kind: string;
  severity: string;
  code: string;
  message: string;
  subgraph: string | null;
  line: number | null;
  column: number | null;
};

let registry: RegistryUnderTest;
let reports: DeployableSubgraph;
let visits: DeployableSubgraph;

beforeAll(async () => {
  registry = await startRegistryForTest();
  [reports, visits] = await Promise.all([startDeployableSubgraph(REPORTS), startDeployableSubgraph(VISITS)]);
  for (const [name, url] of [
    ['reports', reports.url],
    ['visits', visits.url],
  ] as const) {
    await ok(registry.admin, `mutation ($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name } }`, {
      input: { name, routingUrl: url, ownerOrganisationId: ORGS.educators },
    });
  }
});
afterAll(async () => {
  await Promise.all([reports?.stop(), visits?.stop()]);
  await registry?.stop();
});

async function check(sdl: string, subgraph = 'reports'): Promise<{ passed: boolean; composed: boolean; findings: Finding[] }> {
  return (
    await ok<{ checkSchema: { passed: boolean; composed: boolean; findings: Finding[] } }>(registry.educators, CHECK, {
      input: { subgraph, sdl },
    })
  ).checkSchema;
}

test('two publishes at once are both recorded, composed one after the other', async () => {
  const [a, b] = await Promise.all([
    ok<{ publishSchema: { outcome: string } }>(registry.educators, PUBLISH, { input: { subgraph: 'reports', sdl: REPORTS } }),
    ok<{ publishSchema: { outcome: string } }>(registry.educators, PUBLISH, { input: { subgraph: 'visits', sdl: VISITS } }),
  ]);
  expect([a.publishSchema.outcome, b.publishSchema.outcome]).toEqual(['LAUNCHED', 'LAUNCHED']);
  expect(await registry.rows('launch')).toBe(2);
  const live = await ok<{ liveComposition: { members: { subgraph: string }[] } }>(
    registry.admin,
    `{ liveComposition { members { subgraph } } }`,
  );
  expect(live.liveComposition.members.map((m) => m.subgraph)).toEqual(['reports', 'visits']);
});

test('a schema that does not parse fails its check at its line and column', async () => {
  const { passed, composed, findings } = await check('type Report @key(fields: "id") {\n  id: ID!\n  title String\n}\n');
  expect({ passed, composed }).toEqual({ passed: false, composed: false });
  expect(findings).toEqual([
    expect.objectContaining({ kind: 'COMPOSITION', code: 'INVALID_GRAPHQL', subgraph: 'reports', line: 3, column: 9 }),
  ]);
});

test('a field typed differently from another subgraph fails composition, naming both', async () => {
  const clash = `${REPORTS}\ntype Visit @key(fields: "id") @partner {\n  id: ID!\n  place: Int @shareable\n}\n`;
  const { passed, composed, findings } = await check(clash);
  expect({ passed, composed }).toEqual({ passed: false, composed: false });
  const composition = findings.filter((f) => f.kind === 'COMPOSITION');
  expect(composition.length).toBeGreaterThan(0);
  expect(composition.map((f) => f.message).join('\n')).toMatch(/Visit\.place/);
});

test('policy: a field with no data class and a non-null root field fail, at their lines', async () => {
  const sdl = 'type Report @key(fields: "id") {\n  id: ID!\n  title: String\n}\ntype Query @public {\n  report(id: ID!): Report!\n}\n';
  const { passed, findings } = await check(sdl);
  expect(passed).toBe(false);
  const policy = findings.filter((f) => f.kind === 'POLICY' && f.severity === 'ERROR');
  expect(policy).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ code: 'DATA_CLASS', line: 2, column: 3 }),
      expect.objectContaining({ code: 'DATA_CLASS', line: 3, column: 3 }),
      expect.objectContaining({ code: 'NULLABLE_ROOT_FIELDS', line: 6 }),
    ]),
  );
});

test('an admin sets a rule to warn; a partner may not', async () => {
  const sdl = REPORTS.replace('  title: String', '  title: String\n  summary: String @shareable').replace('@partner', '');
  const set = `mutation ($level: PolicyLevel!) { setPolicyRule(rule: DATA_CLASS, level: $level) { rule level } }`;
  expect((await registry.educators(set, { level: 'WARNING' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  await ok(registry.admin, set, { level: 'WARNING' });
  const warned = await check(sdl);
  expect(warned.findings.filter((f) => f.code === 'DATA_CLASS').map((f) => f.severity)).toEqual(['WARNING', 'WARNING', 'WARNING']);
  expect(warned.passed).toBe(true);
  await ok(registry.admin, set, { level: 'ERROR' });
  expect((await check(sdl)).passed).toBe(false);
});

test('an owner and a client application belong to organisations the directory knows', async () => {
  const register = `mutation ($url: String!, $owner: ID) { registerSubgraph(input: { name: "reports", routingUrl: $url, ownerOrganisationId: $owner }) { ownerOrganisationId } }`;
  const unknown = await registry.admin(register, { url: reports.url, owner: '00000000-0000-4000-8000-00000000dead' });
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerOrganisationId' });
  const client = `mutation ($name: String!, $owner: ID) { registerClientApplication(name: $name, ownerOrganisationId: $owner) { name ownerOrganisationId } }`;
  const own = await ok<{ registerClientApplication: { name: string; ownerOrganisationId: string } }>(registry.educators, client, {
    name: 'field app',
  });
  expect(own.registerClientApplication).toEqual({ name: 'field app', ownerOrganisationId: ORGS.educators });
  expect((await registry.educators(client, { name: 'field app' })).errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'name',
  });
  expect((await registry.educators(client, { name: 'theirs', owner: ORGS.mediators })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(
    (await registry.admin(client, { name: 'ghost', owner: '00000000-0000-4000-8000-00000000dead' })).errors?.[0]?.extensions?.field,
  ).toBe('ownerOrganisationId');
  const listed = await ok<{ clientApplications: { name: string }[] }>(registry.mediators, `{ clientApplications { name } }`);
  expect(listed.clientApplications.map((c) => c.name)).toEqual(['field app']);
});

test('an oversized or unreadable usage report is refused whole', async () => {
  const post = (body: string) =>
    fetch(`${registry.base}/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: registry.gatewayAuthorization },
      body,
    });
  const huge = await post(
    JSON.stringify({ gateway: 'g', compositionId: null, dropped: 0, operations: [], padding: 'x'.repeat(6 * 1024 * 1024) }),
  );
  expect(huge.status).toBe(413);
  expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  const garbled = await post('{"gateway": "g", "operations": [');
  expect(garbled.status).toBe(400);
  const tooMany = await post(
    JSON.stringify({ gateway: 'g', compositionId: null, dropped: 0, operations: Array.from({ length: 5001 }, () => ({})) }),
  );
  expect(tooMany.status).toBe(400);
  expect(((await tooMany.json()) as { error: { problems: string[] } }).error.problems[0]).toMatch(/at most 5000 per report/);
  expect(await registry.rows('operation')).toBe(0);
});

describe('bad input changes nothing', () => {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await counts();
  });
  afterEach(async () => expect(await counts()).toEqual(before));

  async function counts() {
    return Object.fromEntries(
      await Promise.all(
        ['schema_check', 'schema_version', 'subgraph', 'launch', 'composition'].map(async (t) => [t, await registry.rows(t)] as const),
      ),
    );
  }
  async function refusal(query: string, variables: Record<string, unknown>) {
    const { errors } = await registry.admin(query, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return errors![0]!.extensions!;
  }

  test.each(['', 'A', 'Reports', '1abc', 'a'.repeat(41), 'a b', "x'; DROP TABLE subgraph; --", '../etc', 'ré'])(
    'subgraph name %j',
    async (name) => {
      const extensions = await refusal(PUBLISH, { input: { subgraph: name, sdl: REPORTS, routingUrl: reports.url } });
      expect(extensions.field).toBe('input.subgraph');
    },
  );

  test.each([
    'ftp://example.org/graphql',
    'not a url',
    'http://user:secret@example.org/graphql',
    'javascript:alert(1)',
    `http://x/${'a'.repeat(500)}`,
  ])('routing URL %j', async (routingUrl) => {
    const extensions = await refusal(PUBLISH, { input: { subgraph: 'newcomer', sdl: REPORTS, routingUrl } });
    expect(extensions.field).toBe('input.routingUrl');
  });

  test.each([0, 367, -5])('usage window of %j days', async (usageDays) => {
    expect((await refusal(CHECK, { input: { subgraph: 'reports', sdl: REPORTS, usageDays } })).field).toBe('input.usageDays');
  });

  test('an empty or oversized schema', async () => {
    expect((await refusal(CHECK, { input: { subgraph: 'reports', sdl: '   ' } })).field).toBe('input.sdl');
    const huge = `${REPORTS}\n${'# padding\n'.repeat(30_000)}`;
    const extensions = await refusal(CHECK, { input: { subgraph: 'reports', sdl: huge } });
    expect(extensions.field).toBe('input.sdl');
    const { status, errors } = await registry.admin(CHECK, { input: { subgraph: 'reports', sdl: huge.repeat(3) } });
    expect({ status, code: errors?.[0]?.extensions?.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  test('a first publish without a routing URL', async () => {
    expect((await refusal(PUBLISH, { input: { subgraph: 'newcomer', sdl: REPORTS } })).field).toBe('input.routingUrl');
  });

  test.each(['not-an-id', "1' OR '1'='1", '00000000-0000-4000-8000-00000000000'])('id %j', async (id) => {
    await refusal(`query ($id: ID!) { check(id: $id) { id } }`, { id });
    await refusal(`query ($id: ID!) { schemaVersion(id: $id) { id } }`, { id });
  });

  test('a forged cursor', async () => {
    await refusal(`{ schemaVersions(after: "bm90LWEtY3Vyc29y") { nodes { id } } }`, {});
    await refusal(`{ launches(after: "x") { nodes { id } } }`, {});
  });

  test('anonymous callers read nothing', async () => {
    const response = await fetch(registry.running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ subgraphs { name } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
