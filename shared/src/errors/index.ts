/** @peacegraph/kit/errors: see shared/README.md. Only what code outside the kit uses is exported. */
export {
  ErrorCode,
  PROTOCOL_CODES,
  PeaceGraphError,
  badInput,
  notFound,
  forbidden,
  unauthenticated,
  conflict,
  serviceUnavailable,
  RETRYABLE_CODES,
  createErrorFormatter,
  withHttpStatus,
} from './errors';
