import { signDevToken } from '../auth/tokens';
import type { TokenKeyConfig } from '../auth/keys';

/** The key configuration every test service uses: HS256 with a fixed test secret. */
export const TEST_AUTH: TokenKeyConfig = {
  hs256Secret: 'peacegraph-test-secret-not-for-production-0123456789',
  issuer: 'peacegraph',
  audience: 'peacegraph',
};

/** A signed token for a test caller: `Authorization` header value included. */
export async function bearer(organisationId: string, scope: string, options: { subject?: string; ttl?: string } = {}): Promise<string> {
  const token = await signDevToken(TEST_AUTH.hs256Secret!, {
    subject: options.subject ?? `tester@${organisationId.slice(-4)}`,
    organisationId,
    scopes: scope.split(/\s+/).filter(Boolean),
    ttl: options.ttl ?? '10m',
    issuer: TEST_AUTH.issuer,
    audience: TEST_AUTH.audience,
  });
  return `Bearer ${token}`;
}
