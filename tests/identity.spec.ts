import { SignJWT } from 'jose';
import { graphqlClient, TEST_AUTH } from '@peacegraph/kit/testing';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
let kalanaId: string;
const FOCAL_POINT = 'Awa Diop, +223 70 00 00 00';

beforeAll(async () => {
  platform = await startPlatform();
  const writer = await platform.as(ORGS.educators, 'directory:write');
  const { data } = await writer<{ createCommunity: { id: string } }>(
    `mutation { createCommunity(input: { name: "Kalana", adminArea: "ML0306", latitude: 10.79, longitude: -8.2, focalPoint: "${FOCAL_POINT}" }) { id } }`,
  );
  kalanaId = data!.createCommunity.id;
});
afterAll(() => platform.stop());

const READ = `query ($id: ID!) { community(id: $id) { name latitude focalPoint } }`;
type Read = { community: { name: string; latitude: number | null; focalPoint: string | null } };

function codes(errors: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) {
  return (errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`);
}

describe('field classes, caller by caller', () => {
  it('anonymous: public fields only', async () => {
    const { data, errors } = await platform.request<Read>(READ, { id: kalanaId });
    expect(data!.community).toEqual({ name: 'Kalana', latitude: null, focalPoint: null });
    expect(codes(errors).sort()).toEqual(['community.focalPoint:UNAUTHENTICATED', 'community.latitude:UNAUTHENTICATED']);
  });

  it('another partner: partner fields, not the sensitive one', async () => {
    const mediators = await platform.as(ORGS.mediators, 'directory:read directory:sensitive');
    const { data, errors } = await mediators<Read>(READ, { id: kalanaId });
    expect(data!.community).toEqual({ name: 'Kalana', latitude: 10.79, focalPoint: null });
    expect(codes(errors)).toEqual(['community.focalPoint:FORBIDDEN']);
  });

  it('the owner without directory:sensitive: not the sensitive field', async () => {
    const owner = await platform.as(ORGS.educators, 'directory:write');
    const { data, errors } = await owner<Read>(READ, { id: kalanaId });
    expect(data!.community.focalPoint).toBeNull();
    expect(codes(errors)).toEqual(['community.focalPoint:FORBIDDEN']);
  });

  it('an admin of the platform: not the sensitive field either', async () => {
    const admin = await platform.as(ORGS.platform, 'admin directory:write');
    const { errors } = await admin<Read>(READ, { id: kalanaId });
    expect(codes(errors)).toEqual(['community.focalPoint:FORBIDDEN']);
  });

  it('the owner with directory:sensitive reads it, and the read is audited with its purpose', async () => {
    const owner = await platform.as(ORGS.educators, 'directory:sensitive');
    const { data, errors } = await owner<Read>(READ, { id: kalanaId }, { 'x-purpose': 'follow-up visit planning' });
    expect(errors).toBeUndefined();
    expect(data!.community.focalPoint).toBe(FOCAL_POINT);
    const rows = (await platform.directory.db.dataSource.query(
      `SELECT actor_org, record_type, record_ids, fields, owner_org, purpose FROM audit_log WHERE action = 'READ' AND $1 = ANY(record_ids)`,
      [kalanaId],
    )) as unknown[];
    expect(rows).toEqual([
      {
        actor_org: ORGS.educators,
        record_type: 'Community',
        record_ids: [kalanaId],
        fields: ['focalPoint'],
        owner_org: ORGS.educators,
        purpose: 'follow-up visit planning',
      },
    ]);
  });

  it('a sensitive read fails when its audit row cannot be written; the rest still arrives', async () => {
    const owner = await platform.as(ORGS.educators, 'directory:sensitive');
    await platform.directory.db.dataSource.query(`ALTER TABLE audit_log RENAME TO audit_log_away`);
    try {
      const { data, errors } = await owner<Read>(READ, { id: kalanaId });
      expect(data!.community).toEqual({ name: 'Kalana', latitude: 10.79, focalPoint: null });
      expect(codes(errors)).toEqual(['community.focalPoint:INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(errors)).not.toContain(FOCAL_POINT);
    } finally {
      await platform.directory.db.dataSource.query(`ALTER TABLE audit_log_away RENAME TO audit_log`);
    }
  });
});

describe('tokens that do not verify', () => {
  async function sign(claims: Record<string, unknown>, secret: string, expires: number | string = '5m') {
    return new SignJWT({ org: ORGS.educators, scope: 'directory:write', ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer('peacegraph')
      .setAudience('peacegraph')
      .setExpirationTime(expires)
      .sign(new TextEncoder().encode(secret));
  }

  it('refuses forged, expired, alg:none and unknown-organisation tokens at the gateway with 401', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'x', org: ORGS.platform, scope: 'admin', iss: 'peacegraph', aud: 'peacegraph', exp: 4102444800 }),
    ).toString('base64url')}.`;
    const tokens = [
      await sign({}, 'forged-secret-forged-secret-forged-secret'),
      await sign({}, TEST_AUTH.hs256Secret!, Math.floor(Date.now() / 1000) - 10),
      none,
      await sign({ org: '00000000-0000-4000-8000-00000000dead' }, TEST_AUTH.hs256Secret!),
    ];
    for (const token of tokens) {
      const client = graphqlClient(platform.gateway.url, { authorization: `Bearer ${token}` });
      const { status, data, errors } = await client(`{ countries { code } }`);
      expect([status, errors![0]!.extensions!.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(data ?? null).toBeNull();
    }
  });

  it('grants nothing more when the subgraph is called directly', async () => {
    const direct = graphqlClient(platform.directory.url);
    const read = await direct<Read>(READ, { id: kalanaId });
    expect(codes(read.errors).sort()).toEqual(['community.focalPoint:UNAUTHENTICATED', 'community.latitude:UNAUTHENTICATED']);
    const write = await direct(`mutation { createCommunity(input: { name: "Nampala", adminArea: "ML0305" }) { id } }`);
    expect(write.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const forged = graphqlClient(platform.directory.url, {
      authorization: `Bearer ${await sign({ scope: 'admin' }, 'forged-secret-forged-secret-forged-secret')}`,
    });
    const refused = await forged(`{ countries { code } }`);
    expect([refused.status, refused.errors![0]!.extensions!.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('writes belong to their organisation', () => {
  it('refuses another partner changing a community it did not record, and writes nothing', async () => {
    const mediators = await platform.as(ORGS.mediators, 'directory:write');
    const writesBefore = await platform.directory.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'WRITE'`);
    const { errors } = await mediators(
      `mutation ($id: ID!) { updateCommunity(id: $id, version: 1, input: { name: "Kalana II" }) { id } }`,
      { id: kalanaId },
    );
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(errors![0]!.message).toMatch(/belongs to another organisation/);
    const [row] = (await platform.directory.db.dataSource.query(`SELECT name, version FROM community WHERE id = $1`, [
      kalanaId,
    ])) as unknown[];
    expect(row).toEqual({ name: 'Kalana', version: 1 });
    expect(await platform.directory.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'WRITE'`)).toEqual(
      writesBefore,
    );
  });

  it('refuses a write without directory:write, and writes nothing', async () => {
    const reader = await platform.as(ORGS.mediators, 'directory:read');
    const before = await platform.directory.rows('community');
    const { errors } = await reader(`mutation { createCommunity(input: { name: "Djibo", adminArea: "BF5603" }) { id } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(errors![0]!.message).toMatch(/directory:write/);
    expect(await platform.directory.rows('community')).toBe(before);
  });

  it('records who wrote what in the audit log, in the same transaction', async () => {
    const rows = (await platform.directory.db.dataSource.query(
      `SELECT actor, actor_org, operation, fields, owner_org FROM audit_log WHERE action = 'WRITE' AND $1 = ANY(record_ids)`,
      [kalanaId],
    )) as { actor: string; actor_org: string; operation: string; fields: string[]; owner_org: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_org: ORGS.educators, operation: 'createCommunity', owner_org: ORGS.educators });
    expect(rows[0]!.fields).toEqual(expect.arrayContaining(['name', 'adminArea', 'focalPoint']));
  });
});

describe('organisations and API keys, managed by admins', () => {
  it('refuses a partner registering an organisation or a key', async () => {
    const partner = await platform.as(ORGS.educators, 'directory:write');
    const before = await platform.directory.rows('organisation');
    const organisation = await partner(`mutation { createOrganisation(input: { name: "Shadow NGO", kind: NGO, countries: [ML] }) { id } }`);
    expect(organisation.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const key = await partner(`mutation ($org: ID!) { createApiKey(input: { organisation: $org, name: "x", scope: "admin" }) { key } }`, {
      org: ORGS.educators,
    });
    expect(key.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await platform.directory.rows('organisation')).toBe(before);
    expect(await platform.directory.rows('api_key')).toBe(0);
  });

  it('lets a machine client work with an API key until an admin revokes it', async () => {
    const admin = await platform.as(ORGS.platform, 'admin');
    const created = await admin<{ createOrganisation: { id: string } }>(
      `mutation { createOrganisation(input: { name: "Kayes Herders Association", kind: CSO_NETWORK, countries: [ML], domains: [DISPLACEMENT] }) { id } }`,
    );
    const herders = created.data!.createOrganisation.id;
    const issued = await admin<{
      createApiKey: { key: string; apiKey: { id: string; prefix: string; scopes: string[]; organisation: { name: string } } };
    }>(
      `mutation ($org: ID!) { createApiKey(input: { organisation: $org, name: "herd tracking sync", scope: "directory:write" }) { key apiKey { id prefix scopes organisation { name } } } }`,
      { org: herders },
    );
    const { key, apiKey } = issued.data!.createApiKey;
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({ scopes: ['directory:write'], organisation: { name: 'Kayes Herders Association' } });
    const stored = (await platform.directory.db.dataSource.query(`SELECT secret_hash FROM api_key WHERE id = $1`, [apiKey.id])) as {
      secret_hash: string;
    }[];
    expect(stored[0]!.secret_hash).not.toContain(key.slice(12));

    const machine = graphqlClient(platform.gateway.url, { authorization: `Bearer ${key}` });
    const written = await machine<{ createCommunity: { id: string; recordedBy: { name: string } } }>(
      `mutation { createCommunity(input: { name: "Diéma", adminArea: "ML0103" }) { id recordedBy { name } } }`,
    );
    expect(written.errors).toBeUndefined();
    expect(written.data!.createCommunity.recordedBy.name).toBe('Kayes Herders Association');

    const revoked = await admin<{ revokeApiKey: { revokedAt: string } }>(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, {
      id: apiKey.id,
    });
    expect(revoked.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await machine(`{ countries { code } }`);
    expect([after.status, after.errors![0]!.extensions!.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('the audit log through the graph', () => {
  const LOG = `{ directoryAuditLog(first: 100) { totalCount edges { node { action actor actorOrganisation ownerOrganisation recordType recordIds fields purpose } } } }`;
  type Log = {
    directoryAuditLog: {
      totalCount: number;
      edges: {
        node: {
          action: string;
          ownerOrganisation: string | null;
          actorOrganisation: string | null;
          recordIds: string[];
          purpose: string | null;
        };
      }[];
    };
  };

  it('shows the owner its records, hides them from other partners, and shows admins everything', async () => {
    const owner = await platform.as(ORGS.educators, 'directory:read');
    const mine = await owner<Log>(LOG);
    expect(mine.data!.directoryAuditLog.edges.some((e) => e.node.recordIds.includes(kalanaId) && e.node.action === 'READ')).toBe(true);
    expect(
      mine.data!.directoryAuditLog.edges.every(
        (e) => e.node.ownerOrganisation === ORGS.educators || e.node.actorOrganisation === ORGS.educators,
      ),
    ).toBe(true);

    const other = await platform.as(ORGS.mediators, 'directory:read');
    const theirs = await other<Log>(LOG);
    expect(theirs.data!.directoryAuditLog.edges.some((e) => e.node.recordIds.includes(kalanaId))).toBe(false);

    const admin = await platform.as(ORGS.platform, 'admin');
    const all = await admin<Log>(LOG);
    const [count] = (await platform.directory.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[];
    expect(all.data!.directoryAuditLog.totalCount).toBe(count!.n);

    const anonymous = await platform.request<Log>(LOG);
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('filters by record and action', async () => {
    const owner = await platform.as(ORGS.educators, 'directory:read');
    const { data } = await owner<Log>(
      `query ($id: ID!) { directoryAuditLog(recordId: $id, action: WRITE) { totalCount edges { node { action actor actorOrganisation ownerOrganisation recordType recordIds fields purpose } } } }`,
      { id: kalanaId },
    );
    expect(data!.directoryAuditLog.totalCount).toBe(1);
    expect(data!.directoryAuditLog.edges[0]!.node.action).toBe('WRITE');
  });
});
