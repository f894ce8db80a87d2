import { createRemoteJWKSet, importSPKI, type JWTVerifyGetKey, type KeyLike } from 'jose';

export interface TokenKeyConfig {
  /** Shared secret for HS256 (local development, single-operator deployments); 32 characters or more. */
  hs256Secret?: string;
  /** Public keys of the identity provider (production). */
  jwksUrl?: string;
  /** One PEM public key (SPKI), when the provider publishes no JWKS, with its algorithm. */
  publicKeyPem?: string;
  publicKeyAlgorithm?: string;
  issuer: string;
  audience: string;
}

export interface VerificationKey {
  algorithms: string[];
  key: Uint8Array | KeyLike | JWTVerifyGetKey;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * The keys a token may be signed with, each bound to its algorithms: an HS256 secret never verifies
 * an RS256 token (algorithm confusion) and `alg: none` matches nothing.
 */
export async function verificationKeys(config: TokenKeyConfig): Promise<VerificationKey[]> {
  const keys: VerificationKey[] = [];
  if (config.hs256Secret) keys.push({ algorithms: ['HS256'], key: new TextEncoder().encode(config.hs256Secret) });
  if (config.jwksUrl) keys.push({ algorithms: ASYMMETRIC, key: createRemoteJWKSet(new URL(config.jwksUrl)) });
  if (config.publicKeyPem) {
    const algorithm = config.publicKeyAlgorithm ?? 'RS256';
    keys.push({ algorithms: [algorithm], key: await importSPKI(config.publicKeyPem, algorithm) });
  }
  if (keys.length === 0) throw new Error('No token verification key configured (AUTH_HS256_SECRET, AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM)');
  return keys;
}
