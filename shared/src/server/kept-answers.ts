import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextResponseForOperation } from '@apollo/server';
import {
  Kind,
  TypeInfo,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Viewer } from '../auth/viewer';
import { retryableErrorFor } from '../errors/errors';
import { today } from '../input/dates';
import { classOf } from '../policy/classes';
import type { PolicyContext } from '../policy/enforce';
import { env } from './env';

/** How much a subgraph keeps; read again where the server starts. */
export const keptAnswersEnv = {
  KEPT_ANSWERS_MB: env.integer('megabytes of whole statistics answers a subgraph keeps until a write commits (0: none)', 32, 0),
};

/** One answer is never kept above this share of the budget: one huge table would push out every other. */
const LARGEST_SHARE = 8;
/** Answers kept at most, however small: each costs its key and bookkeeping besides its data. */
const MOST_ENTRIES = 4096;
/**
 * Kept data is live objects, not its JSON: counted as this many times its JSON's length, plus a
 * fixed cost per entry (key, map slot, record), so that the budget bounds the heap it takes.
 */
const HEAP_PER_JSON_BYTE = 3;
const BYTES_PER_ENTRY = 512;

/** The heap an answer of this JSON length takes when kept, as the budget counts it. */
export function keptBytes(jsonLength: number): number {
  return jsonLength * HEAP_PER_JSON_BYTE + BYTES_PER_ENTRY;
}

/**
 * Whole answers kept within a heap budget (keptBytes): least recently used out first, at most 4,096,
 * none above an eighth of the budget. The subgraphs' kept answers and the gateway's use it.
 */
export class KeptEntries<V extends { bytes: number }> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  /** What is kept for `key`, not yet counted as used. */
  peek(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Counts `key` as just used: the Map's order is the eviction order. */
  used(key: string): void {
    const kept = this.entries.get(key);
    if (!kept) return;
    this.entries.delete(key);
    this.entries.set(key, kept);
  }

  keep(key: string, kept: V): void {
    this.forget(key);
    if (kept.bytes > this.budget / LARGEST_SHARE) return;
    this.entries.set(key, kept);
    this.bytes += kept.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.budget && this.entries.size <= MOST_ENTRIES) break;
      this.forget(oldest);
    }
  }

  forget(key: string): void {
    const kept = this.entries.get(key);
    if (!kept) return;
    this.entries.delete(key);
    this.bytes -= kept.bytes;
  }

  /** Drops every entry `gone` says can no longer be served. */
  forgetWhere(gone: (kept: V) => boolean): void {
    for (const [key, kept] of this.entries) if (gone(kept)) this.forget(key);
  }
}

/**
 * The snapshot as text, and its xmax (one past the highest completed transaction) to drop what can no
 * longer be served; null on a standby, where a commit may leave the snapshot's text unchanged.
 */
export const SNAPSHOT_SQL = `SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_snapshot()::text END AS s`;

export interface KeptAnswersOptions {
  /** The fields whose whole answers may be kept, as `Type.field`: statistics that depend on nothing but the data, the arguments and the caller. */
  fields: readonly string[];
  /** The database's current snapshot as text (SNAPSHOT_SQL: one statement), null when nothing can be kept. */
  snapshot: () => Promise<string | null>;
  /** Bytes of heap kept answers take at most; 0 keeps none (the listed fields are still checked). */
  budget: number;
}

interface Kept {
  snapshot: string;
  xmax: bigint;
  data: Record<string, unknown>;
  /** The answer's entity tag: a digest of its JSON. */
  etag: string;
  bytes: number;
}

/** The JSON of kept answers' data, written once when kept: served again, it is not written again. */
const written = new WeakMap<object, string>();

/** Notes the JSON of `data`, kept to be served again, for `stringifyResult`. */
export function rememberJson(data: object, json: string): void {
  written.set(data, json);
}

/**
 * Apollo Server's `stringifyResult` for every server of the platform: compact JSON, and the JSON
 * already written for a kept answer's data when the answer is that data alone (most of a large kept
 * table's cost, once execution is skipped, was writing it out again).
 */
export function stringifyResult(result: { errors?: unknown; data?: unknown; extensions?: unknown }): string {
  const json = result.errors === undefined && result.extensions === undefined && result.data ? written.get(result.data) : undefined;
  return json === undefined ? JSON.stringify(result) : `{"data":${json}}`;
}

