import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { bearer } from '@peacegraph/kit/testing';
import type { DataSource } from 'typeorm';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

/**
 * The catalogue of values an attacker or a careless integrator sends, to every argument (and every
 * field of every input object) of every root field and mutation, at the gateway and at each subgraph,
 * anonymously and as a writer of every domain. Whatever the value, the answer is the caller's error
 * or an answer: never a 5xx, never INTERNAL_SERVER_ERROR, never a stack, a path or SQL, and no row
 * written anywhere.
 */

const UNKNOWN_ID = '7d0f4e2a-4b1c-4c7e-9a55-3f1e2d3c4b5a';
const NESTED_DEPTH = 1000;
const LONG = 'x'.repeat(100_000);

function nested(depth: number): unknown {
  let value: unknown = { leaf: 'x' };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const raw = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * `refuse`: no field may accept it. `required`: a required field refuses it, an optional one may take it
 * as "none". `harmless`: odd but legitimate (a right-to-left mark, an apostrophe, zero), which a create
 * may store: such requests run apart, and are not held to "no row written".
 */
type Verdict = 'refuse' | 'required' | 'harmless';
type Hostile = [label: string, value: unknown, verdict?: Verdict];

/** Values for any text: control characters, sizes, blanks, unicode oddities and malformed identifiers. */
const TEXT: Hostile[] = [
  ['NUL', 'a\u0000b'],
  ['C0 controls', '\u0007bell\u001Bescape\u0008'],
  ['lone surrogate', 'half \uD800 pair'],
  ['100 KB', LONG],
  ['empty', '', 'required'],
  ['whitespace only', ' \t\n\u00A0\u3000 ', 'required'],
  ['invisible only', '\u200B\u200D\u2060\uFEFF', 'required'],
  ['marks only', '\u0301\u0308', 'required'],
  ['bidi override', '\u202Etxet\u202C', 'harmless'],
  ['astral', '𝔘𝔫𝔦🙂', 'harmless'],
  ['malformed date', '2021-13-01', 'harmless'],
  ['malformed P-code', 'ML-03', 'harmless'],
  ['three-letter country', 'MLI', 'harmless'],
  ['malformed uuid', '7d0f4e2a-4b1c-4c7e-9a55-3f1e2d3c4b5', 'harmless'],
  ['quote', 'O\'Brien " \\ `', 'harmless'],
  ['number instead', 2147483648],
  ['object instead', { a: 1 }],
];

const NUMBERS: Hostile[] = [
  ['negative', -1, 'harmless'],
  ['int32 min', -2147483648],
  ['2^31', 2147483648],
  ['huge', 1e308],
  ['NaN-like', 'NaN'],
  ['Infinity-like', 'Infinity'],
  ['fraction', 0.5, 'harmless'],
  ['2^53', 9007199254740992],
  ['numeric string', '12'],
  ['zero', 0, 'harmless'],
];

const DATES: Hostile[] = [
  ['month 13', '2021-13-01'],
  ['30 February', '2021-02-30'],
  ['year 0', '0000-01-01'],
  ['year 9999', '9999-12-31', 'harmless'],
  ['long ago', '1000-01-01', 'harmless'],
  ['hour 25', '2021-01-01T25:00:00Z'],
  ['empty', ''],
  ['NUL', '2021-01-01\u0000'],
  ['number', 20210101],
];

const BOOLEANS: Hostile[] = [
  ['string', 'true'],
  ['number', 0],
];

const JSON_VALUES: Hostile[] = [
  ['deeply nested', nested(NESTED_DEPTH)],
  ['NUL inside', { __typename: 'Community', id: 'a\u0000b' }],
  ['unknown type', { __typename: 'NoSuchType', id: UNKNOWN_ID }],
  ['text id of a uuid key', { __typename: 'Community', id: 'not-a-uuid' }],
  ['huge', { __typename: 'Community', id: LONG }],
];

function cursors(foreign: string[]): Hostile[] {
  return [
    ...foreign.map((cursor, i): Hostile => [`foreign cursor ${i + 1}`, cursor]),
    ['cursor without a list', raw(['2021-01-01', UNKNOWN_ID])],
    ['forged values', raw(['AAAAAAAAAA', 'Ségou', '2021-13-01', 5])],
    ['nested cursor', raw([raw([raw(['x'])])])],
    ['overlong cursor', 'A'.repeat(5000)],
    ['not base64', '%%% not a cursor %%%'],
    ['NUL', 'a\u0000b'],
    ['empty', ''],
  ];
}

interface Target {
  /** Dotted path from the field's arguments, e.g. `input.name`. */
  path: string[];
  type: GraphQLInputType;
}

/** Every argument and every field of input objects below it (each input type once per path, to a depth). */
function targets(field: GraphQLField<unknown, unknown>): Target[] {
  const found: Target[] = [];
  const walk = (type: GraphQLInputType, path: string[], seen: Set<string>) => {
    found.push({ path, type });
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name) || path.length > 3) return;
    for (const inner of Object.values(named.getFields())) walk(inner.type, [...path, inner.name], new Set([...seen, named.name]));
  };
  for (const arg of field.args) walk(arg.type, [arg.name], new Set());
  return found;
}

