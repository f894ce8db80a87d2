import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { unauthenticated } from '../errors/errors';
import type { IdentityStore } from './identity-store';
import { verificationKeys, type TokenKeyConfig, type VerificationKey } from './keys';
import { ANONYMOUS, SCOPE_PATTERN, parseScopes, type Viewer } from './viewer';

export const API_KEY_PREFIX = 'pgk_';
/** `pgk_` and 32 base64url characters as issued; a little slack for keys issued by older versions. */
const API_KEY_SHAPE = /^pgk_[A-Za-z0-9_-]{16,64}$/;
/** Three base64url parts; identity providers' tokens stay far below 8 KB. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN_LENGTH = 8192;

export type Authenticator = (authorization: string | undefined) => Promise<Viewer>;

/**
 * Turns an Authorization header into a Viewer, or throws UNAUTHENTICATED with a plain reason. No
 * header is an anonymous caller (PUBLIC fields only); a header that does not verify is an error, never
 * a silent downgrade to anonymous, so a client with a broken token finds out.
 */
export async function createAuthenticator(config: TokenKeyConfig, store: IdentityStore): Promise<Authenticator> {
  const keys = await verificationKeys(config);

  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token or API key>"');
    const credential = match[1]!;

    // A credential of the wrong shape is refused here, before it costs the directory a lookup (an
    // over-long key used to fail that lookup and surface as a server error).
    if (credential.startsWith(API_KEY_PREFIX)) {
      if (!API_KEY_SHAPE.test(credential))
        throw unauthenticated('This API key is malformed: an API key is "pgk_" followed by 32 letters, digits, "-" or "_"');
      const identity = await store.verifyApiKey(credential);
      if (!identity) throw unauthenticated('This API key is unknown or has been revoked');
      return {
        kind: 'partner',
        subject: `api-key:${identity.prefix}`,
        organisationId: identity.organisationId,
        scopes: new Set(identity.scopes),
        via: 'api-key',
        ...(identity.trustedDocumentsOnly ? { trustedDocumentsOnly: true } : {}),
      };
    }

    if (credential.length > MAX_TOKEN_LENGTH || !JWT_SHAPE.test(credential)) {
      throw unauthenticated('The token is malformed: expected a JWT (three base64url parts separated by dots) or an API key');
    }
    const payload = await verifyToken(credential, keys, config);
    const organisationId = typeof payload.org === 'string' ? payload.org : undefined;
    if (!payload.sub || !organisationId || typeof payload.scope !== 'string') {
      throw unauthenticated('The token must carry sub, org and scope claims');
    }
    const scopes = parseScopes(payload.scope);
    const bad = scopes.find((s) => !SCOPE_PATTERN.test(s));
    if (bad) throw unauthenticated(`The token carries an unknown scope "${bad}"`);
    if (!(await store.organisationExists(organisationId))) {
      throw unauthenticated('The token names an organisation that is not in the directory');
    }
    return {
      kind: 'partner',
      subject: payload.sub,
      organisationId,
      scopes: new Set(scopes),
      via: 'token',
      ...(payload.exp ? { expiresAt: new Date(payload.exp * 1000) } : {}),
    };
  };
}

async function verifyToken(token: string, keys: VerificationKey[], config: TokenKeyConfig): Promise<JWTPayload> {
  let last: unknown;
  for (const { key, algorithms } of keys) {
    try {
      const { payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['exp', 'sub'],
      });
      return payload;
    } catch (error) {
      last = error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`The token's ${error.claim} claim is not accepted`);
    }
  }
  if (last instanceof joseErrors.JOSEAlgNotAllowed)
    throw unauthenticated('The token is signed with an algorithm this platform does not accept');
  throw unauthenticated('The token is malformed or its signature does not verify');
}
