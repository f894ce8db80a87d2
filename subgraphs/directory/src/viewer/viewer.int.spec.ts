import { bearer, graphqlClient } from '@peacegraph/kit/testing';
import { ORGS, startDirectory, type DirectoryUnderTest } from '../../test/support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

const VIEWER = `{ viewer { signedIn subject organisation { id name domains } scopes admin credential expiresAt } }`;
type Answer = {
  viewer: {
    signedIn: boolean;
    subject: string | null;
    organisation: { id: string; name: string; domains: string[] } | null;
    scopes: string[];
    admin: boolean;
    credential: string | null;
    expiresAt: string | null;
  };
};

describe('viewer: who the platform takes the caller to be', () => {
  it('a token: its subject, organisation, scopes sorted, and when it stops working', async () => {
    const before = Date.now();
    const educator = graphqlClient(directory.url, {
      authorization: await bearer(ORGS.educators, 'curriculum:write directory:read', { subject: 'amina.k', ttl: '2h' }),
    });
    const { data, errors } = await educator<Answer>(VIEWER);
    expect(errors).toBeUndefined();
    expect(data!.viewer).toEqual({
      signedIn: true,
      subject: 'amina.k',
      organisation: { id: ORGS.educators, name: 'Village Educators Network', domains: ['CURRICULUM'] },
      scopes: ['curriculum:write', 'directory:read'],
      admin: false,
      credential: 'TOKEN',
      expiresAt: expect.any(String),
    });
    const expires = Date.parse(data!.viewer.expiresAt!);
    // Two hours from when it was signed, to the second (a JWT's exp has no milliseconds).
    expect(expires - before).toBeGreaterThan(2 * 3600_000 - 2000);
    expect(expires - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
  });

  it('an API key: api-key:<prefix>, its organisation and scopes, no expiry', async () => {
    const admin = await directory.as(ORGS.platform, 'admin');
    const created = await admin<{ createApiKey: { key: string; apiKey: { prefix: string } } }>(
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { prefix } } }`,
      { input: { organisation: ORGS.mediators, name: 'case sync', scope: 'conflicts:write conflicts:read' } },
    );
    const { key, apiKey } = created.data!.createApiKey;
    const machine = graphqlClient(directory.url, { authorization: `Bearer ${key}` });
    const { data } = await machine<Answer>(VIEWER);
    expect(data!.viewer).toEqual({
      signedIn: true,
      subject: `api-key:${apiKey.prefix}`,
      organisation: { id: ORGS.mediators, name: 'Sahel Mediators', domains: ['CONFLICTS'] },
      scopes: ['conflicts:read', 'conflicts:write'],
      admin: false,
      credential: 'API_KEY',
      expiresAt: null,
    });
  });

  it('a key held to trusted documents says so; others do not', async () => {
    const admin = await directory.as(ORGS.platform, 'admin');
    const QUERY = '{ viewer { trustedDocumentsOnly } }';
    const keyed = async (trustedDocumentsOnly: boolean) => {
      const created = await admin<{ createApiKey: { key: string } }>(
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
        { input: { organisation: ORGS.educators, name: `app ${trustedDocumentsOnly}`, scope: 'curriculum:read', trustedDocumentsOnly } },
      );
      const client = graphqlClient(directory.url, { authorization: `Bearer ${created.data!.createApiKey.key}` });
      return (await client<{ viewer: { trustedDocumentsOnly: boolean } }>(QUERY)).data!.viewer.trustedDocumentsOnly;
    };
    expect(await keyed(true)).toBe(true);
    expect(await keyed(false)).toBe(false);
    expect((await admin<{ viewer: { trustedDocumentsOnly: boolean } }>(QUERY)).data!.viewer.trustedDocumentsOnly).toBe(false);
    expect(
      (await graphqlClient(directory.url)<{ viewer: { trustedDocumentsOnly: boolean } }>(QUERY)).data!.viewer.trustedDocumentsOnly,
    ).toBe(false);
  });

  it('an administrator is told so; an anonymous caller gets an answer, not an error', async () => {
    const admin = await directory.as(ORGS.platform, 'admin');
    expect((await admin<Answer>(VIEWER)).data!.viewer).toMatchObject({ signedIn: true, admin: true, scopes: ['admin'] });
    const anonymous = await graphqlClient(directory.url)<Answer>(VIEWER);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.viewer).toEqual({
      signedIn: false,
      subject: null,
      organisation: null,
      scopes: [],
      admin: false,
      credential: null,
      expiresAt: null,
    });
  });

  it('a bad credential is refused with UNAUTHENTICATED, not taken for anonymous', async () => {
    const forged = graphqlClient(directory.url, { authorization: 'Bearer pgk_0000000000000000000000000000dead' });
    const { errors } = await forged<Answer>(VIEWER);
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('rateLimit: the budget a rate-limiting gateway sent in peacegraph-rate-limit, else null', async () => {
    const query = `{ viewer { rateLimit { limit remaining resetSeconds quota windowSeconds } } }`;
    const direct = await graphqlClient(directory.url)<{ viewer: { rateLimit: unknown } }>(query);
    expect(direct.data!.viewer.rateLimit).toBeNull();
    const told = graphqlClient(directory.url, { 'peacegraph-rate-limit': 'limit=100;remaining=98;reset=4;policy=600;w=60' });
    expect((await told<{ viewer: { rateLimit: unknown } }>(query)).data!.viewer.rateLimit).toEqual({
      limit: 100,
      remaining: 98,
      resetSeconds: 4,
      quota: 600,
      windowSeconds: 60,
    });
    const garbled = graphqlClient(directory.url, { 'peacegraph-rate-limit': 'limit=lots' });
    expect((await garbled<{ viewer: { rateLimit: unknown } }>(query)).data!.viewer.rateLimit).toBeNull();
  });
});
