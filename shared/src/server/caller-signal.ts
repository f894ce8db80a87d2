import type { ServerResponse } from 'node:http';

const signals = new WeakMap<ServerResponse, AbortSignal>();

/**
 * Aborted when the caller goes away (closes its connection, or its client aborts) before its answer
 * was sent, so the work done for it can stop: subgraph calls at the gateway, SQL at a subgraph.
 * `close` fires after a normal answer too; `writableFinished` tells the two apart. One signal per
 * response, however many parts of the request ask for it.
 */
export function callerLeft(res: ServerResponse): AbortSignal {
  const known = signals.get(res);
  if (known) return known;
  const controller = new AbortController();
  // A caller may be gone before anyone asks (its request waited behind others): then 'close' has
  // already been emitted, and waiting for it would leave the signal unaborted for good.
  if (!res.writableFinished && (res.destroyed || res.socket?.destroyed === true)) controller.abort(new RequestAbandonedError());
  else {
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new RequestAbandonedError());
    });
  }
  signals.set(res, controller.signal);
  return controller.signal;
}

/** The reason of a caller's signal: nobody waits for this request's answer any more. */
export class RequestAbandonedError extends Error {
  override name = 'RequestAbandonedError';
  constructor() {
    super('The caller closed the connection before its answer was sent');
  }
}