/** A value that passes the schema and refers to nothing that exists: the request reaches the resolver. */
function plausible(type: GraphQLInputType, name = ''): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name);
  if (isListType(type)) return [plausible(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const inner of Object.values(type.getFields())) {
      if (isNonNullType(inner.type) && inner.defaultValue === undefined) value[inner.name] = plausible(inner.type, inner.name);
    }
    return value;
  }
  switch (type.name) {
    case 'ID':
    case 'UUID':
      return UNKNOWN_ID;
    case 'Int':
      return name === 'version' ? 1 : 3;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'Date':
      return '2024-01-15';
    case 'DateTime':
      return '2024-01-15T10:00:00Z';
    case 'PCode':
      return 'ML99';
    case 'CountryCode':
      return 'ML';
    case 'LanguageCode':
      return 'bam';
    case 'Latitude':
      return 14.5;
    case 'Longitude':
      return -4.2;
    case 'URL':
      return 'https://example.org/x';
    case '_Any':
    case 'JSONObject':
      return { __typename: 'Community', id: UNKNOWN_ID };
    default:
      return 'plausible';
  }
}

/** The catalogue for one argument or input field, by what it holds. */
function catalogue(target: Target, foreignCursors: string[]): Hostile[] {
  const named = getNamedType(target.type);
  const last = target.path.at(-1)!;
  const values: Hostile[] = [];
  if (last === 'after' || last === 'before') values.push(...cursors(foreignCursors));
  else if (isInputObjectType(named)) {
    values.push(['deeply nested input', nested(NESTED_DEPTH)], ['list instead of object', [{}]], ['empty object', {}]);
  } else if (isEnumType(named)) {
    values.push(['unknown enum value', 'NOT_A_VALUE'], ['lower-case enum value', named.getValues()[0]!.name.toLowerCase()], ['empty', '']);
  } else if (isScalarType(named)) {
    if (['Int', 'Float', 'Latitude', 'Longitude'].includes(named.name)) values.push(...NUMBERS);
    else if (['Date', 'DateTime'].includes(named.name)) values.push(...DATES);
    else if (named.name === 'Boolean') values.push(...BOOLEANS);
    else if (['_Any', 'JSONObject'].includes(named.name)) values.push(...JSON_VALUES);
    else values.push(...TEXT);
  }
  if (isListType(isNonNullType(target.type) ? target.type.ofType : target.type)) {
    const item = plausible(named);
    values.push(['10,000 items', Array.from({ length: 10_000 }, () => item)], ['null item', [null]]);
  }
  return values;
}

