import type express from 'express';
import { GraphQLError } from 'graphql';
import { serviceUnavailable, withHttpStatus } from '@peacegraph/kit/errors';
import type { GatewayContext } from '../context';
import type { RegistryDocuments } from './registry-documents';

/** The codes a caller meets around persisted documents (see the README, "Persisted documents"). */
export const DocumentErrorCode = {
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_REQUIRED: 'PERSISTED_QUERY_REQUIRED',
} as const;

/** `sha256:<hex>` (GraphQL over HTTP's persisted documents) or the bare hex, any case. */
const DOCUMENT_ID = /^(?:sha256:)?([0-9a-fA-F]{64})$/;

/**
 * Turns a request by document id into the document, once the caller is verified and before Apollo
 * Server reads the body (it is called from the context function: an error thrown here is the whole
 * answer, with its HTTP status, and nothing is planned or counted):
 * - `documentId` in a POST body: the registry's registered document of that id becomes the `query`;
 *   unknown → PERSISTED_QUERY_NOT_FOUND (HTTP 200, as Apollo answers an unknown APQ hash). `query`
 *   beside it, a malformed id, or `documentId` in a GET → BAD_REQUEST.
 * - Apollo's automatic persisted queries (`extensions.persistedQuery`) are Apollo Server's own for
 *   callers free to send any query: an unknown hash is PERSISTED_QUERY_NOT_FOUND and the client sends
 *   the query with it.
 * - A caller held to trusted documents (an API key with `trustedDocumentsOnly`) runs only documents a
 *   client application of its own organisation registered: by `documentId`, or by an APQ hash alone
 *   (resolved here from the registry, never from Apollo's APQ cache, which holds what other callers
 *   sent). Any query as text — plain, an APQ registration (hash and query), any GET — is
 *   PERSISTED_QUERY_REQUIRED (HTTP 403). Another organisation's document is not found, for it.
 * Without a registry (`documents` undefined) no id is found, and a trusted-documents-only caller can
 * run nothing. The id a request ran by is noted on its trail: usage reports name it.
 */
export function persistedDocuments(documents: RegistryDocuments | undefined) {
  return async (req: express.Request, caller: GatewayContext): Promise<void> => {
    const trusted = caller.trustedDocumentsOnly;
    if (req.method !== 'POST') {
      if (trusted) throw required('POST the `documentId` of a registered document');
      if (req.query.documentId !== undefined) throw badRequest('Send `documentId` in a POST body');
      return;
    }
    const body = req.body as Record<string, unknown> | null | undefined;
    // Not one JSON request (a batch, another content type): Apollo Server refuses it, and so does this for a held key.
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      if (trusted) throw required('POST one JSON request with the `documentId` of a registered document');
      return;
    }
    const extensions = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined;
    const apqHash = extensions?.persistedQuery?.sha256Hash;

    if (body.documentId !== undefined && body.documentId !== null) {
      if (body.query !== undefined && body.query !== null) throw badRequest('Send either `query` or `documentId`, not both');
      const id = typeof body.documentId === 'string' ? DOCUMENT_ID.exec(body.documentId)?.[1]?.toLowerCase() : undefined;
      if (!id) throw badRequest('`documentId` is "sha256:" followed by the 64 hex digits of the document\'s sha256');
      return run(id);
    }
    if (!trusted) {
      if (typeof apqHash === 'string' && DOCUMENT_ID.test(apqHash)) caller.trail.documentId = apqHash.toLowerCase();
      return;
    }
    if ((body.query === undefined || body.query === null) && typeof apqHash === 'string') {
      const id = DOCUMENT_ID.exec(apqHash)?.[1]?.toLowerCase();
      if (!id) throw notFound();
      return run(id);
    }
    throw required('send the `documentId` of a document registered for a client application of your organisation, not a query');

    async function run(id: string): Promise<void> {
      const found = documents
        ? await documents.lookup(id, trusted ? (caller.organisationId ?? '') : undefined)
        : { missing: true as const };
      if ('unavailable' in found)
        throw withHttpStatus(serviceUnavailable('The persisted document cannot be fetched just now; retry in a few seconds'), 503);
      if ('missing' in found || (trusted && !found.found.organisations.has(caller.organisationId ?? ''))) throw notFound();
      body!.query = found.found.body;
      delete body!.documentId;
      // Apollo's own APQ must neither look the hash up nor store the document under it.
      if (extensions?.persistedQuery) delete extensions.persistedQuery;
      caller.trail.documentId = id;
    }
  };
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

function required(what: string): GraphQLError {
  return new GraphQLError(`This API key runs only trusted documents: ${what}`, {
    extensions: { code: DocumentErrorCode.PERSISTED_QUERY_REQUIRED, http: { status: 403 } },
  });
}

/** As Apollo's APQ answers an unknown hash (HTTP 200), so APQ clients fall back to sending the query. */
function notFound(): GraphQLError {
  return new GraphQLError('PersistedQueryNotFound', {
    extensions: { code: DocumentErrorCode.PERSISTED_QUERY_NOT_FOUND, http: { status: 200 } },
  });
}
