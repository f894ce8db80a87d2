import { startDeployableSubgraph, type DeployableSubgraph } from './fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from './support';

/**
 * What an attacker or a careless CI script sends the registry, in every text argument of every
 * operation, as an admin (who may do the most): the answer is the caller's error or an answer — never
 * a 5xx, never INTERNAL_SERVER_ERROR, never SQL, a stack or a path — and nothing live changes.
 */
const HOSTILE: [string, unknown][] = [
  ['NUL', 'a\u0000b'],
  ['C0 controls', '\u0007bell\u001Bescape'],
  ['lone surrogate', 'half \uD800 pair'],
  ['100 KB', 'x'.repeat(100_000)],
  ['empty', ''],
  ['whitespace', ' \t\n '],
  ['right-to-left override', 'abc\u202Edef'],
  ['SQL', "x'); DROP TABLE launch; --"],
  ['path', '../../../etc/passwd'],
  ['SDL directive injection', 'type Query { a: Int } directive @x on FIELD'],
  ['number', 42],
  ['object', { $gt: '' }],
  ['list', ['a', 'b']],
  ['null', null],
];

const SDL = `type Visit @key(fields: "id") @partner {\n  id: ID!\n}\ntype Query @public {\n  visit(id: ID!): Visit\n}\n`;

/** Each operation with the variables it takes; every string variable is replaced by each value in turn. */
const OPERATIONS: [string, string, Record<string, unknown>][] = [
  [
    'registerSubgraph',
    `mutation ($name: String!, $url: String!, $owner: ID) { registerSubgraph(input: { name: $name, routingUrl: $url, ownerOrganisationId: $owner }) { name } }`,
    { name: 'visits', url: 'http://127.0.0.1:1/graphql', owner: ORGS.educators },
  ],
  [
    'checkSchema',
    `mutation ($subgraph: String!, $sdl: String!) { checkSchema(input: { subgraph: $subgraph, sdl: $sdl }) { passed } }`,
    { subgraph: 'visits', sdl: SDL },
  ],
  [
    'publishSchema',
    `mutation ($subgraph: String!, $sdl: String!, $url: String, $message: String) { publishSchema(input: { subgraph: $subgraph, sdl: $sdl, routingUrl: $url, message: $message }) { outcome } }`,
    { subgraph: 'visits', sdl: SDL, url: 'http://127.0.0.1:1/graphql', message: 'm' },
  ],
  [
    'approveCheck',
    `mutation ($id: ID!, $reason: String) { approveCheck(id: $id, reason: $reason) { id } }`,
    { id: '00000000-0000-4000-8000-00000000dead', reason: 'r' },
  ],
  [
    'rollback',
    `mutation ($id: ID!, $reason: String!) { rollback(compositionId: $id, reason: $reason) { id } }`,
    { id: '00000000-0000-4000-8000-00000000dead', reason: 'r' },
  ],
  ['registerClientApplication', `mutation ($name: String!) { registerClientApplication(name: $name) { id } }`, { name: 'field app' }],
  [
    'diff',
    `query ($from: ID!, $to: ID!) { diff(from: $from, to: $to) { fromSdl } }`,
    { from: '00000000-0000-4000-8000-00000000dead', to: '00000000-0000-4000-8000-00000000beef' },
  ],
  ['fieldUsage', `query ($c: [String!]!) { fieldUsage(coordinates: $c) { count } }`, { c: ['Query.visit'] }],
  [
    'schemaFields',
    `query ($id: ID) { schemaFields(compositionId: $id) { coordinate count } }`,
    { id: '00000000-0000-4000-8000-00000000dead' },
  ],
  ['operations', `query ($client: String) { operations(client: $client) { name } }`, { client: 'x' }],
  [
    'schemaVersions',
    `query ($subgraph: String, $after: String) { schemaVersions(subgraph: $subgraph, after: $after) { nodes { id } } }`,
    { subgraph: 'visits', after: null },
  ],
  [
    'registryAuditLog',
    `query ($actor: String, $action: String, $after: String) { registryAuditLog(filter: { actor: $actor, action: $action }, after: $after) { nodes { id } } }`,
    { actor: 'a', action: 'b', after: null },
  ],
];

let registry: RegistryUnderTest;
let visits: DeployableSubgraph;

beforeAll(async () => {
  registry = await startRegistryForTest();
  visits = await startDeployableSubgraph(SDL);
  await registry.admin(`mutation ($url: String!) { registerSubgraph(input: { name: "visits", routingUrl: $url }) { name } }`, {
    url: visits.url,
  });
  await registry.admin(`mutation ($sdl: String!) { publishSchema(input: { subgraph: "visits", sdl: $sdl }) { outcome } }`, { sdl: SDL });
});
afterAll(async () => {
  await visits?.stop();
  await registry?.stop();
});

describe.each(OPERATIONS)('%s', (_name, query, base) => {
  const strings = Object.keys(base);
  test.each(strings.flatMap((variable) => HOSTILE.map(([label, value]) => [variable, label, value] as const)))(
    '%s = %s',
    async (variable, _label, value) => {
      const live = await registry.rows('launch');
      const response = await registry.admin(query, { ...base, [variable]: value });
      expect(response.status).toBeLessThan(500);
      for (const error of response.errors ?? []) {
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(JSON.stringify(error)).not.toMatch(/SELECT|INSERT|node_modules|\/work\/|at .*\.ts:\d+/);
      }
      expect(await registry.rows('launch')).toBe(live);
    },
  );
});
