import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';
import { loadTypeDefs, withCommonTypeDefs } from '../graphql/type-defs';
import { apiSchemaOf, composeSdls, dataClassOfDescription, readSupergraphConfig, type SubgraphSdl } from '.';

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

describe('data classes in the API schema', () => {
  const grievances = `
type Query @public {
  "Grievances, newest first."
  grievances: [Grievance!]
}
type Grievance @key(fields: "id") @partner {
  id: ID! @public
  "In the complainant's words."
  summary: String
  complainant: String @sensitive
}
`;

  it("writes each field's class, who may read it and with which scope, after its own description", () => {
    const sdl = withCommonTypeDefs({ text: grievances, document: parse(grievances) }).source;
    const composition = composeSdls([{ name: 'grievances', url: 'http://localhost:4999/graphql', sdl }]);
    if (!composition.ok) throw new Error(JSON.stringify(composition.problems));
    const fields = composition.apiSchema.getType('Grievance') as import('graphql').GraphQLObjectType;
    const described = Object.fromEntries(Object.values(fields.getFields()).map((f) => [f.name, f.description]));
    expect(described).toEqual({
      id: 'Data class PUBLIC: anyone may read it, signed in or not.',
      summary:
        "In the complainant's words.\n\nData class PARTNER: signed-in partners only (a token or an API key); an anonymous caller gets UNAUTHENTICATED.",
      complainant:
        'Data class SENSITIVE: only the organisation that owns the record, with the scope grievances:sensitive; any other caller gets FORBIDDEN. Every read is written to the audit log with the purpose stated in X-Purpose.',
    });
    expect(composition.apiSchema.getQueryType()!.getFields().grievances!.description).toBe(
      'Grievances, newest first.\n\nData class PUBLIC: anyone may read it, signed in or not.',
    );
    expect(Object.values(fields.getFields()).map((f) => dataClassOfDescription(f.description))).toEqual(['PUBLIC', 'PARTNER', 'SENSITIVE']);
  });

  it('classes every field of the platform’s API schema, and no description says a class by hand', async () => {
    const composition = composeSdls(await platformSubgraphs());
    if (!composition.ok) throw new Error(JSON.stringify(composition.problems));
    const unclassed: string[] = [];
    for (const type of Object.values(composition.apiSchema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type) || type.constructor.name === 'GraphQLInputObjectType') continue;
      for (const field of Object.values(type.getFields())) {
        const description = field.description ?? '';
        if (!dataClassOfDescription(description)) unclassed.push(`${type.name}.${field.name}`);
        expect([`${type.name}.${field.name}`, description.match(/Data class /g)?.length ?? 0]).toEqual([`${type.name}.${field.name}`, 1]);
      }
    }
    expect(unclassed).toEqual([]);
  });
});
