import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadTypeDefs } from '../graphql/type-defs';
import { apiSchemaOf, composeSdls, readSupergraphConfig, type SubgraphSdl } from '.';

const ROOT = path.resolve(__dirname, '../../..');

/** The six subgraphs of supergraph.yaml as a registry holds them: name, URL and whole SDL, no files. */
async function platformSubgraphs(): Promise<SubgraphSdl[]> {
  const { subgraphs } = await readSupergraphConfig(path.join(ROOT, 'supergraph.yaml'));
  return subgraphs.map((s) => ({ name: s.name, url: s.routingUrl, sdl: loadTypeDefs(s.schemaFile).source }));
}

const replaced = (services: SubgraphSdl[], name: string, sdl: (old: string) => string) =>
  services.map((s) => (s.name === name ? { ...s, sdl: sdl(s.sdl) } : s));

const directory = `
type Query {
  community(id: ID!): Community
}
type Community @key(fields: "id") {
  id: ID!
  name: String!
}
`;

describe('composeSdls', () => {
  it("composes the platform's six subgraphs, from text alone, to the committed supergraph", async () => {
    const services = await platformSubgraphs();
    expect(services.map((s) => s.name)).toEqual(['directory', 'curriculum', 'conflicts', 'forums', 'mining', 'displacement']);

    const composition = composeSdls(services);

    if (!composition.ok) throw new Error(JSON.stringify(composition.problems, null, 2));
    expect(composition.supergraphSdl).toBe(fs.readFileSync(path.join(ROOT, 'supergraph.graphql'), 'utf8'));
    expect(composition.supergraphSdl).toContain('MINING @join__graph(name: "mining", url: "http://localhost:4005/graphql")');
    const api = (schema: Parameters<typeof lexicographicSortSchema>[0]) => printSchema(lexicographicSortSchema(schema));
    expect(api(composition.apiSchema)).toBe(api(apiSchemaOf(composition.supergraphSdl)));
    expect(composition.apiSchema.getQueryType()?.getFields()).toHaveProperty('miningSites');
    expect(composition.publicSdl).not.toContain('join__');
  });

  it('reports a syntax error with its subgraph, line and column, and composes nothing', async () => {
    const services = await platformSubgraphs();
    const mining = services.find((s) => s.name === 'mining')!.sdl;
    const lines = mining.split('\n').length;

    const composition = composeSdls(replaced(services, 'mining', (sdl) => `${sdl}\ntype Broken {\n  name: String\n`));

    expect(composition).toEqual({
      ok: false,
      problems: [
        {
          subgraph: 'mining',
          code: 'INVALID_GRAPHQL',
          message: '[mining] Syntax Error: Expected Name, found <EOF>.',
          locations: [{ subgraph: 'mining', line: lines + 3, column: 1 }],
          at: [`mining:${lines + 3}:1`],
        },
      ],
    });
  });

  it('refuses a non-null root field, pointing at it', () => {
    const composition = composeSdls([
      {
        name: 'directory',
        url: 'http://directory.invalid/graphql',
        sdl: directory.replace('community(id: ID!): Community', 'community(id: ID!): Community!'),
      },
    ]);

    expect(composition.ok).toBe(false);
    expect(!composition.ok && composition.problems).toEqual([
      expect.objectContaining({
        subgraph: 'directory',
        code: 'NON_NULL_ROOT_FIELD',
        message: expect.stringMatching(/^\[directory\] Root field "Query\.community" is non-null \(Community!\)/),
        locations: [{ subgraph: 'directory', line: 3, column: 3 }],
        at: ['directory:3:3'],
      }),
    ]);
  });

  it("locates federation's errors between subgraphs in each subgraph its message names", () => {
    const composition = composeSdls([
      { name: 'directory', url: 'http://directory.invalid/graphql', sdl: directory },
      {
        name: 'conflicts',
        url: 'http://conflicts.invalid/graphql',
        sdl: 'type Community @key(fields: "id") {\n  id: ID!\n  name: Int\n}\n',
      },
    ]);

    expect(!composition.ok && composition.problems[0]).toEqual({
      subgraph: null,
      code: 'FIELD_TYPE_MISMATCH',
      message:
        'Type of field "Community.name" is incompatible across subgraphs: it has type "Int" in subgraph "conflicts" but type "String!" in subgraph "directory"',
      locations: [
        { subgraph: 'conflicts', line: 3, column: 3 },
        { subgraph: 'directory', line: 7, column: 3 },
      ],
      at: ['conflicts:3:3', 'directory:7:3'],
    });
  });

  it("keeps federation's code and the subgraph of an error within one subgraph", () => {
    const composition = composeSdls([
      { name: 'directory', url: 'http://directory.invalid/graphql', sdl: directory.replace('@key(fields: "id")', '@key(fields: "code")') },
    ]);

    expect(!composition.ok && composition.problems).toEqual([
      expect.objectContaining({
        subgraph: 'directory',
        code: 'KEY_INVALID_FIELDS',
        message: expect.stringMatching(/^\[directory\] On type "Community", for @key\(fields: "code"\): Cannot query field "code"/),
        locations: [{ subgraph: 'directory', line: 5, column: 16 }],
      }),
    ]);
  });

  it('refuses two subgraphs of one name rather than composing either', () => {
    const service = { name: 'directory', url: 'http://directory.invalid/graphql', sdl: directory };
    const composition = composeSdls([service, service]);
    expect(!composition.ok && composition.problems.map((p) => [p.subgraph, p.code])).toEqual([['directory', 'DUPLICATE_SUBGRAPH_NAME']]);
  });
});

describe('apiSchemaOf', () => {
  it('refuses what is not a supergraph', () => {
    expect(() => apiSchemaOf('type Query { a: Int }')).toThrow(/not a supergraph/);
    expect(() => apiSchemaOf('this is not a supergraph')).toThrow(/Syntax Error/);
  });
});
