import { env } from '../server/env';

/** The settings every service needs to verify callers; spread into a service's env spec. */
export const authEnv = {
  AUTH_HS256_SECRET: env.optionalString('shared secret for HS256 tokens (32+ characters)'),
  AUTH_JWKS_URL: env.optionalString('JWKS URL of the identity provider'),
  AUTH_PUBLIC_KEY_PEM: env.optionalString('PEM public key of the identity provider'),
  AUTH_PUBLIC_KEY_ALG: env.string('algorithm of AUTH_PUBLIC_KEY_PEM', 'RS256'),
  AUTH_ISSUER: env.string('expected token issuer (iss)', 'peacegraph'),
  AUTH_AUDIENCE: env.string('expected token audience (aud)', 'peacegraph'),
};

export interface AuthEnv {
  AUTH_HS256_SECRET: string | undefined;
  AUTH_JWKS_URL: string | undefined;
  AUTH_PUBLIC_KEY_PEM: string | undefined;
  AUTH_PUBLIC_KEY_ALG: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}

/** Problems that no single variable shows: no key at all, or a secret too short to resist guessing. */
export function authProblems(config: AuthEnv): string[] {
  const problems: string[] = [];
  if (!config.AUTH_HS256_SECRET && !config.AUTH_JWKS_URL && !config.AUTH_PUBLIC_KEY_PEM) {
    problems.push('one of AUTH_HS256_SECRET, AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM is required to verify callers');
  }
  if (config.AUTH_HS256_SECRET && config.AUTH_HS256_SECRET.length < 32) {
    problems.push('AUTH_HS256_SECRET must be at least 32 characters');
  }
  return problems;
}

export function tokenKeyConfig(config: AuthEnv) {
  return {
    hs256Secret: config.AUTH_HS256_SECRET,
    jwksUrl: config.AUTH_JWKS_URL,
    publicKeyPem: config.AUTH_PUBLIC_KEY_PEM,
    publicKeyAlgorithm: config.AUTH_PUBLIC_KEY_ALG,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
  };
}
