import { graphql } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema } from '../src/server/server';

// buildSchema applies both kit steps: control characters and unknown entity representations.

const schema = buildSchema(
  gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    scalar JSON
    input SiteInput {
      name: String
      aliases: [String!]
      place: PlaceInput
    }
    input PlaceInput {
      note: String
      tags: [[String]]
    }
    type Site @key(fields: "id") {
      id: ID!
      name: String
      echo(text: String): String
    }
    type Query {
      site(id: ID!): Site
      search(term: String, kinds: [String!], extra: JSON): [Site!]!
    }
    type Mutation {
      createSite(input: SiteInput!, note: String): Site
    }
  `,
  {
    JSON: { __serialize: (v: unknown) => v, __parseValue: (v: unknown) => v },
    Query: { site: (_: unknown, { id }: { id: string }) => ({ id, name: 'Site' }), search: () => [] },
    Site: { echo: (_: unknown, { text }: { text: string }) => text },
    Mutation: { createSite: (_: unknown, { input }: { input: { name: string } }) => ({ id: '1', name: input.name }) },
  } as never,
);

async function run(query: string, variableValues: Record<string, unknown> = {}) {
  const result = await graphql({ schema, source: query, variableValues });
  return { data: result.data, errors: result.errors?.map((e) => ({ path: e.path, ...e.extensions })) };
}

describe('control characters refused in every string argument', () => {
  it('refuses them in a top-level argument, naming it', async () => {
    const { errors } = await run('query($id: ID!) { site(id: $id) { id } }', { id: 'a\u0000b' });
    expect(errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id', path: ['site'] })]);
  });

  it('refuses them at any depth of an input, and lists them all', async () => {
    const { errors } = await run('mutation($input: SiteInput!, $note: String) { createSite(input: $input, note: $note) { id } }', {
      input: { name: 'ok\u0007', aliases: ['fine', 'bad\u001B', '\uD800'], place: { note: '\u0000', tags: [['a', 'b\u0001']] } },
      note: 'tab\tand\nlines\r\nare fine',
    });
    expect(errors).toHaveLength(1);
    expect((errors![0] as unknown as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
      'input.name',
      'input.aliases.1',
      'input.aliases.2',
      'input.place.note',
      'input.place.tags.0.1',
    ]);
  });

  it('refuses them inside JSON-like scalars and in arguments of nested fields', async () => {
    const json = await run('query($extra: JSON) { search(extra: $extra) { id } }', { extra: { deep: [{ x: 'a\u0000' }] } });
    expect(json.errors![0]).toMatchObject({ field: 'extra.deep.0.x' });
    const nested = await run('{ site(id: "1") { echo(text: "x\\u0000") } }');
    expect(nested.errors![0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', path: ['site', 'echo'] });
    expect(nested.data).toEqual({ site: { echo: null } });
  });

  it('lets every other text through untouched', async () => {
    for (const text of ['', ' ', 'Ségou — Mopti', '🙂', 'e\u0301', '\u202Eabc', 'x'.repeat(100_000), 'a\tb\nc\r\n']) {
      const { data, errors } = await run('query($t: String) { site(id: "1") { echo(text: $t) } }', { t: text });
      expect(errors).toBeUndefined();
      expect((data as { site: { echo: string } }).site.echo).toBe(text);
    }
  });

  it('checks _entities representations too', async () => {
    const { errors } = await run('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [{ __typename: 'Site', id: 'x\u0000' }],
    });
    expect(errors![0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations.0.id' });
  });

  it('refuses _entities representations that name no entity, by position', async () => {
    const { errors } = await run('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [{ __typename: 'Site', id: '1' }, { a: { a: { a: {} } } }, { __typename: 'NoSuchType', id: '1' }, 'text', { __typename: 7 }],
    });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations.1' });
    expect((errors![0] as unknown as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
      'representations.1',
      'representations.2',
      'representations.3',
      'representations.4',
    ]);
    const known = await run('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [{ __typename: 'Site', id: '1' }],
    });
    expect(known.errors).toBeUndefined();
  });
});
