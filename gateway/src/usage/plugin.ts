import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@peacegraph/kit/server';
import { clientOf, type GatewayContext, type RequestTrail } from '../context';
import type { ServedOperation } from './buffer';
import { OperationCache } from './operation';

export interface OperationTrackerOptions {
  /** Given every operation answered, when usage reporting is on. */
  record?: (served: ServedOperation) => void;
  log: Logger;
}

export interface OperationTracker {
  /** Notes on the request's trail what Apollo Server answered; nothing more, so the answer is not held up. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /**
   * Once the answer has left: describes the operation (signature, name), records it for usage, and
   * returns what the log line shows. Null fields when the document never parsed.
   */
  finished: (
    trail: RequestTrail,
    header: (name: string) => string | undefined,
  ) => { operationName: string | null; signature: string | null };
}

/**
 * Names each operation the gateway answers and, with usage reporting on, records it. The work (Apollo's
 * signature, a sha256, schema coordinates; ~0.1 ms for a query text not seen before, a map look-up
 * after) is done after the answer was written, never before. What is counted:
 * - every request whose document parsed: executed ones, and ones refused after parsing (validation,
 *   the depth and alias limits, the cost limit, an operationName that names nothing). A refused one
 *   counts as an error; it has no coordinates when it did not validate;
 * - not a request refused before its document was parsed: an unparsable document (no signature to
 *   count it under), a bad body, and a caller who could not be verified (HTTP 401, refused before
 *   Apollo Server reads the document: unverified callers cannot fill the usage data).
 * Nothing here can fail a request: a fault is logged at debug level and the request goes on.
 */
export function operationTracker(options: OperationTrackerOptions): OperationTracker {
  const cache = new OperationCache();
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse(context) {
            const { document, contextValue: caller, response } = context;
            if (!document) return;
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
            caller.trail.answered = {
              document,
              schema: context.schema,
              operationName: context.request.operationName,
              // Validation passed once Apollo Server has looked for the operation to run.
              validated: 'operation' in context && context.operation !== undefined,
              queryHash: context.queryHash,
              failed: (errors?.length ?? 0) > 0,
              durationMs: Number(process.hrtime.bigint() - caller.trail.startedAt) / 1e6,
              organisationId: caller.organisationId,
              apiKey: caller.apiKey,
            };
          },
        };
      },
    },
    finished(trail, header) {
      const answered = trail.answered;
      if (!answered) return { operationName: null, signature: null };
      try {
        const operation = cache.describe(
          answered.schema,
          answered.document,
          answered.operationName,
          answered.validated,
          answered.queryHash,
        );
        options.record?.({
          operation,
          client: clientOf(header, answered.apiKey),
          organisationId: answered.organisationId,
          at: new Date(),
          durationMs: answered.durationMs,
          failed: answered.failed,
          documentId: trail.documentId ?? null,
        });
        return { operationName: operation.name, signature: operation.signature };
      } catch (error) {
        options.log.debug({ err: error, requestId: trail.requestId }, 'operation not described');
        return { operationName: null, signature: null };
      }
    },
  };
}
