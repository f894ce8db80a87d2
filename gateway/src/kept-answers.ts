import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { declaredVariables, KeptEntries, keptBytes, rememberJson } from '@peacegraph/kit/server';
import type { GatewayContext, KeptCalls } from './context';
import type { SubgraphAnswer } from './subgraph-http';

/** One subgraph call a kept answer was built from: its tag, and how to send it again. */
export interface SubgraphFetch {
  /** The subgraph's strong entity tag for its answer; undefined when it gave none (not an answer it keeps). */
  etag: string | undefined;
  /** The subgraph and the body: what the data source finds an answer already asked for by. */
  call: string;
  /** Characters of the call's body and answer: what keeping the call costs besides the answer. */
  size: number;
  /** Sends the same call again for `caller`, with `If-None-Match: etag`. */
  askAgain: (caller: GatewayContext) => Promise<SubgraphAnswer>;
}

interface Kept {
  schema: number;
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
  let newestSchema = 0;
  const schemaId = (schema: GraphQLSchema) => {
    let id = schemas.get(schema);
    if (id === undefined) schemas.set(schema, (id = ++schemaCount));
    if (id > newestSchema) {
      // A new supergraph: what was kept under an older one can never be asked for again.
      newestSchema = id;
      entries.forgetWhere((kept) => kept.schema < id);
    }
    return id;
  };

  return {
    async requestDidStart({ contextValue }) {
      // The data source notes each call here, and takes from here what a failed check already asked.
      const calls: KeptCalls = { fetches: [], asked: new Map() };
      contextValue.kept = calls;
      let pending: { key: string; schema: number } | null = null;
      return {
        async responseForOperation(request) {
          if (request.operation.operation !== 'query') return null;
          const caller = request.contextValue;
          const schema = schemaId(request.schema);
          const key = createHash('sha256')
            .update(
              JSON.stringify([
                schema,
                request.source,
                request.operationName,
                declaredVariables(request.operation, request.request.variables),
                caller.authorization ?? null,
                caller.purpose ?? null,
              ]),
            )
            .digest('base64url');
          pending = { key, schema };
          const kept = entries.peek(key);
          if (!kept) return null;
          const answers = kept.fetches.map((fetch) => fetch.askAgain(caller));
          if (!(await allNotModified(answers))) {
            // The query runs now, without waiting for the other checks: each call takes its check's
            // answer (a new answer, an error, a timeout; a 304 is sent again), so none is waited for twice.
            answers.forEach((answer, i) => {
              answer.catch(() => undefined);
              calls.asked.set(kept.fetches[i]!.call, answer);
            });
            // A caller who left proves nothing about the answer.
            if (!caller.signal?.aborted) entries.forget(key);
            return null;
          }
          entries.used(key);
          pending = null;
          onServed();
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: kept.data } } };
        },
        async willSendResponse({ response }) {
          if (!pending || response.body.kind !== 'single') return;
          const { data, errors, extensions } = response.body.singleResult;
          const { fetches } = calls;
          if (!data || errors?.length || extensions || fetches.length === 0 || fetches.some((fetch) => !fetch.etag)) return;
          // Written out once here, for this answer and every time it is served again (stringifyResult).
          const json = JSON.stringify(data);
          rememberJson(data, json);
          const asked = fetches.reduce((sum, fetch) => sum + fetch.size, 0);
          entries.keep(pending.key, { schema: pending.schema, fetches, data, bytes: keptBytes(json.length + asked) });
        },
      };
    },
  };
}

/** True once every answer is a 304; false at the first that is not (or fails), without waiting for the rest. */
function allNotModified(answers: Promise<SubgraphAnswer>[]): Promise<boolean> {
  return new Promise((resolve) => {
    let left = answers.length;
    for (const answer of answers) {
      answer.then(
        ({ status }) => {
          if (status !== 304) resolve(false);
          else if (--left === 0) resolve(true);
        },
        () => resolve(false),
      );
    }
  });
}
