import fs from 'node:fs/promises';
import path from 'node:path';
import { Source, parse } from 'graphql';
import { conflictsSdl, createSupergraphWorkspace, directorySdl, type SupergraphWorkspace } from '../testing/supergraph-workspace';
import { COMPOSER, composeSupergraph, describeReport, descriptionProblems, namingProblems, nonNullRootFields, type ComposeReport } from '.';

let workspace: SupergraphWorkspace;

beforeEach(async () => {
  workspace = await createSupergraphWorkspace({ directory: directorySdl(), conflicts: conflictsSdl });
});

afterEach(async () => {
  await workspace.remove();
});

const compose = (options: { check?: boolean; againstPath?: string; requireDescriptions?: boolean } = {}) =>
  composeSupergraph({ configPath: workspace.configPath, ...options });

const changes = (report: ComposeReport) => report.diff?.breaking.map((c) => `${c.type} ${c.coordinate}: ${c.message}`);

describe('composing supergraph.yaml', () => {
  it('writes a supergraph holding every subgraph and its routing URL', async () => {
    const report = await compose();

    expect(report).toMatchObject({ ok: true, written: true, previous: 'missing', baseline: 'missing', problems: [] });
    expect(report.subgraphs.map((s) => s.name)).toEqual(['directory', 'conflicts']);
    const sdl = await fs.readFile(workspace.supergraphPath, 'utf8');
    expect(sdl).toContain('DIRECTORY @join__graph(name: "directory", url: "http://directory.invalid/graphql")');
    expect(sdl).toContain('CONFLICTS @join__graph(name: "conflicts", url: "http://conflicts.invalid/graphql")');
    expect(sdl).toMatch(/openCases: Int\s+@join__field\(graph: CONFLICTS\)/);
    // Query, Mutation, Community + ID, String, Int, Boolean, and the kit's common SDL: five scalars,
    // AuditAction, AuditEntry, AuditEntryConnection, AuditEntryEdge, PageInfo, DisclosedCount
    expect(report.apiTypes).toBe(18);
    // Query: community, brokenCommunity; Mutation: renameCommunity; Community: id, name, neighbours, openCases;
    // and 22 of the common SDL: AuditEntry 11, AuditEntryConnection 3, AuditEntryEdge 2, PageInfo 4,
    // DisclosedCount 2
    expect(report.apiFields).toBe(29);
  });

  it('leaves an up-to-date file untouched, so a watching gateway does not reload', async () => {
    await compose();
    const before = await fs.stat(workspace.supergraphPath);

    const again = await compose();

    expect(again).toMatchObject({ ok: true, written: false, previous: 'unchanged' });
    expect(again.diff).toEqual({ breaking: [], dangerous: [], safe: [] });
    expect((await fs.stat(workspace.supergraphPath)).mtimeMs).toBe(before.mtimeMs);
  });

  it('writes to --out when given, next to nothing else', async () => {
    const out = path.join(workspace.dir, 'elsewhere.graphql');
    const report = await composeSupergraph({ configPath: workspace.configPath, outPath: out });
    expect(report.written).toBe(true);
    await expect(fs.readFile(out, 'utf8')).resolves.toContain('@join__graph(name: "directory"');
    await expect(fs.stat(workspace.supergraphPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('compose --check', () => {
  beforeEach(async () => {
    await compose();
  });

  it('accepts an added field, writes nothing, and says the committed file would change', async () => {
    const committed = await fs.readFile(workspace.supergraphPath, 'utf8');
    await workspace.writeSchema('directory', directorySdl({ population: true }));

    const report = await compose({ check: true });

    expect(report).toMatchObject({ ok: true, written: false, previous: 'changed', baseline: 'compared' });
    expect(report.diff?.breaking).toEqual([]);
    expect(report.diff?.safe).toEqual([
      {
        criticality: 'SAFE',
        type: 'FIELD_ADDED',
        message: "Field 'population' was added to object type 'Community'",
        path: 'Community.population',
        coordinate: 'Community.population',
      },
    ]);
    expect(await fs.readFile(workspace.supergraphPath, 'utf8')).toBe(committed);
    const lines = describeReport(report);
    expect(lines).toContain('no breaking changes');
    expect(lines).toContain("  - FIELD_ADDED: Field 'population' was added to object type 'Community'");
    expect(lines.some((l) => /supergraph\.graphql would change/.test(l))).toBe(true);
  });

  it('lists removed and changed fields and removed types as breaking, and fails', async () => {
    await workspace.writeSchema(
      'directory',
      `
type Query { community(id: String!): Community }
type Community @key(fields: "id") { id: ID! name: Int }
`,
    );

    const report = await compose({ check: true });

    expect(report.ok).toBe(false);
    expect(changes(report)).toEqual([
      "SCHEMA_MUTATION_TYPE_CHANGED null: Schema mutation type 'Mutation' was removed.",
      "TYPE_REMOVED Mutation: Type 'Mutation' was removed",
      "FIELD_REMOVED Community.neighbours: Field 'neighbours' was removed from object type 'Community'",
      "FIELD_TYPE_CHANGED Community.name: Field 'Community.name' changed type from 'String!' to 'Int'",
      "FIELD_REMOVED Query.brokenCommunity: Field 'brokenCommunity' was removed from object type 'Query'",
      "FIELD_ARGUMENT_TYPE_CHANGED Query.community: Type for argument 'id' on field 'Query.community' changed from 'ID!' to 'String!'",
    ]);
    expect(report.diff?.breaking.find((c) => c.type === 'FIELD_ARGUMENT_TYPE_CHANGED')?.path).toBe('Query.community.id');
    const lines = describeReport(report);
    expect(lines).toContain(`6 breaking changes against ${path.relative(process.cwd(), workspace.supergraphPath)}:`);
    expect(lines).toContain("  - FIELD_REMOVED: Field 'brokenCommunity' was removed from object type 'Query'");
  });

  it('compares with another baseline given by --against', async () => {
    const baseline = path.join(workspace.dir, 'main-branch.graphql');
    await workspace.writeSchema('directory', directorySdl({ population: true }));
    await composeSupergraph({ configPath: workspace.configPath, outPath: baseline });
    await workspace.writeSchema('directory', directorySdl());

    const report = await compose({ check: true, againstPath: baseline });

    expect(report.ok).toBe(false);
    expect(changes(report)).toEqual(["FIELD_REMOVED Community.population: Field 'population' was removed from object type 'Community'"]);
    expect(report.previous).toBe('unchanged');
  });

  it('fails when there is no valid committed supergraph to compare with', async () => {
    await fs.writeFile(workspace.supergraphPath, 'this is not a supergraph');
    const invalid = await compose({ check: true });
    expect(invalid).toMatchObject({ ok: false, baseline: 'invalid' });
    expect(describeReport(invalid).at(-1)).toMatch(/is not a valid supergraph: breaking changes not checked$/);

    await fs.rm(workspace.supergraphPath);
    const missing = await compose({ check: true });
    expect(missing).toMatchObject({ ok: false, baseline: 'missing', previous: 'missing' });
  });
});

describe('composition errors', () => {
  it('reports each error with its code, message and the file lines involved', async () => {
    await workspace.writeSchema('conflicts', `type Community @key(fields: "id") {\n  id: ID!\n  name: Int\n}\n`);

    const report = await compose({ check: true });

    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        code: 'FIELD_TYPE_MISMATCH',
        message:
          'Type of field "Community.name" is incompatible across subgraphs: it has type "Int" in subgraph "conflicts" but type "String!" in subgraph "directory"',
        subgraph: null,
        locations: [expect.objectContaining({ subgraph: 'conflicts' }), expect.objectContaining({ subgraph: 'directory' })],
        at: [expect.stringMatching(/conflicts\/schema\.graphql:3:3$/), expect.stringMatching(/directory\/schema\.graphql:11:3$/)],
      },
      expect.objectContaining({ code: 'INVALID_FIELD_SHARING' }),
    ]);
    const lines = describeReport(report);
    expect(lines[0]).toBe('Composition failed with 2 errors:');
    expect(lines[1]).toMatch(/^ {2}- \[FIELD_TYPE_MISMATCH\] Type of field "Community.name" is incompatible/);
  });

  it('reports a syntax error with the subgraph and the line', async () => {
    await workspace.writeSchema('conflicts', 'type Query {\n  openCases: Int\n');

    const report = await compose();

    expect(report.ok).toBe(false);
    expect(report.written).toBe(false);
    expect(report.problems).toEqual([
      {
        code: 'INVALID_GRAPHQL',
        message: '[conflicts] Syntax Error: Expected Name, found <EOF>.',
        subgraph: 'conflicts',
        locations: [expect.objectContaining({ subgraph: 'conflicts', column: 1 })],
        at: [expect.stringMatching(/conflicts\/schema\.graphql:3:1$/)],
      },
    ]);
    await expect(fs.stat(workspace.supergraphPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lists every problem of supergraph.yaml at once', async () => {
    await fs.writeFile(
      workspace.configPath,
      `federation_version: =2.5.0
composer: "@apollo/composition@2.5.0"
subgraphs:
  directory:
    routing_url: localhost:4001
    schema:
      file: ./directory/schema.graphql
  conflicts:
    routing_url: http://localhost:4002/graphql
    schema:
      file: ./missing.graphql
  forums:
    routing_url: http://localhost:4003/graphql
    schema:
      subgraph_url: http://localhost:4003/graphql
`,
    );

    const report = await compose();

    expect(report.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'INVALID_SUPERGRAPH_CONFIG',
        `federation_version =2.5.0 pins Apollo's composition, but this file is composed with ${COMPOSER}; write federation_version: 2 (and composer: "${COMPOSER}" to pin ours)`,
      ],
      [
        'INVALID_SUPERGRAPH_CONFIG',
        `composer asks for "@apollo/composition@2.5.0" but the installed composer is ${COMPOSER}; write composer: "${COMPOSER}"`,
      ],
      ['INVALID_SUPERGRAPH_CONFIG', 'subgraphs.directory.routing_url must be an http(s) URL, got "localhost:4001"'],
      ['INVALID_SUPERGRAPH_CONFIG', 'subgraphs.conflicts.schema.file: ./missing.graphql does not exist'],
      ['INVALID_SUPERGRAPH_CONFIG', 'subgraphs.forums.schema: only schema.file is supported; composition runs offline from committed SDL'],
    ]);
  });

  it('says so when the config file is missing', async () => {
    const report = await composeSupergraph({ configPath: path.join(workspace.dir, 'nope.yaml') });
    expect(report.problems).toEqual([
      {
        code: 'INVALID_SUPERGRAPH_CONFIG',
        message: 'the file cannot be read (does it exist?)',
        subgraph: null,
        locations: [],
        at: [path.join(workspace.dir, 'nope.yaml')],
      },
    ]);
  });
});

describe('root fields are nullable', () => {
  const nonNullRoots = `
type Query {
  community(id: ID!): Community
  communities: [Community!]!
}
type Mutation {
  renameCommunity(id: ID!, name: String!): Community!
}
extend type Query {
  communityCount: Int!
}
type Community @key(fields: "id") {
  id: ID!
  name: String!
  neighbours: [Community!]!
}
`;

  it('fails composition on every non-null root field, naming the subgraph, the field and its file:line, and writes nothing', async () => {
    await workspace.writeSchema('directory', nonNullRoots);

    const report = await compose();

    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems.map((p) => [p.code, p.message.slice(0, p.message.indexOf(':'))])).toEqual([
      ['NON_NULL_ROOT_FIELD', '[directory] Root field "Query.communities" is non-null ([Community!]!)'],
      ['NON_NULL_ROOT_FIELD', '[directory] Root field "Mutation.renameCommunity" is non-null (Community!)'],
      ['NON_NULL_ROOT_FIELD', '[directory] Root field "Query.communityCount" is non-null (Int!)'],
    ]);
    expect(report.problems[0]!.message).toMatch(
      /must be nullable \(\[Community!\]\), so that an outage of "directory" nulls only its own fields/,
    );
    expect(report.problems.map((p) => p.at)).toEqual([
      [expect.stringMatching(/directory\/schema\.graphql:4:3$/)],
      [expect.stringMatching(/directory\/schema\.graphql:7:3$/)],
      [expect.stringMatching(/directory\/schema\.graphql:10:3$/)],
    ]);
    await expect(fs.stat(workspace.supergraphPath)).rejects.toMatchObject({ code: 'ENOENT' });
    const lines = describeReport(report);
    expect(lines[0]).toBe('Composition failed with 3 errors:');
    expect(lines[1]).toMatch(/^ {2}- \[NON_NULL_ROOT_FIELD\] \[directory\] Root field "Query\.communities" is non-null/);
    expect(lines[2]).toMatch(/^ {6}at .*directory\/schema\.graphql:4:3$/);
  });

  it('fails --check too, against an otherwise valid committed supergraph', async () => {
    await compose();
    await workspace.writeSchema('directory', nonNullRoots);

    const report = await compose({ check: true });

    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['NON_NULL_ROOT_FIELD', 'NON_NULL_ROOT_FIELD', 'NON_NULL_ROOT_FIELD']);
  });

  it("lists the rule's findings with federation's own errors, in one run", async () => {
    await workspace.writeSchema('directory', directorySdl().replace('brokenCommunity: Community', 'brokenCommunity: Community!'));
    await workspace.writeSchema('conflicts', `type Community @key(fields: "id") {\n  id: ID!\n  name: Int\n}\n`);

    const report = await compose({ check: true });

    expect(report.problems.map((p) => p.code)).toEqual(['NON_NULL_ROOT_FIELD', 'FIELD_TYPE_MISMATCH', 'INVALID_FIELD_SHARING']);
    expect(report.problems[0]!.message).toContain('[directory] Root field "Query.brokenCommunity"');
  });

  it('accepts nullable root fields whatever they hold, and non-null fields elsewhere', async () => {
    await workspace.writeSchema(
      'directory',
      nonNullRoots.replace('[Community!]!', '[Community!]').replace('Community!\n}', 'Community\n}').replace('Int!', 'Int'),
    );
    const report = await compose();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("knows root types renamed by a schema definition, and exempts federation's _entities and _service", () => {
    const document = parse(
      new Source(
        `schema { query: Root mutation: Change }
type Root { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! places: [String]! }
type Change { rename: String! }
type Query { notRoot: String! }
`,
        'renamed.graphql',
      ),
    );

    const findings = nonNullRootFields('renamed', document);

    expect(findings).toEqual([
      expect.objectContaining({
        subgraph: 'renamed',
        code: 'NON_NULL_ROOT_FIELD',
        locations: [{ subgraph: 'renamed', line: 2, column: 82 }],
        at: ['renamed.graphql:2:82'],
      }),
      expect.objectContaining({ code: 'NON_NULL_ROOT_FIELD', at: ['renamed.graphql:3:15'] }),
    ]);
    expect(findings.map((f) => f.message.match(/"([^"]+)"/)![1])).toEqual(['Root.places', 'Change.rename']);
  });
});

describe('every part of the schema described', () => {
  const undescribed = (sdl: string) => descriptionProblems('mining', parse(new Source(sdl, 'mining/schema.graphql')));

  it('accepts a schema where everything is described: types on their definition (an extension cannot be), roots need none', () => {
    expect(
      undescribed(`type Query { "Sites by name." miningSites("At most this many." first: Int): [MiningSite] }
extend type Query { "One site." miningSite("Its id." id: ID!): MiningSite }
"A place where minerals are dug." type MiningSite @key(fields: "id") { "Its id." id: ID! }
extend type MiningSite { "What is dug there." minerals: [Mineral!]! }
extend type Community { "Sites near it." miningSites: [MiningSite!] }
"Filters." input SiteFilter { "The area's P-code." adminArea: String }
"What is dug." enum Mineral { "Gold." GOLD }
"An OCHA P-code." scalar PCode
"Where it happened." union Place = MiningSite
type Mutation { "Records a site." recordSite: MiningSite _service: String }`),
    ).toEqual([]);
  });

  it('names every undescribed type, field, argument, input field, enum value and scalar, once, with its file:line', () => {
    const findings = undescribed(`type Query { miningSites(first: Int): [MiningSite] }
type MiningSite { id: ID! }
extend type MiningSite { "   " name: String }
input SiteFilter { adminArea: String }
enum Mineral { GOLD "Silver." SILVER }
scalar PCode`);
    expect(findings.map((f) => [f.code, f.message, f.at[0]])).toEqual([
      ['SCHEMA_DESCRIPTION', '[mining] Field "Query.miningSites" has no description', 'mining/schema.graphql:1:14'],
      ['SCHEMA_DESCRIPTION', '[mining] Argument "Query.miningSites.first" has no description', 'mining/schema.graphql:1:26'],
      ['SCHEMA_DESCRIPTION', '[mining] Type "MiningSite" has no description', 'mining/schema.graphql:2:6'],
      ['SCHEMA_DESCRIPTION', '[mining] Field "MiningSite.id" has no description', 'mining/schema.graphql:2:19'],
      ['SCHEMA_DESCRIPTION', '[mining] Field "MiningSite.name" has no description', 'mining/schema.graphql:3:32'],
      ['SCHEMA_DESCRIPTION', '[mining] Input type "SiteFilter" has no description', 'mining/schema.graphql:4:7'],
      ['SCHEMA_DESCRIPTION', '[mining] Input field "SiteFilter.adminArea" has no description', 'mining/schema.graphql:4:20'],
      ['SCHEMA_DESCRIPTION', '[mining] Enum "Mineral" has no description', 'mining/schema.graphql:5:6'],
      ['SCHEMA_DESCRIPTION', '[mining] Enum value "Mineral.GOLD" has no description', 'mining/schema.graphql:5:16'],
      ['SCHEMA_DESCRIPTION', '[mining] Scalar "PCode" has no description', 'mining/schema.graphql:6:8'],
    ]);
  });
});

describe('npm run compose on the platform’s own subgraphs', () => {
  it('fails on an undescribed field, naming it at its file and line, and writes nothing; other configurations may leave them out', async () => {
    const before = await fs.readFile(workspace.supergraphPath, 'utf8').catch(() => null);
    const strict = await compose({ requireDescriptions: true });
    expect(strict).toMatchObject({ ok: false, written: false });
    expect(strict.problems.every((p) => p.code === 'SCHEMA_DESCRIPTION')).toBe(true);
    expect(strict.problems.map((p) => p.message)).toContain('[directory] Field "Community.name" has no description');
    expect(strict.problems.find((p) => p.message.includes('"Community.name"'))!.at[0]).toMatch(/directory\/schema\.graphql:\d+:\d+$/);
    expect(await fs.readFile(workspace.supergraphPath, 'utf8').catch(() => null)).toBe(before);
    expect((await compose()).ok).toBe(true);
  });
});

describe('schema naming conventions', () => {
  const named = (sdl: string) => namingProblems('mining', parse(new Source(sdl, 'mining/schema.graphql')));

  it('accepts the conventions: PascalCase types, camelCase fields and arguments, UPPER_SNAKE_CASE enum values', () => {
    expect(
      named(`type Query { miningSites(first: Int, adminArea: String): [MiningSite] }
type MiningSite @key(fields: "id") { id: ID! minerals: [Mineral!]! pCode: String }
input MiningSiteFilter { adminArea: String kind: MiningSiteKind }
enum MiningSiteKind { ARTISANAL SMALL_SCALE INDUSTRIAL2 }
enum Mineral { GOLD }
scalar PCode
union Place = MiningSite
type Query2 { _service: String _entities: [String] }`),
    ).toEqual([]);
  });

  it('names every breach with its subgraph, what it is, the convention and its file:line', () => {
    const findings = named(`type mining_site { Name: String site_kind(Filter_by: String): String }
input siteFilter { Admin_area: String }
enum kind { artisanal SmallScale SMALL__SCALE _HIDDEN OK_1 }
scalar pcode
extend type Query { Sites: [mining_site] }`);
    expect(findings.map((f) => [f.code, f.message, f.at[0]])).toEqual([
      ['SCHEMA_NAMING', '[mining] Type "mining_site" is not PascalCase', 'mining/schema.graphql:1:6'],
      ['SCHEMA_NAMING', '[mining] Field "mining_site.Name" is not camelCase', 'mining/schema.graphql:1:20'],
      ['SCHEMA_NAMING', '[mining] Field "mining_site.site_kind" is not camelCase', 'mining/schema.graphql:1:33'],
      ['SCHEMA_NAMING', '[mining] Argument "mining_site.site_kind.Filter_by" is not camelCase', 'mining/schema.graphql:1:43'],
      ['SCHEMA_NAMING', '[mining] Input type "siteFilter" is not PascalCase', 'mining/schema.graphql:2:7'],
      ['SCHEMA_NAMING', '[mining] Input field "siteFilter.Admin_area" is not camelCase', 'mining/schema.graphql:2:20'],
      ['SCHEMA_NAMING', '[mining] Enum "kind" is not PascalCase', 'mining/schema.graphql:3:6'],
      ['SCHEMA_NAMING', '[mining] Enum value "kind.artisanal" is not UPPER_SNAKE_CASE', 'mining/schema.graphql:3:13'],
      ['SCHEMA_NAMING', '[mining] Enum value "kind.SmallScale" is not UPPER_SNAKE_CASE', 'mining/schema.graphql:3:23'],
      ['SCHEMA_NAMING', '[mining] Enum value "kind.SMALL__SCALE" is not UPPER_SNAKE_CASE', 'mining/schema.graphql:3:34'],
      ['SCHEMA_NAMING', '[mining] Enum value "kind._HIDDEN" is not UPPER_SNAKE_CASE', 'mining/schema.graphql:3:47'],
      ['SCHEMA_NAMING', '[mining] Scalar "pcode" is not PascalCase', 'mining/schema.graphql:4:8'],
      ['SCHEMA_NAMING', '[mining] Field "Query.Sites" is not camelCase', 'mining/schema.graphql:5:21'],
    ]);
  });

  it('fails npm run compose with the finding, and writes nothing', async () => {
    await workspace.writeSchema('directory', directorySdl().replace('brokenCommunity: Community', 'broken_community: Community'));
    const report = await compose();
    expect(report).toMatchObject({ ok: false, written: false });
    expect(report.problems.map((p) => [p.code, p.message])).toEqual([
      ['SCHEMA_NAMING', '[directory] Field "Query.broken_community" is not camelCase'],
    ]);
  });
});