/** The base arguments with the value at `path`; input objects on the way get their required fields. */
function setAt(
  base: Record<string, unknown>,
  field: GraphQLField<unknown, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(base);
  let node: Record<string, unknown> = copy;
  let types: Record<string, { type: GraphQLInputType }> = Object.fromEntries(field.args.map((a) => [a.name, a]));
  for (const key of path.slice(0, -1)) {
    const type = getNamedType(types[key]!.type) as GraphQLInputObjectType;
    let next = node[key];
    if (Array.isArray(next)) next = next[0];
    if (typeof next !== 'object' || next === null) {
      next = plausible(type);
      node[key] = next;
    }
    node = next as Record<string, unknown>;
    types = type.getFields();
  }
  node[path.at(-1)!] = value;
  return copy;
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, sentArgs: string[]): string {
  const args = field.args.filter((a: GraphQLArgument) => sentArgs.includes(a.name));
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(field.type);
  const selection = isObjectType(returned) || isAbstractType(returned) ? ' { __typename }' : '';
  return `${kind}${declared ? ` Hostile(${declared})` : ' Hostile'} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
}

interface Probe {
  /** May a create take this value and write a row? */
  mayWrite: boolean;
  endpoint: string;
  url: string;
  caller: 'anonymous' | 'writer';
  field: string;
  target: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Everything the answer may not show: stacks, paths of the servers' files, SQL and driver errors. */
const LEAKS = [
  /\/work\//,
  /node_modules/,
  /\.ts:\d+/,
  /\.js:\d+/,
  /\bat [\w.<>]+ \(/,
  /QueryFailedError|TypeError|ReferenceError|SyntaxError: Unexpected/,
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bINSERT INTO\b|\bUPDATE "?\w+"? SET\b/,
  /invalid input syntax for|violates .* constraint|relation "\w+"|column "\w+"/,
  /<!DOCTYPE|<html/i,
];

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

async function introspect(url: string): Promise<GraphQLSchema> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data: IntrospectionQuery };
  return buildClientSchema(body.data);
}

async function rowCounts(name: string, dataSource: DataSource): Promise<Record<string, number>> {
  const tables = (await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )) as { table_name: string }[];
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}"`)) as { n: number }[];
    counts[`${name}.${table_name}`] = row!.n;
  }
  return counts;
}

let platform: PlatformUnderTest;

