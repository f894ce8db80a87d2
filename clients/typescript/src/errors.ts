/** One problem of an input, as the platform lists them all at once in `extensions.problems`. */
export interface Problem {
  field: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A GraphQL error as it arrives in the `errors` of an answer. */
export interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/**
 * Codes only this client raises, when no answer of the platform could be read: the network failed (or
 * the request timed out) on every attempt, or what came back was not a GraphQL answer.
 */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  BAD_RESPONSE: 'BAD_RESPONSE',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/**
 * One error of the platform (or of the client), typed: `code` is `extensions.code` (see
 * docs/errors.md), `field` and `problems` say which input is wrong, `retryable` that the platform is at
 * fault and the same request may succeed later. A request that fails throws the first of its errors,
 * with all of them in `errors` and whatever data came with them in `data`.
 */
export class PeaceGraphError extends Error {
  override readonly name = 'PeaceGraphError';
  readonly code: string;
  /** The input field at fault (`input.reportedOn`), for BAD_USER_INPUT. */
  readonly field: string | undefined;
  /** Every problem of the input, when there were several. */
  readonly problems: Problem[];
  /** The platform's fault: the same request may succeed after a pause. */
  readonly retryable: boolean;
  /** The subgraph the error came from, when the gateway says so. */
  readonly serviceName: string | undefined;
  readonly path: (string | number)[] | undefined;
  /** The HTTP status of the answer that carried the error (undefined when there was no answer). */
  readonly status: number | undefined;
  /** The X-Request-Id of the answer: give it when reporting an INTERNAL_SERVER_ERROR. */
  readonly requestId: string | undefined;
  readonly extensions: Record<string, unknown>;
  /** Every error of the answer, this one first (not enumerable: the list holds this error). */
  declare errors: PeaceGraphError[];
  /** The data that came with the errors (null fields where they failed), if any. */
  declare data: unknown;

  constructor(
    message: string,
    options: {
      code: string;
      extensions?: Record<string, unknown>;
      path?: (string | number)[];
      status?: number;
      requestId?: string;
      cause?: unknown;
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const extensions = options.extensions ?? {};
    this.code = options.code;
    this.extensions = extensions;
    this.field = typeof extensions.field === 'string' ? extensions.field : undefined;
    this.problems = Array.isArray(extensions.problems)
      ? (extensions.problems as Problem[])
      : this.field
        ? [{ field: this.field, message }]
        : [];
    this.retryable = extensions.retryable === true;
    this.serviceName = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
    this.path = options.path;
    this.status = options.status;
    this.requestId = options.requestId;
    Object.defineProperty(this, 'errors', { value: [this], writable: true, enumerable: false, configurable: true });
    Object.defineProperty(this, 'data', { value: undefined, writable: true, enumerable: false, configurable: true });
  }

  /** The error as JSON (for logs): its own fields, and the other errors by code and message. */
  toJSON(): Record<string, unknown> {
    const { code, message, field, problems, retryable, serviceName, path, status, requestId } = this;
    const others = this.errors.filter((e) => e !== this).map((e) => ({ code: e.code, message: e.message, path: e.path }));
    return {
      name: this.name,
      code,
      message,
      field,
      problems,
      retryable,
      serviceName,
      path,
      status,
      requestId,
      ...(others.length ? { others } : {}),
    };
  }

  /** The typed error of one GraphQL error of an answer. */
  static fromJson(error: GraphQLErrorJson, status?: number, requestId?: string): PeaceGraphError {
    const extensions = error.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    return new PeaceGraphError(typeof error.message === 'string' ? error.message : code, {
      code,
      extensions,
      path: error.path,
      status,
      requestId,
    });
  }

  /** The first error of a list, carrying them all and the data. */
  static of(errors: PeaceGraphError[], data: unknown): PeaceGraphError {
    const first = errors[0]!;
    first.errors = errors;
    first.data = data;
    return first;
  }
}
