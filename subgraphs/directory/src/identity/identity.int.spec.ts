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

  it('holds a key to trusted documents when asked, and says so to the services that verify it', async () => {
    const issued = await admin<{ createApiKey: { key: string; apiKey: { id: string; trustedDocumentsOnly: boolean } } }>(
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id trustedDocumentsOnly } } }`,
      { input: { organisation: ORGS.educators, name: 'field app', scope: 'curriculum:read', trustedDocumentsOnly: true } },
    );
    expect(issued.data!.createApiKey.apiKey.trustedDocumentsOnly).toBe(true);
    const verify = (key: string) =>
      fetch(new URL('/identity/api-keys/verify', directory.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
      }).then((r) => r.json() as Promise<{ trustedDocumentsOnly: boolean }>);
    expect((await verify(issued.data!.createApiKey.key)).trustedDocumentsOnly).toBe(true);
    const plain = await admin<{ createApiKey: { key: string; apiKey: { trustedDocumentsOnly: boolean } } }>(
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { trustedDocumentsOnly } } }`,
      { input: { organisation: ORGS.educators, name: 'dashboard', scope: 'curriculum:read' } },
    );
    expect(plain.data!.createApiKey.apiKey.trustedDocumentsOnly).toBe(false);
    expect((await verify(plain.data!.createApiKey.key)).trustedDocumentsOnly).toBe(false);
  });

  it('answers NOT_FOUND when revoking an unknown key', async () => {
    const { errors } = await admin(`mutation { revokeApiKey(id: "00000000-0000-4000-8000-00000000dead") { id } }`);
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe("the admins' writes", () => {
  it('audits an organisation under itself and a key under its organisation, revoked once', async () => {
    const since = (await directory.db.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`)) as { id: string }[];
    const created = await admin<{ createOrganisation: { id: string } }>(
      `mutation { createOrganisation(input: { name: "Kayes Herders Union", kind: CSO_NETWORK, countries: ["ML"] }) { id } }`,
    );
    const herders = created.data!.createOrganisation.id;
    const renamed = await admin<{ updateOrganisation: { version: number } }>(
      `mutation ($id: ID!) { updateOrganisation(id: $id, version: 1, input: { acronym: "KHU" }) { version } }`,
      { id: herders },
    );
    expect(renamed.data!.updateOrganisation.version).toBe(2);
    const issued = await admin<{ createApiKey: { apiKey: { id: string } } }>(KEY, {
      input: { organisation: herders, name: 'herd counts', scope: 'displacement:write' },
    });
    const keyId = issued.data!.createApiKey.apiKey.id;
    const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`;
    const first = await admin<{ revokeApiKey: { revokedAt: string } }>(REVOKE, { id: keyId });
    const again = await admin<{ revokeApiKey: { revokedAt: string } }>(REVOKE, { id: keyId });
    expect(again.data!.revokeApiKey.revokedAt).toBe(first.data!.revokeApiKey.revokedAt);

    const writes = (await directory.db.dataSource.query(
      `SELECT operation, record_type, record_ids, fields, owner_org, actor_org FROM audit_log WHERE action = 'WRITE' AND id > $1 ORDER BY id`,
      [since[0]!.id],
    )) as Record<string, unknown>[];
    const audited = (operation: string, type: string, id: string, fields: string[], owner: string) => ({
      operation,
      record_type: type,
      record_ids: [id],
      fields,
      owner_org: owner,
      actor_org: ORGS.platform,
    });
    expect(writes).toEqual([
      audited('createOrganisation', 'Organisation', herders, ['name', 'kind', 'countries'], herders),
      audited('updateOrganisation', 'Organisation', herders, ['acronym'], herders),
      audited('createApiKey', 'ApiKey', keyId, ['organisation', 'name', 'scopes'], herders),
      audited('revokeApiKey', 'ApiKey', keyId, ['revokedAt'], herders),
      audited('revokeApiKey', 'ApiKey', keyId, ['revokedAt'], herders),
    ]);
  });

  it('refuses them to a partner who holds directory:write but is no admin, before looking at the input', async () => {
    const writer = directory.writer;
    const refused = [
      await writer(`mutation { createOrganisation(input: { name: "", kind: NGO, countries: [] }) { id } }`),
      await writer(KEY, { input: { organisation: ORGS.educators, name: '', scope: 'nothing' } }),
      await writer(`mutation { revokeApiKey(id: "00000000-0000-4000-8000-00000000dead") { id } }`),
    ];
    expect(refused.map((r) => r.errors![0]!.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });
});
