import { SignJWT } from 'jose';

export interface DevTokenClaims {
  subject: string;
  organisationId: string;
  scopes: string[];
  /** e.g. '1h', '30m', '7d' */
  ttl: string;
  issuer: string;
  audience: string;
}

/** Signs an HS256 token as the platform's own issuer: for development and tests, never for partners in production. */
export function signDevToken(secret: string, claims: DevTokenClaims): Promise<string> {
  return new SignJWT({ org: claims.organisationId, scope: claims.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt()
    .setExpirationTime(claims.ttl)
    .sign(new TextEncoder().encode(secret));
}