/** A strong entity tag of an answer's JSON: equal tags, equal answers. */
function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
}

/**
 * The answer a caller (the gateway) already holds, as it said in `If-None-Match`, is still the answer:
 * 304 and no body (Node sends none with a 304), so neither side writes, sends or parses it again.
 */
function notModified(request: { request: { http?: { headers: Map<string, string> } } }, etag: string): boolean {
  return request.request.http?.headers.get('if-none-match') === etag;
}

function xmaxOf(snapshot: string): bigint {
  return BigInt(snapshot.split(':')[1] ?? '0');
}

/**
 * Whole answers of a subgraph's statistics, kept while no write commits anywhere in its database
 * cluster, so that a dashboard asked again skips execution (for a 2,000-figure table, most of its cost).
 *
 * Why it is never stale: a request reads the database's snapshot (xmin:xmax:in-progress ids) before
 * anything else; every commit changes it (the committed id leaves the in-progress list or moves xmax),
 * so an equal snapshot means nothing committed since the kept answer's request read it, and that answer
 * was computed after that read, from data at least as new. Whatever writes — a partner through the API,
 * an operator's hand correction, a migration, a trigger — needs no hook here. Unrelated writes in the
 * cluster only cost a miss.
 *
 * What it is kept for: the operation's text and name, the variables it declares, the caller's whole
 * identity (kind, subject, organisation, scopes, as keys of disclosure control and of PARTNER fields),
 * the stated purpose and the platform's day. Kept only: queries whose every root field is listed (or
 * `_entities` asking, of each entity, listed fields beside its keys), that select no SENSITIVE field
 * anywhere (each such read must reach the audit log), and whose answer has no error. Everything under a
 * listed field is kept with it: a field is listed only if nothing it reaches reads the clock. Nothing is
 * kept on a standby (a commit there may leave the snapshot's text as it was). Bounded in heap bytes and
 * entries; least recently used out first, and what no later snapshot can match out as soon as a newer
 * one is seen.
 */
export function keptAnswers<C extends PolicyContext>(schema: GraphQLSchema, options: KeptAnswersOptions): ApolloServerPlugin<C> {
  const listed = new Set(options.fields);
  for (const coordinate of listed) {
    const [typeName, fieldName] = coordinate.split('.');
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type) || !fieldName || !type.getFields()[fieldName])
      throw new Error(`Kept answers name ${coordinate}, which the schema does not have`);
  }
  if (options.budget <= 0) return {};
  const keepable = new WeakMap<DocumentNode, Map<string, boolean>>();
  const entries = new KeptEntries<Kept>(options.budget);
  let newestXmax = -1n;

  const decide = (document: DocumentNode, operation: OperationDefinitionNode): boolean => {
    const name = operation.name?.value ?? '';
    let byName = keepable.get(document);
    if (!byName) keepable.set(document, (byName = new Map()));
    let decision = byName.get(name);
    if (decision === undefined)
      byName.set(name, (decision = operation.operation === 'query' && onlyListed(schema, listed, document, operation)));
    return decision;
  };
  /** A commit moved xmax: no later request can read a snapshot below it, so what was kept under one goes. */
  const advance = (xmax: bigint) => {
    if (xmax <= newestXmax) return;
    newestXmax = xmax;
    entries.forgetWhere((kept) => kept.xmax < xmax);
  };

  return {
    async requestDidStart() {
      let pending: { key: string; snapshot: string; xmax: bigint } | null = null;
      return {
        async responseForOperation(request: GraphQLRequestContextResponseForOperation<C>) {
          if (!decide(request.document, request.operation)) return null;
          let snapshot: string | null;
          try {
            snapshot = await options.snapshot();
          } catch (error) {
            // The database the answer needs is out of reach: say so now rather than wait for it twice.
            const retryable = retryableErrorFor(error);
            if (!retryable) return null;
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { errors: [{ message: retryable.message, extensions: { ...retryable.extensions } }] } },
            };
          }
          // Without a snapshot nothing can be proved fresh: the request runs as if nothing were kept.
          if (snapshot === null) return null;
          const xmax = xmaxOf(snapshot);
          advance(xmax);
          const key = keyOf(
            request.source,
            request.operationName,
            declaredVariables(request.operation, request.request.variables),
            request.contextValue.viewer,
            request.request.http?.headers.get('x-purpose'),
          );
          const kept = entries.peek(key);
          if (kept && kept.snapshot === snapshot) {
            entries.used(key);
            const headers = new HeaderMap([['etag', kept.etag]]);
            if (notModified(request, kept.etag)) return { http: { status: 304, headers }, body: { kind: 'single', singleResult: {} } };
            return { http: { status: undefined, headers }, body: { kind: 'single', singleResult: { data: kept.data } } };
          }
          pending = { key, snapshot, xmax };
          return null;
        },
        async willSendResponse(request) {
          const { response } = request;
          if (!pending || response.body.kind !== 'single') return;
          const { data, errors, extensions } = response.body.singleResult;
          if (!data || errors?.length || extensions) return;
          const json = JSON.stringify(data);
          rememberJson(data, json);
          const etag = etagOf(json);
          response.http.headers.set('etag', etag);
          if (notModified(request, etag)) response.http.status = 304;
          // One that read an older snapshot than the newest seen could never be served.
          if (pending.xmax >= newestXmax) entries.keep(pending.key, { ...pending, data, etag, bytes: keptBytes(json.length) });
        },
      };
    },
  };
}

