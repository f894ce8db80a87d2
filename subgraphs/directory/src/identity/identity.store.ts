import express from 'express';
import type { ApiKeyIdentity, IdentityStore } from '@peacegraph/kit/auth';
import type { Repositories } from '../repositories';
import { hashApiKey } from './identity.service';

/** The directory answers identity questions from its own tables (other services ask it over HTTP). */
export function localIdentityStore(repositories: Repositories): IdentityStore {
  return {
    organisationExists: async (id) => (await repositories.organisations.byIds([id])).length === 1,
    verifyApiKey: async (key): Promise<ApiKeyIdentity | null> => {
      const found = await repositories.apiKeys.findLiveByHash(hashApiKey(key));
      return found
        ? {
            keyId: found.id,
            prefix: found.prefix,
            organisationId: found.organisationId,
            scopes: found.scopes,
            trustedDocumentsOnly: found.trustedDocumentsOnly,
          }
        : null;
    },
  };
}

/**
 * The endpoints remoteIdentityStore calls. They reveal only what a caller can already prove: that an
 * organisation id exists (ids are public in the graph), and whose a presented key is.
 */
export function identityRoutes(store: IdentityStore) {
  return (app: express.Express) => {
    app.get('/identity/organisations/:id', async (req, res) => {
      const exists = await store.organisationExists(req.params.id).catch(() => null);
      if (exists === null) res.status(503).json({ error: 'unavailable' });
      else res.status(exists ? 200 : 404).json({ exists });
    });
    app.post('/identity/api-keys/verify', express.json({ limit: '2kb' }), async (req, res) => {
      const key = (req.body as { key?: unknown } | undefined)?.key;
      if (typeof key !== 'string' || key.length > 200) {
        res.status(400).json({ error: 'key must be a string' });
        return;
      }
      const identity = await store.verifyApiKey(key).catch(() => undefined);
      if (identity === undefined) res.status(503).json({ error: 'unavailable' });
      else if (identity === null) res.status(404).json({ error: 'unknown or revoked key' });
      else res.json(identity);
    });
  };
}