beforeAll(async () => {
  platform = await startPlatform();
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

function databases(): [string, DataSource][] {
  return (['directory', 'curriculum', 'conflicts', 'forums', 'mining', 'displacement'] as const).map((name) => [
    name,
    platform[name].db.dataSource,
  ]);
}

async function allRows(): Promise<Record<string, number>> {
  const counts = await Promise.all(databases().map(([name, ds]) => rowCounts(name, ds)));
  return Object.assign({}, ...counts) as Record<string, number>;
}

/**
 * Values of one argument's catalogue sent by a writer, rotating so that every value reaches some
 * argument of each type; an anonymous caller sends fewer (most of its answers are UNAUTHENTICATED).
 * About 9,000 requests: about a minute on two cores shared with other work, gateway and subgraphs in this process.
 */
const PER_TARGET = 3;
const PER_TARGET_ANONYMOUS = 1;

it("answers every hostile value as the caller's error, with no leak and no row written", async () => {
  const started = Date.now();
  const endpoints: [string, string][] = [
    ['gateway', platform.gateway.url],
    ...(['directory', 'curriculum', 'conflicts', 'forums', 'mining', 'displacement'] as const).map((name): [string, string] => [
      name,
      platform[name].url,
    ]),
  ];
  const foreign = await platform.request<{ adminAreas: { edges: { cursor: string }[] }; languages: { edges: { cursor: string }[] } }>(
    '{ adminAreas(first: 1) { edges { cursor } } languages(first: 1) { edges { cursor } } }',
  );
  const foreignCursors = [foreign.data!.adminAreas.edges[0]!.cursor, foreign.data!.languages.edges[0]!.cursor];
  const writerScope = ['directory', 'curriculum', 'conflicts', 'forums', 'mining', 'displacement']
    .flatMap((d) => [`${d}:read`, `${d}:write`])
    .join(' ');
  const headers = { anonymous: {}, writer: { authorization: await bearer(ORGS.educators, writerScope) } };

  const probes: Probe[] = [];
  let rotation = 0;
  for (const [endpoint, url] of endpoints) {
    const schema = await introspect(url);
    for (const kind of ['query', 'mutation'] as const) {
      const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (field.name.startsWith('_service')) continue;
        const base: Record<string, unknown> = {};
        for (const arg of field.args)
          if (isNonNullType(arg.type) && arg.defaultValue === undefined) base[arg.name] = plausible(arg.type, arg.name);
        const fieldTargets = targets(field);
        const firstTarget = fieldTargets[0];
        for (const target of fieldTargets) {
          const all = catalogue(target, foreignCursors);
          // The gateway forwards what it accepts to the same subgraphs: fewer values there, more at each subgraph.
          const perTarget = endpoint === 'gateway' ? PER_TARGET - 1 : PER_TARGET;
          const picked = all.length <= perTarget ? all : Array.from({ length: perTarget }, (_, i) => all[(rotation + i) % all.length]!);
          rotation += perTarget;
          for (const [label, value, verdict = 'refuse'] of picked) {
            const mayWrite = kind === 'mutation' && (verdict === 'harmless' || (verdict === 'required' && !isNonNullType(target.type)));
            const variables = setAt(base, field, target.path, value);
            for (const caller of ['anonymous', 'writer'] as const) {
              // Anonymous callers of mutations are refused before any input is read: one per field is enough.
              if (caller === 'anonymous' && (kind === 'mutation' ? target !== firstTarget : label !== picked[0]![0])) continue;
              if (
                caller === 'anonymous' &&
                PER_TARGET_ANONYMOUS < picked.length &&
                picked.findIndex((p) => p[0] === label) >= PER_TARGET_ANONYMOUS
              )
                continue;
              probes.push({
                mayWrite: mayWrite && caller === 'writer',
                endpoint,
                url,
                caller,
                field: `${kind} ${field.name}`,
                target: target.path.join('.'),
                label,
                query: operation(kind, field, Object.keys(variables)),
                variables,
              });
            }
          }
        }
      }
    }
  }

  const outcomes: Record<string, number> = {};
  const failures: string[] = [];
  const accepted: string[] = [];
  const send = async (probe: Probe) => {
    const response = await fetch(probe.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers[probe.caller] },
      body: JSON.stringify({ query: probe.query, variables: probe.variables }),
    });
    const text = await response.text();
    let codes: string[];
    try {
      const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
      codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE'))];
      const name = probe.field.split(' ')[1]!;
      if (probe.field.startsWith('mutation') && body.data?.[name])
        accepted.push(`${probe.endpoint} ${probe.caller} ${probe.field} ${probe.target}=${probe.label}`);
    } catch {
      codes = ['NOT_JSON'];
    }
    const outcome = `${response.status} ${codes.join('+') || 'OK'}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const leak = LEAKS.find((pattern) => pattern.test(text));
    if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('NOT_JSON') || leak) {
      failures.push(
        `${probe.endpoint} ${probe.caller} ${probe.field} ${probe.target}=${probe.label}: ${outcome}${leak ? ` leaks ${leak}` : ''} ${text.slice(0, 300)}`,
      );
    }
  };
  // First every request that must write nothing, then the harmless values a create may store.
  const before = await allRows();
  await pool(
    probes.filter((p) => !p.mayWrite),
    6,
    send,
  );
  const after = await allRows();
  const changed = Object.keys(after)
    .filter((table) => after[table] !== before[table])
    .map((table) => `${table}: ${before[table]} → ${after[table]}`);
  const refusedOnly = accepted.splice(0);
  await pool(
    probes.filter((p) => p.mayWrite),
    6,
    send,
  );

  // The figures for the record: how many requests and what they were answered.
  console.log(
    `${probes.length} hostile requests in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      Object.entries(outcomes)
        .sort((a, b) => b[1] - a[1])
        .map(([outcome, n]) => `  ${n}\t${outcome}`)
        .join('\n') +
      `\n  ${accepted.length} harmless values stored by creates, e.g. ${accepted.slice(0, 5).join('; ')}` +
      (failures.length ? `\n${failures.length} failures:\n${failures.join('\n')}` : ''),
  );
  expect({ failures, changed, accepted: refusedOnly }).toEqual({ failures: [], changed: [], accepted: [] });
}, 300_000);