function keyOf(source: string, operationName: string | null, variables: unknown, viewer: Viewer, purpose: string | undefined): string {
  const who =
    viewer.kind === 'partner' ? [viewer.kind, viewer.subject, viewer.organisationId, [...viewer.scopes].sort(), viewer.via] : [viewer.kind];
  return createHash('sha256')
    .update(JSON.stringify([source, operationName, variables, who, purpose ?? null, today()]))
    .digest('base64url');
}

/** Only the variables the operation declares: others change nothing in the answer, so not its key either. */
export function declaredVariables(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): unknown[] {
  return (operation.variableDefinitions ?? []).map((definition) => {
    const name = definition.variable.name.value;
    // Left out (its default applies) and sent as null are two answers.
    return variables && Object.hasOwn(variables, name) ? [name, variables[name]] : [name];
  });
}

/**
 * Whether every root field is listed (`_entities` only with listed fields and keys inside) and no
 * field anywhere in the document is SENSITIVE or asked of an interface or union (whose class depends
 * on the record).
 */
function onlyListed(
  schema: GraphQLSchema,
  listed: ReadonlySet<string>,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const query = schema.getQueryType();
  if (!query) return false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return false;
    const name = selection.name.value;
    if (name === '__typename') continue;
    if (name === '_entities') {
      if (!entitiesOnlyListed(schema, listed, selection.selectionSet?.selections ?? [])) return false;
    } else if (!listed.has(`${query.name}.${name}`)) return false;
  }
  const typeInfo = new TypeInfo(schema);
  let sensitive = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!isObjectType(parent) || !field || classOf(parent, field) === 'SENSITIVE') sensitive = true;
      },
    }),
  );
  return !sensitive;
}

function entitiesOnlyListed(schema: GraphQLSchema, listed: ReadonlySet<string>, selections: readonly SelectionNode[]): boolean {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD && selection.name.value === '__typename') continue;
    if (selection.kind !== Kind.INLINE_FRAGMENT || !selection.typeCondition) return false;
    const type = schema.getType(selection.typeCondition.name.value);
    if (!isObjectType(type)) return false;
    const keys = keyFieldsOf(type);
    let asksListed = false;
    for (const inner of selection.selectionSet.selections) {
      if (inner.kind !== Kind.FIELD) return false;
      const name = inner.name.value;
      if (listed.has(`${type.name}.${name}`)) asksListed = true;
      else if (name !== '__typename' && !keys.has(name)) return false;
    }
    // Keys alone are no statistics: such a request is the gateway resolving references, not a figure.
    if (!asksListed) return false;
  }
  return selections.length > 0;
}

/** The top-level fields of an entity's `@key`s: they come back from the representation, not the data. */
function keyFieldsOf(type: GraphQLObjectType): Set<string> {
  const fields = new Set<string>();
  for (const node of [type.astNode, ...(type.extensionASTNodes ?? [])]) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const argument = directive.arguments?.find((a) => a.name.value === 'fields');
      if (argument?.value.kind !== Kind.STRING) continue;
      // Only a flat key's names: a nested key's inner names would be read as fields of the entity.
      if (argument.value.value.includes('{')) continue;
      for (const name of argument.value.value.split(/[\s,]+/)) if (name) fields.add(name);
    }
  }
  return fields;
}
