import { buildSchema, parse } from 'graphql';
import { LATENCY_BUCKETS_MS, USAGE_LIMITS, type UsageEntry } from '@peacegraph/kit/usage';
import { clientOf } from '../src/context';
import { splitReport } from '../src/usage/batches';
import { UsageBuffer, type ServedOperation } from '../src/usage/buffer';
import { describeOperation, OperationCache } from '../src/usage/operation';

const schema = buildSchema(`
  type Query {
    community(id: ID!): Community
    communities(first: Int, country: String): [Community!]!
    node(id: ID!): Node
  }
  interface Node { id: ID! }
  type Community implements Node {
    id: ID!
    name: String!
    area: AdminArea
    neighbours: [Community!]!
  }
  type AdminArea implements Node {
    id: ID!
    name: String!
    country: Country!
  }
  type Country { code: String! name: String! }
`);

const describe_ = (query: string, operationName?: string, validated = true) =>
  describeOperation(schema, parse(query), operationName, validated);

describe('operation signature', () => {
  it('is one for the same operation whatever its literals, whitespace, aliases and field order', () => {
    const forms = [
      'query Village { community(id: "ml-kalana") { id name area { name } } }',
      `query Village {
         community(id: "bf-dori") {
           area { name }
           name
           id
         }
       }`,
      'query Village { place: community(id: "x") { label: name id area { name } } }',
    ];
    const described = forms.map((query) => describe_(query));
    expect(new Set(described.map((d) => d.signature)).size).toBe(1);
    expect(described[0]!.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(described[0]!.name).toBe('Village');
    // The literal is hidden, fields are sorted, aliases gone.
    expect(described[0]!.document).toBe('query Village{community(id:""){area{name}id name}}');
  });

  it('hides list and object literals and numbers too', () => {
    const a = describe_('query Page { communities(first: 10, country: "ML") { id } }');
    const b = describe_('query Page { communities(country: "BF", first: 99) { id } }');
    expect(a.signature).toBe(b.signature);
    expect(a.document).toBe('query Page{communities(country:"",first:0){id}}');
  });

  it('differs for a different selection, a different name, or an anonymous operation', () => {
    const base = describe_('query Village { community(id: "a") { id name } }').signature;
    expect(describe_('query Village { community(id: "a") { id } }').signature).not.toBe(base);
    expect(describe_('query Hamlet { community(id: "a") { id name } }').signature).not.toBe(base);
    const anonymous = describe_('{ community(id: "a") { id name } }');
    expect(anonymous.signature).not.toBe(base);
    expect(anonymous.name).toBeNull();
  });

  it('leaves out the operations and fragments the request does not run', () => {
    const alone = describe_('query B { community(id: "a") { ...Named } } fragment Named on Community { name }');
    const withOthers = describe_(
      `query A { communities { ...Unused } }
       query B { community(id: "a") { ...Named } }
       fragment Named on Community { name }
       fragment Unused on Community { id }`,
      'B',
    );
    expect(withOthers.signature).toBe(alone.signature);
    expect(withOthers.name).toBe('B');
  });

  it("never takes a name from a request's operationName that names no operation: it is the caller's text", () => {
    const described = describe_('query A { communities { id } } query B { communities { name } }', 'Nope\u0007');
    expect(described.name).toBeNull();
    expect(described.coordinates).toEqual([]);
    expect(described.document).toBe('query A{communities{id}}query B{communities{name}}');
  });

  it('takes the name from the document when the request gives none', () => {
    expect(describe_('query OnlyOne { communities { id } }', undefined).name).toBe('OnlyOne');
  });

  it('is the same from the cache, and computed again for another schema', () => {
    const cache = new OperationCache(2);
    const document = parse('query Village { community(id: "a") { name } }');
    const first = cache.describe(schema, document, undefined, true, 'hash-1');
    expect(cache.describe(schema, document, undefined, true, 'hash-1')).toBe(first);
    const other = buildSchema('type Query { community(id: ID!): Community } type Community { name: String }');
    const again = cache.describe(other, document, undefined, true, 'hash-1');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('schema coordinates', () => {
  it('lists every Type.field selected, nested, sorted, by field name rather than alias', () => {
    expect(describe_('{ place: community(id: "a") { label: name area { country { code } } } }').coordinates).toEqual([
      'AdminArea.country',
      'Community.area',
      'Community.name',
      'Country.code',
      'Query.community',
    ]);
  });

  it('follows named fragments, nested fragments and inline fragments, on interfaces too', () => {
    const query = `
      query Find($id: ID!) {
        node(id: $id) {
          id
          ... on Community { ...Place neighbours { id } }
          ... on AdminArea { name }
        }
      }
      fragment Place on Community { name area { ...Area } }
      fragment Area on AdminArea { country { name } }`;
    expect(describe_(query).coordinates).toEqual([
      'AdminArea.country',
      'AdminArea.name',
      'Community.area',
      'Community.id',
      'Community.name',
      'Community.neighbours',
      'Country.name',
      'Node.id',
      'Query.node',
    ]);
  });

  it('leaves out __typename and introspection', () => {
    expect(
      describe_('{ __typename community(id: "a") { __typename id } __schema { types { name } } __type(name: "X") { name } }').coordinates,
    ).toEqual(['Community.id', 'Query.community']);
  });

  it("counts only the operation run, with its fragments, not the document's others", () => {
    const query = 'query A { communities { name } } query B { community(id: "a") { ...F } } fragment F on Community { id }';
    expect(describe_(query, 'B').coordinates).toEqual(['Community.id', 'Query.community']);
  });

  it('has none for an operation that did not validate', () => {
    expect(describe_('{ community(id: "a") { population } }', undefined, false).coordinates).toEqual([]);
  });
});

describe('client of a request', () => {
  const headers = (given: Record<string, string>) => (name: string) => given[name];

  it('reads graphql-client-name/-version', () => {
    expect(clientOf(headers({ 'graphql-client-name': 'ushahidi-sync', 'graphql-client-version': '2.3.1' }))).toEqual({
      name: 'ushahidi-sync',
      version: '2.3.1',
    });
  });

  it("reads Apollo's apollographql-client-name/-version", () => {
    expect(clientOf(headers({ 'apollographql-client-name': 'dashboard', 'apollographql-client-version': '7' }))).toEqual({
      name: 'dashboard',
      version: '7',
    });
  });

  it('prefers graphql-client-* and takes each value separately; blank is absent', () => {
    expect(
      clientOf(headers({ 'graphql-client-name': 'new', 'apollographql-client-name': 'old', 'apollographql-client-version': '1.0' })),
    ).toEqual({ name: 'new', version: '1.0' });
    expect(clientOf(headers({ 'graphql-client-name': '  ' }))).toEqual({ name: null, version: null });
  });

  it('names a machine client by its API key when no header names it', () => {
    expect(clientOf(headers({}), 'api-key:pgk_Ab12')).toEqual({ name: 'api-key:pgk_Ab12', version: null });
    expect(clientOf(headers({ 'graphql-client-name': 'sync', 'graphql-client-version': '3' }), 'api-key:pgk_Ab12')).toEqual({
      name: 'sync',
      version: '3',
    });
  });
});

const at = new Date('2026-03-01T10:15:00Z');
function served(overrides: Partial<ServedOperation> & { signature?: string } = {}): ServedOperation {
  const signature = overrides.signature ?? 'a'.repeat(64);
  return {
    operation: {
      signature,
      name: 'Village',
      document: 'query Village{community(id:""){name}}',
      coordinates: ['Community.name', 'Query.community'],
    },
    client: { name: 'sync', version: '1' },
    organisationId: 'org-1',
    at,
    durationMs: 3,
    failed: false,
    ...overrides,
  };
}

describe('usage buffer', () => {
  it('adds up count, errors, total time and the latency histogram per signature, client, organisation and hour', () => {
    const buffer = new UsageBuffer(100);
    buffer.record(served({ durationMs: 3 }));
    buffer.record(served({ durationMs: 7.4, failed: true }));
    buffer.record(served({ durationMs: 20_000 }));
    buffer.record(served({ client: { name: 'sync', version: '2' } }));
    buffer.record(served({ organisationId: null }));
    buffer.record(served({ at: new Date('2026-03-01T11:00:00Z') }));
    buffer.record(served({ signature: 'b'.repeat(64) }));

    const { entries, dropped } = buffer.drain();
    expect(dropped).toBe(0);
    expect(entries).toHaveLength(5);
    const first = entries[0]!;
    const latency = new Array(LATENCY_BUCKETS_MS.length + 1).fill(0);
    latency[0] = 1; // 3 ms ≤ 5
    latency[1] = 1; // 7.4 ms ≤ 10
    latency[LATENCY_BUCKETS_MS.length] = 1; // past the last bound
    expect(first).toEqual<UsageEntry>({
      signature: 'a'.repeat(64),
      name: 'Village',
      document: 'query Village{community(id:""){name}}',
      coordinates: ['Community.name', 'Query.community'],
      clientName: 'sync',
      clientVersion: '1',
      organisationId: 'org-1',
      hour: '2026-03-01T10:00:00.000Z',
      count: 3,
      errors: 1,
      totalMs: 20_010,
      latency,
    });
    expect(entries.map((e) => [e.clientVersion, e.organisationId, e.hour, e.count])).toEqual([
      ['1', 'org-1', '2026-03-01T10:00:00.000Z', 3],
      ['2', 'org-1', '2026-03-01T10:00:00.000Z', 1],
      ['1', null, '2026-03-01T10:00:00.000Z', 1],
      ['1', 'org-1', '2026-03-01T11:00:00.000Z', 1],
      ['1', 'org-1', '2026-03-01T10:00:00.000Z', 1],
    ]);
    expect(buffer.drain()).toEqual({ entries: [], dropped: 0 });
  });

  it('when full, drops and counts operations needing a new entry but still adds to the entries it has', () => {
    const buffer = new UsageBuffer(2);
    buffer.record(served({ signature: '1'.repeat(64) }));
    buffer.record(served({ signature: '2'.repeat(64) }));
    buffer.record(served({ signature: '3'.repeat(64) }));
    buffer.record(served({ signature: '4'.repeat(64) }));
    buffer.record(served({ signature: '1'.repeat(64) }));
    const { entries, dropped } = buffer.drain();
    expect(entries.map((e) => [e.signature[0], e.count])).toEqual([
      ['1', 2],
      ['2', 1],
    ]);
    expect(dropped).toBe(2);
  });

  it('keeps the coordinates of a served operation over those of a refused one', () => {
    const buffer = new UsageBuffer(10);
    const refused = served({ failed: true });
    buffer.record({ ...refused, operation: { ...refused.operation, coordinates: [] } });
    buffer.record(served());
    expect(buffer.drain().entries[0]).toMatchObject({ count: 2, errors: 1, coordinates: ['Community.name', 'Query.community'] });
  });
});

describe('splitting a report', () => {
  const entry = (i: number, document = 'query Q{a}'): UsageEntry => ({
    signature: i.toString(16).padStart(64, '0'),
    name: 'Q',
    document,
    coordinates: ['Query.a'],
    clientName: null,
    clientVersion: null,
    organisationId: null,
    hour: '2026-03-01T10:00:00.000Z',
    count: 2,
    errors: 0,
    totalMs: 4,
    latency: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  });
  const base = { gateway: 'gw-1', compositionId: 'c-1', dropped: 7 };

  it('keeps every report to USAGE_LIMITS.entries entries, the dropped count on the first only', () => {
    const entries = Array.from({ length: USAGE_LIMITS.entries * 2 + 1 }, (_, i) => entry(i));
    const { reports, unsendable } = splitReport(base, entries);
    expect(unsendable).toBe(0);
    expect(reports.map((r) => r.operations.length)).toEqual([USAGE_LIMITS.entries, USAGE_LIMITS.entries, 1]);
    expect(reports.map((r) => r.dropped)).toEqual([7, 0, 0]);
    expect(reports.every((r) => r.gateway === 'gw-1' && r.compositionId === 'c-1')).toBe(true);
    expect(reports.flatMap((r) => r.operations)).toEqual(entries);
  });

  it('keeps every report under USAGE_LIMITS.bodyBytes of JSON', () => {
    // 600 entries of ~19,000 characters: about 11.5 MB in all.
    const document = `query Q{${'a '.repeat(9500)}}`;
    const entries = Array.from({ length: 600 }, (_, i) => entry(i, document));
    const { reports } = splitReport(base, entries);
    expect(reports.length).toBe(3);
    for (const report of reports) expect(Buffer.byteLength(JSON.stringify(report))).toBeLessThanOrEqual(USAGE_LIMITS.bodyBytes);
    expect(reports.flatMap((r) => r.operations)).toHaveLength(600);
  });

  it('sends a report of the dropped count alone, and nothing when there is nothing', () => {
    expect(splitReport(base, []).reports).toEqual([{ ...base, operations: [] }]);
    expect(splitReport({ ...base, dropped: 0 }, []).reports).toEqual([]);
  });

  it('counts an entry too big for any report as unsendable', () => {
    const { reports, unsendable } = splitReport({ ...base, dropped: 0 }, [entry(1), entry(2, 'x'.repeat(2000))], {
      entries: 10,
      bodyBytes: 1000,
    });
    expect(reports.map((r) => r.operations.length)).toEqual([1]);
    expect(unsendable).toBe(2);
  });
});
