import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_LIMITS, maxAliasesRule, maxDepthRule } from '../src/graphql/limits';

const schema = buildSchema(`
  type Query { community(id: ID): Community }
  type Community { id: ID!  name: String  neighbours: [Community!]!  adminArea: AdminArea }
  type AdminArea { pcode: String  name: String  parent: AdminArea }
`);

/** `{ community { neighbours { … { name } } } }` with exactly `depth` nested fields. */
function nestedQuery(depth: number): string {
  let selection = 'name';
  for (let level = 1; level < depth - 1; level += 1) selection = `neighbours { ${selection} }`;
  return `{ community { ${selection} } }`;
}

function errorsOf(query: string, rules = [maxDepthRule(DEFAULT_LIMITS.maxDepth), maxAliasesRule(DEFAULT_LIMITS.maxAliases)]) {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => ({
    message: e.message,
    code: e.extensions.code,
    limit: e.extensions.limit,
    actual: e.extensions.actual,
  }));
}

describe('query depth limit', () => {
  it('accepts a query exactly at the default depth of 12', () => {
    expect(DEFAULT_LIMITS.maxDepth).toBe(12);
    expect(errorsOf(nestedQuery(12))).toEqual([]);
  });

  it('rejects one level more, naming the limit in plain words', () => {
    expect(errorsOf(nestedQuery(13))).toEqual([
      {
        message: 'The operation is nested 13 levels deep; the maximum query depth is 12',
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'maxDepth',
        actual: 13,
      },
    ]);
  });

  it('counts fields inside fragments, so moving a selection into a fragment does not dodge it', () => {
    const query = `
      query Deep { community { ...Deeper } }
      fragment Deeper on Community { neighbours { neighbours { ...Deepest } } }
      fragment Deepest on Community { ... on Community { adminArea { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } }`;
    expect(errorsOf(query)).toEqual([expect.objectContaining({ limit: 'maxDepth', actual: 13 })]);
    expect(errorsOf(query)[0]?.message).toMatch(/^Operation "Deep" is nested 13 levels deep/);
  });

  it('does not count __typename, which costs nothing', () => {
    const query = nestedQuery(12).replace('name', 'name __typename');
    expect(errorsOf(query)).toEqual([]);
  });

  it("lets GraphiQL's full introspection query through at the default limit", () => {
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(errorsOf(introspection)).toEqual([]);
  });

  it('still limits introspection that recurses through types and fields', () => {
    let selection = 'name';
    for (let level = 0; level < 6; level += 1) selection = `fields { type { ofType { ${selection} } } }`;
    const query = `{ __schema { types { ${selection} } } }`;
    // ofType is free, fields and type are not: 2 + 6 × 2 + 1. graphql-js's own introspection rule also objects.
    expect(errorsOf(query)).toEqual(expect.arrayContaining([expect.objectContaining({ limit: 'maxDepth', actual: 15 })]));
  });

  it('does not loop on fragment cycles (graphql reports those itself)', () => {
    const query = `{ community { ...A } } fragment A on Community { neighbours { ...A } }`;
    const messages = errorsOf(query).map((e) => e.message);
    expect(messages).toEqual(['Cannot spread fragment "A" within itself.']);
  });
});

describe('alias limit', () => {
  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `c${i}: community(id: "${i}") { name }`).join(' ')} }`;

  it('accepts 30 aliases, the default', () => {
    expect(DEFAULT_LIMITS.maxAliases).toBe(30);
    expect(errorsOf(aliased(30))).toEqual([]);
  });

  it('rejects 31 aliases with a plain message naming the limit', () => {
    expect(errorsOf(aliased(31))).toEqual([
      {
        message: 'The operation uses 31 aliases; the maximum is 30 aliases per operation',
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'maxAliases',
        actual: 31,
      },
    ]);
  });

  it('counts aliases in a fragment once per spread', () => {
    const fields = Array.from({ length: 8 }, (_, i) => `n${i}: name`).join(' ');
    const query = `{ a: community { ...F } b: community { ...F } c: community { ...F } d: community { ...F } }
      fragment F on Community { ${fields} }`;
    // 4 aliased roots + 4 spreads × 8 aliases
    expect(errorsOf(query)).toEqual([expect.objectContaining({ limit: 'maxAliases', actual: 36 })]);
  });

  it('applies a configured limit', () => {
    expect(errorsOf(aliased(3), [maxAliasesRule(2)])).toEqual([expect.objectContaining({ actual: 3 })]);
    expect(errorsOf(aliased(2), [maxAliasesRule(2)])).toEqual([]);
  });
});
