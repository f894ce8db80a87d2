import { createHash } from 'node:crypto';
import { serviceUnavailable } from '../errors/errors';
import type { Logger } from '../server/logger';
import { LastKnownAnswers } from './last-known';

/**
 * What verification needs to know that only the directory holds: whether an organisation exists, and
 * which organisation and scopes an API key carries. The directory answers from its own tables; every
 * other service asks it over HTTP (remoteIdentityStore), with a short cache.
 */
export interface ApiKeyIdentity {
  keyId: string;
  prefix: string;
  organisationId: string;
  scopes: string[];
  /** The gateway runs only registered documents of the key's organisation for it (absent: false). */
  trustedDocumentsOnly?: boolean;
}

export interface IdentityStore {
  organisationExists(id: string): Promise<boolean>;
  /** The key's identity, or null when the key is unknown or revoked. */
  verifyApiKey(key: string): Promise<ApiKeyIdentity | null>;
}

/** How long the directory's answers are used; see "Identity when the directory is down" in the kit README. */
export interface IdentityWindows {
  /** Served without asking the directory. Default 60 s. */
  organisationTtlMs?: number;
  /** Oldest confirmation served while the directory cannot answer. Default 1 h. */
  organisationMaxStaleMs?: number;
  /** Served without asking the directory: a revoked key stops working within this. Default 30 s. */
  apiKeyTtlMs?: number;
  /** Oldest confirmation of a key served while the directory cannot answer. Default 15 min. */
  apiKeyMaxStaleMs?: number;
  /** After the directory failed, callers stop waiting for it and each answer is re-asked at most this often. Default 2 s. */
  retryMs?: number;
}

export const DEFAULT_IDENTITY_WINDOWS: Required<IdentityWindows> = {
  organisationTtlMs: 60_000,
  organisationMaxStaleMs: 60 * 60_000,
  apiKeyTtlMs: 30_000,
  apiKeyMaxStaleMs: 15 * 60_000,
  retryMs: 2_000,
};

/**
 * The directory's identity endpoints, with the last known answers kept (LastKnownAnswers):
 * - organisations: fresh for 60 s, then refreshed in the background while the last answer is served;
 *   while the directory is unreachable, answers confirmed within the last hour keep serving;
 * - API keys: fresh for 30 s, then asked again before answering, so a revoked key stops working
 *   everywhere within 30 s (at the directory itself at once). While the directory is unreachable, a key
 *   confirmed within the last 15 min keeps working, and a revocation made meanwhile is seen within
 *   `retryMs` (2 s) of the directory answering again.
 * A caller the directory never confirmed, or not within those windows, gets SERVICE_UNAVAILABLE
 * (retryable, HTTP 503), never an internal error. Refusals (unknown organisation or key) are kept for
 * the fresh window only.
 */
export function remoteIdentityStore(
  directoryBaseUrl: string,
  options: IdentityWindows & { timeoutMs?: number; logger?: Logger } = {},
): IdentityStore {
  const windows = { ...DEFAULT_IDENTITY_WINDOWS, ...definedOnly(options) };
  const timeout = options.timeoutMs ?? 3000;
  const base = directoryBaseUrl.replace(/\/graphql\/?$/, '').replace(/\/$/, '');
  const unavailable = () => serviceUnavailable('The directory, which verifies callers, cannot be reached just now; retry in a few seconds');
  const onSourceChange = (up: boolean, error?: unknown) => {
    if (up) options.logger?.info('directory answers identity checks again');
    else
      options.logger?.warn(
        { reason: (error as Error | undefined)?.message },
        'directory unreachable: verifying callers from the last known answers',
      );
  };

  const organisations = new LastKnownAnswers<boolean>(
    { freshMs: windows.organisationTtlMs, maxStaleMs: windows.organisationMaxStaleMs, retryMs: windows.retryMs, revalidate: 'background' },
    async (id) => {
      const response = await fetch(`${base}/identity/organisations/${encodeURIComponent(id)}`, { signal: AbortSignal.timeout(timeout) });
      if (response.status === 404) return false;
      if (!response.ok) throw new Error(`directory identity check failed with HTTP ${response.status}`);
      return true;
    },
    { keepWhenStale: (exists) => exists, unavailable, onSourceChange },
  );

  // Keys are remembered by their hash: the cache holds no usable secret.
  const apiKeys = new LastKnownAnswers<ApiKeyIdentity | null, string>(
    { freshMs: windows.apiKeyTtlMs, maxStaleMs: windows.apiKeyMaxStaleMs, retryMs: windows.retryMs, revalidate: 'first' },
    async (key) => {
      const response = await fetch(`${base}/identity/api-keys/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
        signal: AbortSignal.timeout(timeout),
      });
      // 400: not even shaped like a key (too long, not a string). It names nobody.
      if (response.status === 404 || response.status === 400) return null;
      if (!response.ok) throw new Error(`directory API key check failed with HTTP ${response.status}`);
      return (await response.json()) as ApiKeyIdentity;
    },
    { keepWhenStale: (identity) => identity !== null, unavailable, onSourceChange },
  );

  return {
    organisationExists: (id) => organisations.get(id, id),
    verifyApiKey: (key) => apiKeys.get(createHash('sha256').update(key).digest('base64url'), key),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
