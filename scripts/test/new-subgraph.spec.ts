import fs from 'node:fs';
import path from 'node:path';
import { composeSubgraphs, readSupergraphConfig } from '@peacegraph/kit/composition';
import { ok, problemsOf } from '@peacegraph/kit/testing';
import { scaffoldNames, type ScaffoldNames } from '../scaffold/names';
import { scaffoldFiles } from '../scaffold/templates';

const ROOT = path.resolve(__dirname, '../..');

describe('the names of a new subgraph', () => {
  it('derives every name from the subgraph and its record type', () => {
    expect(scaffoldNames('grievances', 'GrievanceReport', 4007)).toEqual({
      subgraph: 'grievances',
      record: 'GrievanceReport',
      camel: 'grievanceReport',
      feature: 'grievance-report',
      table: 'grievance_report',
      context: 'GrievancesContext',
      port: 4007,
    });
  });

  it.each([
    ['Grievances', 'Grievance', /subgraph name "Grievances"/],
    ['gr', 'Grievance', /3 to 31/],
    ['grievance-reports', 'Grievance', /lower-case letters and digits/],
    ['1grievances', 'Grievance', /starting with a letter/],
    ['grievances; DROP', 'Grievance', /subgraph name/],
    ['grievances', 'grievance', /PascalCase/],
    ['grievances', 'Grievance_Report', /PascalCase/],
    ['grievances', '', /PascalCase/],
  ])('refuses %j with record %j, saying why', (subgraph, record, why) => {
    const names = scaffoldNames(subgraph, record, 4007);
    expect(Array.isArray(names)).toBe(true);
    expect((names as string[]).join('\n')).toMatch(why);
  });
});

/**
 * The files the scaffold writes make a subgraph that composes with the platform's and serves over
 * HTTP on PostgreSQL: written beside the real subgraphs (its test support imports the directory's),
 * served from its declaration, then removed.
 */
describe('a scaffolded subgraph', () => {
  const names = scaffoldNames(`scaffold${process.pid}`, 'FieldVisit', 4999) as ScaffoldNames;
  const folder = path.join(ROOT, 'subgraphs', names.subgraph);
  let platform: {
    stop: () => Promise<void>;
    as: (org: string, scope: string) => Promise<ReturnType<typeof import('@peacegraph/kit/testing').graphqlClient>>;
  };
  let orgs: { educators: string };

  beforeAll(async () => {
    for (const [file, text] of Object.entries(scaffoldFiles(names, 1_800_000_000_000))) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), text);
    }
    const support = (await import(path.join(folder, 'test/support'))) as Record<string, unknown>;
    orgs = support.ORGS as { educators: string };
    platform = await (support[`start${names.subgraph[0]!.toUpperCase()}${names.subgraph.slice(1)}`] as () => Promise<typeof platform>)();
  });
  afterAll(async () => {
    await platform?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('composes with every subgraph of supergraph.yaml, naming, data-class and description rules included', async () => {
    const { subgraphs } = await readSupergraphConfig(path.join(ROOT, 'supergraph.yaml'));
    const composition = await composeSubgraphs(
      [
        ...subgraphs,
        { name: names.subgraph, routingUrl: 'http://localhost:4999/graphql', schemaFile: path.join(folder, 'schema.graphql') },
      ],
      { descriptions: true },
    );
    expect(composition.ok ? [] : composition.problems).toEqual([]);
  });

  it('records, retries, reads back and refuses through the kit, over HTTP', async () => {
    const owner = await platform.as(orgs.educators, `${names.subgraph}:write ${names.subgraph}:sensitive`);
    const record = `mutation ($input: RecordFieldVisitInput!) { recordFieldVisit(input: $input) { id title version } }`;
    const input = { title: ' Visit  to Douentza ', occurredOn: '2026-03-02', notes: 'Who we met', clientMutationId: 'v1' };
    const first = (await ok<{ recordFieldVisit: { id: string; title: string; version: number } }>(owner, record, { input }))
      .recordFieldVisit;
    expect(first).toMatchObject({ title: 'Visit to Douentza', version: 1 });
    const retried = (await ok<{ recordFieldVisit: { id: string } }>(owner, record, { input })).recordFieldVisit;
    expect(retried.id).toBe(first.id);

    const read = await ok<{ fieldVisits: { totalCount: number; edges: { node: { notes: string } }[] } }>(
      owner,
      `{ fieldVisits { totalCount edges { node { notes } } } }`,
    );
    expect(read.fieldVisits).toEqual({ totalCount: 1, edges: [{ node: { notes: 'Who we met' } }] });

    const refused = await owner(record, { input: { title: '', occurredOn: '2999-12-31' } });
    expect(
      problemsOf(refused.errors)
        .map(([field]) => field)
        .sort(),
    ).toEqual(['input.occurredOn', 'input.title']);
  });
});
