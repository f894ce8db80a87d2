import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { createAuthenticator } from '../src/auth/authenticate';
import { type IdentityStore } from '../src/auth/identity-store';

const SECRET = 'unit-test-secret-of-at-least-thirty-two-chars';
const ORG = '00000000-0000-4000-8000-0000000000a1';
const LIVE_KEY = 'pgk_livelivelivelivelivelivelivelive';
const config = { hs256Secret: SECRET, issuer: 'peacegraph', audience: 'peacegraph' };
const store: IdentityStore = {
  organisationExists: async (id) => id === ORG,
  verifyApiKey: async (key) =>
    key === LIVE_KEY ? { keyId: 'k1', prefix: 'pgk_live', organisationId: ORG, scopes: ['conflicts:read'] } : null,
};

function token(claims: Record<string, unknown> = {}, secret = SECRET, expires: string | number = '5m') {
  return new SignJWT({ org: ORG, scope: 'directory:write', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('amina')
    .setIssuer('peacegraph')
    .setAudience('peacegraph')
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}

async function refusal(authenticate: (h: string) => Promise<unknown>, header: string) {
  try {
    await authenticate(header);
  } catch (error) {
    return error as { message: string; extensions: { code: string } };
  }
  throw new Error('expected a refusal');
}

describe('authenticate', () => {
  let authenticate: Awaited<ReturnType<typeof createAuthenticator>>;
  beforeAll(async () => {
    authenticate = await createAuthenticator(config, store);
  });

  it('treats a missing header as an anonymous caller', async () => {
    expect(await authenticate(undefined as unknown as string)).toEqual({ kind: 'anonymous' });
  });

  it('turns a valid token into a partner viewer', async () => {
    const viewer = await authenticate(`Bearer ${await token()}`);
    expect(viewer).toMatchObject({ kind: 'partner', subject: 'amina', organisationId: ORG, via: 'token' });
    expect([...(viewer as { scopes: ReadonlySet<string> }).scopes]).toEqual(['directory:write']);
  });

  it('refuses expired, forged, alg:none, malformed and unknown-organisation tokens with UNAUTHENTICATED', async () => {
    const expired = await token({}, SECRET, Math.floor(Date.now() / 1000) - 60);
    const forged = await token({}, 'another-secret-of-at-least-thirty-two-chars');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ sub: 'x', org: ORG, scope: 'admin', iss: 'peacegraph', aud: 'peacegraph', exp: 9999999999 }),
    ).toString('base64url');
    const cases: [string, RegExp][] = [
      [`Bearer ${expired}`, /expired/],
      [`Bearer ${forged}`, /signature does not verify/],
      [`Bearer ${header}.${body}.`, /algorithm|malformed/],
      ['Bearer not-a-token', /malformed/],
      ['Basic dXNlcjpwYXNz', /must be "Bearer/],
      [`Bearer ${await token({ org: '00000000-0000-4000-8000-00000000dead' })}`, /not in the directory/],
      [`Bearer ${await token({ scope: 'everything' })}`, /unknown scope/],
      [`Bearer ${await token({ org: undefined })}`, /sub, org and scope/],
    ];
    for (const [value, reason] of cases) {
      const error = await refusal(authenticate, value);
      expect([value.slice(0, 20), error.extensions.code]).toEqual([value.slice(0, 20), 'UNAUTHENTICATED']);
      expect(error.message).toMatch(reason);
    }
  });

  it('accepts API keys and refuses unknown or revoked ones', async () => {
    expect(await authenticate(`Bearer ${LIVE_KEY}`)).toMatchObject({ kind: 'partner', subject: 'api-key:pgk_live', via: 'api-key' });
    expect((await refusal(authenticate, 'Bearer pgk_revokedrevokedrevokedrevokedrevok')).message).toMatch(/unknown or has been revoked/);
  });

  it('verifies RS256 tokens with a PEM public key and never with the HS256 secret', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const pem = await exportSPKI(publicKey);
    const rsa = await createAuthenticator({ ...config, hs256Secret: undefined, publicKeyPem: pem, publicKeyAlgorithm: 'RS256' }, store);
    const signed = await new SignJWT({ org: ORG, scope: 'curriculum:write' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('system')
      .setIssuer('peacegraph')
      .setAudience('peacegraph')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await rsa(`Bearer ${signed}`)).toMatchObject({ kind: 'partner', subject: 'system' });
    // An HS256 token "signed" with the public key text (algorithm confusion) is refused.
    const confused = await token({}, pem);
    expect((await refusal(rsa, `Bearer ${confused}`)).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('credentials of the wrong shape', () => {
  it('are refused as UNAUTHENTICATED before the directory is asked', async () => {
    const asked: string[] = [];
    const authenticate = await createAuthenticator(config, { ...store, verifyApiKey: async (key) => (asked.push(key), null) });
    const shapes = [
      'Bearer pgk_' + 'a'.repeat(5000),
      'Bearer pgk_short',
      'Bearer pgk_\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9',
      'Bearer pgk_aaaaaaaaaaaaaaaa/aaaaaaaaaaaaaaa',
      'Bearer ' + 'x'.repeat(10_000),
      'Bearer a.b.c.d',
      'Bearer abc def',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Bearer eyJ\u0000.eyJ.sig',
    ];
    for (const header of shapes) {
      const error = await authenticate(header).then(
        () => undefined,
        (e: { extensions?: { code?: string } }) => e,
      );
      expect([header.slice(0, 30), error?.extensions?.code]).toEqual([header.slice(0, 30), 'UNAUTHENTICATED']);
    }
    expect(asked).toEqual([]);
  });
});
