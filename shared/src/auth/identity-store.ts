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
}

export interface IdentityStore {
  organisationExists(id: string): Promise<boolean>;
  /** The key's identity, or null when the key is unknown or revoked. */
  verifyApiKey(key: string): Promise<ApiKeyIdentity | null>;
}

interface Cached<T> {
  value: T;
  until: number;
}

/**
 * The directory's identity endpoints, cached: organisations for 60 s, API keys for 30 s (a revoked
 * key stops working everywhere within 30 s; at the directory itself at once).
 */
export function remoteIdentityStore(
  directoryBaseUrl: string,
  options: { timeoutMs?: number; organisationTtlMs?: number; apiKeyTtlMs?: number } = {},
): IdentityStore {
  const organisations = new Map<string, Cached<boolean>>();
  const keys = new Map<string, Cached<ApiKeyIdentity | null>>();
  const timeout = options.timeoutMs ?? 3000;
  const base = directoryBaseUrl.replace(/\/graphql\/?$/, '').replace(/\/$/, '');

  async function cached<T>(cache: Map<string, Cached<T>>, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await load();
    cache.set(key, { value, until: Date.now() + ttlMs });
    if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
    return value;
  }

  return {
    organisationExists: (id) =>
      cached(organisations, id, options.organisationTtlMs ?? 60_000, async () => {
        const response = await fetch(`${base}/identity/organisations/${encodeURIComponent(id)}`, { signal: AbortSignal.timeout(timeout) });
        if (response.status === 404) return false;
        if (!response.ok) throw new Error(`directory identity check failed with HTTP ${response.status}`);
        return true;
      }),
    verifyApiKey: (key) =>
      cached(keys, key, options.apiKeyTtlMs ?? 30_000, async () => {
        const response = await fetch(`${base}/identity/api-keys/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key }),
          signal: AbortSignal.timeout(timeout),
        });
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`directory API key check failed with HTTP ${response.status}`);
        return (await response.json()) as ApiKeyIdentity;
      }),
  };
}
