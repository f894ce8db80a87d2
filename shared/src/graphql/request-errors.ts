import type { ErrorRequestHandler } from 'express';
import type { Logger } from '@peacegraph/kit';

/**
 * Errors raised before GraphQL sees the request (body too large, not JSON) answered the way a GraphQL
 * client can read, instead of Express's default page, which carries a stack trace outside production.
 */
export function requestErrorHandler(bodyLimit: string, log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, status } = (error ?? {}) as { type?: string; status?: number };
    if (type === 'entity.too.large') {
      res.status(413).json(graphqlError(`The request body is larger than the ${bodyLimit} limit`, 'PAYLOAD_TOO_LARGE', { limit: bodyLimit }));
    } else if (type === 'entity.parse.failed') {
      res.status(400).json(graphqlError('The request body is not valid JSON', 'BAD_REQUEST'));
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json(graphqlError('The request could not be read', 'BAD_REQUEST'));
    } else {
      log.error({ err: error }, 'request failed before reaching GraphQL');
      res.status(500).json(graphqlError('Internal error: the request could not be completed', 'INTERNAL_SERVER_ERROR'));
    }
  };
}

function graphqlError(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}
