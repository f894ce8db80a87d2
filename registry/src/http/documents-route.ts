import express from 'express';
import type { DataSource } from 'typeorm';
import { isAdmin, type Authenticator } from '@peacegraph/kit/auth';
import { documentIdOf } from '../documents/manifest';
import { documentForGateway } from '../store/documents';
import { callerOf, refuse } from './caller';
import { USAGE_SCOPE } from './usage-route';

/**
 * GET /documents/<sha256>: a registered persisted document for a gateway, with the client applications
 * (and their organisations) that registered it, so the gateway can tell whether a trusted-documents-only
 * caller may run it. The gateway's credential (`usage:write`) or an admin: the list says which
 * organisation ships which operations. A document never changes under its id (its id is its hash),
 * but the clients that registered it can grow: the gateway keeps what it fetched and asks again later.
 */
export function documentsRoute(db: DataSource, authenticate: Authenticator): express.Router {
  const router = express.Router();
  router.get('/documents/:id', async (req, res) => {
    const caller = await callerOf(req, authenticate);
    if ('refusal' in caller) return refuse(res, caller.refusal);
    if (!caller.viewer.scopes.has(USAGE_SCOPE) && !isAdmin(caller.viewer)) {
      return refuse(res, { status: 403, code: 'FORBIDDEN', message: `Reading documents needs a gateway's ${USAGE_SCOPE} scope` });
    }
    const id = documentIdOf(req.params.id);
    if (!id) return refuse(res, { status: 400, code: 'BAD_REQUEST', message: 'A document id is sha256:<64 hex digits> or the hex alone' });
    const document = await documentForGateway(db, id);
    if (!document)
      return refuse(res, { status: 404, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'No client application registered this document' });
    res.set('Cache-Control', 'private, no-cache').json(document);
  });
  return router;
}
