import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../server/logger';

/** Codes only these handlers give (besides BAD_REQUEST, NOT_FOUND and INTERNAL_SERVER_ERROR). */
export const RequestErrorCode = {
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
} as const;

/**
 * Errors raised before GraphQL sees a request (a body too large, not JSON, in a charset or encoding
 * we do not read) answered the way a GraphQL client can read, at every route of every process —
 * instead of Express's default page, which carries a stack trace and file paths.
 */
export function requestErrorHandler(bodyLimit: string, log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, status } = (error ?? {}) as { type?: string; status?: number };
    if (type === 'entity.too.large') {
      res
        .status(413)
        .json(
          graphqlError(`The request body is larger than the ${bodyLimit} limit`, RequestErrorCode.PAYLOAD_TOO_LARGE, { limit: bodyLimit }),
        );
    } else if (type === 'entity.parse.failed') {
      res.status(400).json(graphqlError('The request body is not valid JSON', 'BAD_REQUEST'));
    } else if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      res
        .status(415)
        .json(
          graphqlError(
            'The request body must be JSON in UTF-8, without a content encoding other than gzip or deflate',
            RequestErrorCode.UNSUPPORTED_MEDIA_TYPE,
          ),
        );
    } else if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json(graphqlError('The request could not be read', 'BAD_REQUEST'));
    } else {
      log.error({ err: error }, 'request failed before reaching GraphQL');
      res.status(500).json(graphqlError('Internal error: the request could not be completed', 'INTERNAL_SERVER_ERROR'));
    }
  };
}

/** Any path no route serves: a plain JSON 404 rather than Express's HTML page. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json(graphqlError('Nothing is served at this path; GraphQL is at /graphql', 'NOT_FOUND'));
};

function graphqlError(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}
