import fs from 'node:fs';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { loadTypeDefs } from '@peacegraph/kit/server';
import { fingerprintOfSdl, schemaFingerprint } from '../src/checks/fingerprint';
import { subgraphSdl } from '../src/checks/subgraph-sdl';

const SUBGRAPHS = ['directory', 'curriculum', 'conflicts', 'forums', 'mining', 'displacement'];

describe('a schema fingerprint says what a schema says, not how it is written', () => {
  test.each(SUBGRAPHS)('%s: its own SDL as published equals what its server prints in _service { sdl }', (name) => {
    const { document } = loadTypeDefs(`subgraphs/${name}/schema.graphql`);
    const served = printSubgraphSchema(buildSubgraphSchema({ typeDefs: document, resolvers: {} }));
    const published = subgraphSdl(name, fs.readFileSync(`subgraphs/${name}/schema.graphql`, 'utf8'));
    if (!('whole' in published)) throw published;
    expect(schemaFingerprint(published.whole)).toBe(fingerprintOfSdl(served));
  });

  test('order of types, fields, arguments and directives and comments do not count', () => {
    const a = `# a comment\ntype Query { b(y: Int, x: Int): String @deprecated a: Int }\ntype Z { z: ID }`;
    const b = `type Z { z: ID }\ntype Query {\n  a: Int\n  b(x: Int, y: Int): String @deprecated\n}`;
    expect(fingerprintOfSdl(a)).toBe(fingerprintOfSdl(b));
  });

  test.each([
    ['a field more', 'type Query { a: Int b: Int }'],
    ['another type', 'type Query { a: String }'],
    ['non-null', 'type Query { a: Int! }'],
    ['an argument', 'type Query { a(x: Int): Int }'],
    ['a directive', 'type Query { a: Int @deprecated }'],
    ['a field description', 'type Query { "How many." a: Int }'],
    ['a type description', '"The root." type Query { a: Int }'],
    ['an argument description', 'type Query { a(x: Int): Int }', 'type Query { a("Which." x: Int): Int }'],
  ])('%s changes it', (_what, other, base = 'type Query { a: Int }') => {
    expect(fingerprintOfSdl(base)).not.toBe(fingerprintOfSdl(other));
  });

  test('a description is its text, whether written as a block or a plain string', () => {
    const block = ['type Query {', '  """', '  How many.', '  """', '  a: Int', '}'].join('\n');
    expect(fingerprintOfSdl('type Query { "How many." a: Int }')).toBe(fingerprintOfSdl(block));
  });

  test('an extension reads as its type', () => {
    expect(fingerprintOfSdl('type Query { a: Int }\nextend type Query { b: Int }')).toBe(fingerprintOfSdl('type Query { a: Int b: Int }'));
    expect(schemaFingerprint(parse('type Query { a: Int }'))).toBe(fingerprintOfSdl('type Query { a: Int }'));
  });
});
