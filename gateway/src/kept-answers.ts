import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { declaredVariables, KeptEntries, keptBytes } from '@peacegraph/kit/server';
import type { GatewayContext } from './context';
import type { SubgraphAnswer } from './subgraph-http';

/** One subgraph call a kept answer was built from: its tag, and how to send it again. */
export interface SubgraphFetch {
  /** The subgraph's strong entity tag for its answer; undefined when it gave none (not an answer it keeps). */
  etag: string | undefined;
  /** The subgraph and the body: what the data source finds an answer already asked for by. */
  call: string;
  /** Sends the same call again for `caller`, with `If-None-Match: etag`. */
  askAgain: (caller: GatewayContext) => Promise<SubgraphAnswer>;
}

interface Kept {
  fetches: SubgraphFetch[];
  data: Record<string, unknown>;
  bytes: number;
}

/**
 * Whole answers the gateway keeps and asks its subgraphs about instead of assembling them again.
 *
 * A query answered without error whose every subgraph call came back with an entity tag (each subgraph
 * tags the answers it keeps itself: kit kept-answers.ts, statistics and searches) is kept with those
 * calls. The same query of the same caller later sends each call again with `If-None-Match`; when every
 * subgraph answers 304 the kept answer is served, else the query runs as usual, taking what those calls
 * answered (a new answer, an error, a timeout) for the same calls instead of sending them twice. Why that is never stale:
 * a subgraph answers 304 only when the answer it would give now, at its current snapshot, is the one
 * tagged; the first call's body is the one kept, and each later call's body was made from the answers
 * before it, so equal answers give equal bodies and the same answer. What it saves: parsing every
 * subgraph answer and Apollo's result shaping, walked field by field (most of the gateway's CPU on a
 * large table), and the subgraph's writing and sending of it.
 *
 * Keyed by the supergraph in use, the operation's text and name, the variables it declares, the
 * caller's `Authorization` and `X-Purpose`. Never a mutation, an answer with an error, one with no
 * subgraph call, or one a subgraph did not tag (a SENSITIVE field, whose every read a subgraph audits,
 * is never tagged). Bounded in heap bytes (`budget`); least recently used out first.
 */
export function keptAnswers(options: { budget: number }): { plugin: ApolloServerPlugin<GatewayContext>; readonly served: number } {
  let served = 0;
  return {
    plugin: keptAnswersPlugin(options.budget, () => (served += 1)),
    get served() {
      return served;
    },
  };
}

function keptAnswersPlugin(budget: number, onServed: () => void): ApolloServerPlugin<GatewayContext> {
  if (budget <= 0) return {};
  const entries = new KeptEntries<Kept>(budget);
  const schemas = new WeakMap<GraphQLSchema, number>();
  let schemaCount = 0;
  const schemaId = (schema: GraphQLSchema) => {
    let id = schemas.get(schema);
    if (id === undefined) schemas.set(schema, (id = ++schemaCount));
    return id;
  };

  return {
    async requestDidStart() {
      let pending: string | null = null;
      return {
        async responseForOperation(request) {
          if (request.operation.operation !== 'query') return null;
          const caller = request.contextValue;
          const key = createHash('sha256')
            .update(
              JSON.stringify([
                schemaId(request.schema),
                request.source,
                request.operationName,
                declaredVariables(request.operation, request.request.variables),
                caller.authorization ?? null,
                caller.purpose ?? null,
              ]),
            )
            .digest('base64url');
          pending = key;
          const kept = entries.peek(key);
          if (!kept) return null;
          const answers = await Promise.allSettled(kept.fetches.map((fetch) => fetch.askAgain(caller)));
          const holds = (answer: PromiseSettledResult<SubgraphAnswer>) => answer.status === 'fulfilled' && answer.value.status === 304;
          if (!answers.every(holds)) {
            entries.forget(key);
            // Whatever else a subgraph answered (the new answer, an error, a timeout) is this request's
            // answer to that call: the query runs now and takes it rather than ask, or wait, twice.
            answers.forEach((answer, i) => {
              if (holds(answer)) return;
              const settled = answer.status === 'fulfilled' ? Promise.resolve(answer.value) : Promise.reject(answer.reason as Error);
              settled.catch(() => undefined);
              caller.asked.set(kept.fetches[i]!.call, settled);
            });
            return null;
          }
          entries.used(key);
          pending = null;
          onServed();
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: kept.data } } };
        },
        async willSendResponse({ response, contextValue }) {
          if (!pending || response.body.kind !== 'single') return;
          const { data, errors, extensions } = response.body.singleResult;
          const fetches = contextValue.fetches;
          if (!data || errors?.length || extensions || fetches.length === 0 || fetches.some((fetch) => !fetch.etag)) return;
          entries.keep(pending, { fetches: [...fetches], data, bytes: keptBytes(JSON.stringify(data).length) });
        },
      };
    },
  };
}
