import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { signDevToken } from '@peacegraph/kit/auth';

/** Admin dev tokens name the platform operator's organisation (a demo organisation). */
export const PLATFORM_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001';
export const ADMIN_DEV_SCOPES = ['admin', 'directory:read', 'directory:write', 'directory:sensitive'];
export const ISSUER = 'peacegraph';
export const AUDIENCE = 'peacegraph';

/**
 * The HS256 secret of a local platform: AUTH_HS256_SECRET when set, otherwise a random one made on
 * the first `npm start` and kept in .data/dev-secret (git-ignored), so tokens survive restarts.
 */
export function devSecret(root: string, create: boolean): string | undefined {
  if (process.env.AUTH_HS256_SECRET) return process.env.AUTH_HS256_SECRET;
  const file = path.join(root, '.data', 'dev-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  if (!create) return undefined;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function devToken(secret: string, organisationId: string, scopes: string[], ttl: string, subject: string): Promise<string> {
  return signDevToken(secret, { subject, organisationId, scopes, ttl, issuer: ISSUER, audience: AUDIENCE });
}
