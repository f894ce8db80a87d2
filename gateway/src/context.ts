import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { callerLeft } from '@peacegraph/kit/server';

/** What the gateway knows about one caller's request, and passes on to every subgraph it calls. */
export interface GatewayContext {
  authorization?: string;
  /** Why the caller reads the data (X-Purpose); subgraphs write it to their audit log. */
  purpose?: string;
  requestId: string;
  /** Aborted when the caller leaves before its answer: every subgraph call for it is then cancelled. */
  signal?: AbortSignal;
}

/** A caller's own id is kept so their logs and ours line up; anything odd-looking is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: Request): string {
  const given = req.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export function contextFor(req: Request, requestId: string): GatewayContext {
  return {
    authorization: req.get('authorization'),
    purpose: req.get('x-purpose'),
    requestId,
    // Express links each request to its response; the gateway's wiring stays as it is.
    signal: req.res ? callerLeft(req.res) : undefined,
  };
}
