import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { callerLeft, type RateLimitState } from '@peacegraph/kit/server';
import { rateLimitOf } from './rate-limit';
import type { SubgraphFetch } from './kept-answers';
import type { SubgraphAnswer } from './subgraph-http';

/** What the gateway knows about one caller's request, and passes on to every subgraph it calls. */
export interface GatewayContext {
  authorization?: string;
  /** Why the caller reads the data (X-Purpose); subgraphs write it to their audit log. */
  purpose?: string;
  requestId: string;
  /** Aborted when the caller leaves before its answer: every subgraph call for it is then cancelled. */
  signal?: AbortSignal;
  /** The verified caller's organisation; null for an anonymous caller or when the gateway does not verify. */
  organisationId: string | null;
  /** `api-key:<prefix>` when the verified caller used an API key. */
  apiKey: string | null;
  /** The caller's API key is held to trusted documents: it runs only registered documents of its organisation. */
  trustedDocumentsOnly: boolean;
  /** Filled in as the request runs, read by the request log line once the answer is sent. */
  trail: RequestTrail;
  /** The caller's rate-limit state with this request counted, told to subgraphs; undefined when the gateway does not limit. */
  rateLimit?: RateLimitState;
  /** Set by the kept answers' plugin when it keeps answers (kept-answers.ts); absent otherwise. */
  kept?: KeptCalls;
}

/** What the gateway's kept answers need of a request's subgraph calls. */
export interface KeptCalls {
  /** The subgraph reads this request made, with their tags: what a kept answer is checked against. */
  fetches: SubgraphFetch[];
  /**
   * Answers to subgraph calls sent while checking a kept answer that no longer held, by SubgraphFetch
   * `call` (some perhaps still on their way): the query takes them instead of sending the same call again.
   */
  asked: Map<string, Promise<SubgraphAnswer>>;
}

/**
 * What the gateway learns about a request while serving it: started by the HTTP middleware, completed
 * by the operations plugin as Apollo Server sends the answer, and read once the answer has left (the
 * log line, usage).
 */
export interface RequestTrail {
  requestId: string;
  startedAt: bigint;
  /** The persisted document (sha256 hex) the request ran by id (`documentId` or an APQ hash). */
  documentId?: string;
  /** Set when the request's document parsed. */
  answered?: AnsweredOperation;
}

/** An operation as Apollo Server answered it: what is needed to describe it later, off the request's path. */
export interface AnsweredOperation {
  document: DocumentNode;
  schema: GraphQLSchema;
  operationName: string | null | undefined;
  /** Whether the document passed validation against `schema`. */
  validated: boolean;
  queryHash: string | undefined;
  /** The answer held at least one error. */
  failed: boolean;
  durationMs: number;
  organisationId: string | null;
  /** `api-key:<prefix>` when the caller used an API key: the client, when it names no other. */
  apiKey: string | null;
}

/** A caller's own id is kept so their logs and ours line up; anything odd-looking is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: Request): string {
  const given = req.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export function contextFor(req: Request, trail: RequestTrail, viewer?: Viewer): GatewayContext {
  return {
    authorization: req.get('authorization'),
    purpose: req.get('x-purpose'),
    requestId: trail.requestId,
    // Express links each request to its response; the gateway's wiring stays as it is.
    signal: req.res ? callerLeft(req.res) : undefined,
    organisationId: viewer ? organisationOf(viewer) : null,
    apiKey: viewer?.kind === 'partner' && viewer.via === 'api-key' ? viewer.subject : null,
    trustedDocumentsOnly: viewer?.kind === 'partner' && viewer.trustedDocumentsOnly === true,
    trail,
    rateLimit: rateLimitOf(req.res),
  };
}

/** Header pairs a client names itself with: GraphQL's common ones first, then Apollo's. */
const CLIENT_HEADERS = [
  ['graphql-client-name', 'graphql-client-version'],
  ['apollographql-client-name', 'apollographql-client-version'],
] as const;

export interface Client {
  name: string | null;
  version: string | null;
}

/** Longest client name or version kept, as the registry takes it (USAGE_LIMITS.nameChars). */
const CLIENT_CHARS = 200;

/**
 * The client that sent a request, from `graphql-client-name`/`-version`, else
 * `apollographql-client-name`/`-version`; each value separately, so a client that sends a name in one
 * form and a version in the other is still named. Control characters (a tab is allowed in a header)
 * are removed and the value cut to 200 characters: the registry refuses a whole report for one such
 * value. Empty values count as absent. A machine client that names itself in no header is named by
 * its API key (`api-key:<prefix>`), so a check can still say which partner system a change breaks.
 */
export function clientOf(header: (name: string) => string | undefined, apiKey: string | null = null): Client {
  const first = (index: 0 | 1) => {
    for (const pair of CLIENT_HEADERS) {
      const value = header(pair[index])
        ?.replace(/\p{Cc}/gu, '')
        .trim()
        .slice(0, CLIENT_CHARS);
      if (value) return value;
    }
    return null;
  };
  return { name: first(0) ?? apiKey, version: first(1) };
}
