import { ORGS, startDirectory, type DirectoryUnderTest } from '../../test/support';

let directory: DirectoryUnderTest;
let admin: DirectoryUnderTest['request'];
beforeAll(async () => {
  directory = await startDirectory();
  admin = await directory.as(ORGS.platform, 'admin');
});
afterAll(() => directory.stop());

const KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`;

describe('issuing API keys', () => {
  const refusals: [string, Record<string, unknown>, string, RegExp][] = [
    ['an unknown scope', { scope: 'conflicts:read everything' }, 'input.scope', /Unknown scope: everything/],
    ['no scope', { scope: '  ' }, 'input.scope', /at least one scope/],
    ['an empty name', { name: '' }, 'input.name', /name that says what it is for/],
    ['an unknown organisation', { organisation: '00000000-0000-4000-8000-00000000dead' }, 'input.organisation', /No organisation/],
  ];
  it.each(refusals)('refuses %s, names the field, and writes nothing', async (_label, change, field, message) => {
    const { errors } = await admin(KEY, { input: { organisation: ORGS.educators, name: 'sync', scope: 'curriculum:write', ...change } });
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(await directory.rows('api_key')).toBe(0);
  });

  it('lists keys: admins any organisation, partners only their own', async () => {
    await admin(KEY, { input: { organisation: ORGS.educators, name: 'attendance sync', scope: 'curriculum:write' } });
    await admin(KEY, { input: { organisation: ORGS.mediators, name: 'case sync', scope: 'conflicts:write' } });
    const LIST = `{ apiKeys { totalCount edges { node { name organisation { id } } } } }`;
    const all = await admin<{ apiKeys: { totalCount: number } }>(LIST);
    expect(all.data!.apiKeys.totalCount).toBe(2);
    const educators = await directory.as(ORGS.educators, 'curriculum:read');
    const own = await educators<{ apiKeys: { edges: { node: { name: string } }[] } }>(LIST);
    expect(own.data!.apiKeys.edges.map((e) => e.node.name)).toEqual(['attendance sync']);
    const other = await educators(`query ($org: ID!) { apiKeys(organisation: $org) { totalCount } }`, { org: ORGS.mediators });
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND when revoking an unknown key', async () => {
    const { errors } = await admin(`mutation { revokeApiKey(id: "00000000-0000-4000-8000-00000000dead") { id } }`);
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
