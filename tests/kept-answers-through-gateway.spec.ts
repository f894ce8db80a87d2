import path from 'node:path';
import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import { bearer, graphqlClient, TEST_AUTH } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../gateway/src/gateway';
import { seedDemoData as seedDirectoryDemo } from '../subgraphs/directory/src/seed/demo';
import { startDirectory, type DirectoryUnderTest } from '../subgraphs/directory/test/support';
import { COMMUNITIES, ORGS, startConflicts, type ConflictsUnderTest } from '../subgraphs/conflicts/test/support';
import { createCommission, reportCase, TWO_PARTIES, daysAgo } from '../subgraphs/conflicts/test/fixtures';
import { ROOT } from './support';

/**
 * Whole answers kept at the gateway (gateway/src/kept-answers.ts) over subgraphs that keep and tag
 * their own (the kit's kept answers): a repeated query is served once every subgraph said, with a 304,
 * that its part still holds; a write through the gateway or by hand in either subgraph's database
 * shows in the next answer; another caller, an unlisted field or a mutation is never served from it.
 * Tags are digests of the subgraphs' answers, so commits elsewhere on the test server change nothing here.
 */
const KEEP = 8 * 1024 * 1024;
const NOWHERE = 'http://127.0.0.1:1/graphql';

let directory: DirectoryUnderTest;
let conflicts: ConflictsUnderTest;
let gateway: RunningGateway;
let commission: string;

beforeAll(async () => {
  directory = await startDirectory({ keptAnswersBudget: KEEP });
  await seedDirectoryDemo(directory.db.dataSource);
  conflicts = await startConflicts(directory.url, { keptAnswersBudget: KEEP });
  const others = Object.fromEntries(['curriculum', 'forums', 'mining', 'displacement'].map((name) => [name, NOWHERE]));
  gateway = await startGateway({
    supergraphPath: path.join(ROOT, 'supergraph.graphql'),
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: { directory: directory.url, conflicts: conflicts.url, ...others },
    logger: createLogger('gateway-test', 'silent'),
    authenticate: await createAuthenticator(TEST_AUTH, remoteIdentityStore(directory.url, { apiKeyTtlMs: 0 })),
    keptAnswersBudget: KEEP,
  });
  commission = (await createCommission(conflicts.owner, COMMUNITIES.kalana)).id;
  for (let i = 0; i < 3; i++) await reportCase(conflicts.owner, commission);
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await conflicts?.stop();
  await directory?.stop();
});

/** Mali's admin-2 areas (directory) with their case figures (conflicts): two subgraph calls. */
const AREAS = `query MaliAreas { adminAreas(country: "ML", level: 2, first: 100) {
  edges { node { pcode name conflictStats { exact reported { count } } } }
} }`;
type Areas = { adminAreas: { edges: { node: { pcode: string; name: string; conflictStats: { reported: { count: number | null } } } }[] } };

async function caller(organisation: string, scope = 'conflicts:read conflicts:write', subject?: string) {
  return graphqlClient(gateway.url, { authorization: await bearer(organisation, scope, { subject }) });
}

/** The answer, and whether the gateway served it from what it kept. */
async function asked<D>(client: ReturnType<typeof graphqlClient>, query: string, variables: Record<string, unknown> = {}) {
  const before = gateway.keptAnswersServed;
  const response = await client<D>(query, variables);
  expect(response.errors).toBeUndefined();
  return { data: response.data!, kept: gateway.keptAnswersServed - before === 1 };
}

/** The admin-2 area Kalana lies in (its own area, or the level-2 area above it). */
const kalanaArea = async (): Promise<string> => {
  const [row] = (await directory.db.dataSource.query(
    `SELECT a.pcode FROM community c JOIN admin_area a ON c.admin_pcode LIKE a.pcode || '%' AND a.level = 2 WHERE c.id = $1`,
    [COMMUNITIES.kalana],
  )) as { pcode: string }[];
  return row!.pcode;
};
const reportedIn = (data: Areas, pcode: string) =>
  data.adminAreas.edges.find((e) => e.node.pcode === pcode)?.node.conflictStats.reported.count;

describe('whole answers kept at the gateway', () => {
  it('serves a repeat once both subgraphs say their parts still hold, with the same figures', async () => {
    const mediators = await caller(ORGS.mediators);
    const first = await asked<Areas>(mediators, AREAS);
    expect(first.kept).toBe(false);
    expect(reportedIn(first.data, await kalanaArea())).toBe(3);
    for (let i = 0; i < 3; i++) expect(await asked<Areas>(mediators, AREAS)).toEqual({ data: first.data, kept: true });
  });

  it('shows a case reported through the gateway in the next answer', async () => {
    const mediators = await caller(ORGS.mediators);
    await asked<Areas>(mediators, AREAS);
    const reported = await mediators(`mutation ($input: ReportConflictCaseInput!) { reportConflictCase(input: $input) { id } }`, {
      input: {
        peaceCommission: commission,
        reportedOn: daysAgo(10),
        level: 'COMMUNITY',
        type: 'LAND',
        parties: TWO_PARTIES,
        narrative: 'A boundary stone moved.',
      },
    });
    expect(reported.errors).toBeUndefined();
    const after = await asked<Areas>(mediators, AREAS);
    expect(after.kept).toBe(false);
    expect(reportedIn(after.data, await kalanaArea())).toBe(4);
    expect((await asked<Areas>(mediators, AREAS)).kept).toBe(true);
  });

  it("shows a change made by hand in the directory's database in the next answer", async () => {
    const mediators = await caller(ORGS.mediators);
    await asked<Areas>(mediators, AREAS);
    const pcode = await kalanaArea();
    await directory.db.dataSource.query(`UPDATE admin_area SET name = name || ' (renamed)' WHERE pcode = $1`, [pcode]);
    try {
      const after = await asked<Areas>(mediators, AREAS);
      expect(after.kept).toBe(false);
      expect(after.data.adminAreas.edges.find((e) => e.node.pcode === pcode)?.node.name).toMatch(/ \(renamed\)$/);
    } finally {
      await directory.db.dataSource.query(`UPDATE admin_area SET name = replace(name, ' (renamed)', '') WHERE pcode = $1`, [pcode]);
    }
  });

  it('never serves one caller what another was given, and keeps apart what disclosure control tells apart', async () => {
    const mediators = await caller(ORGS.mediators);
    const owners = await asked<Areas>(mediators, AREAS);
    const educators = await caller(ORGS.educators, 'conflicts:read');
    const theirs = await asked<Areas>(educators, AREAS);
    expect(theirs.kept).toBe(false);
    // Four cases of one owner, seen by another partner: withheld, where the owner sees the count.
    const pcode = await kalanaArea();
    expect(reportedIn(owners.data, pcode)).toBe(4);
    expect(reportedIn(theirs.data, pcode)).toBeNull();
    expect((await asked<Areas>(educators, AREAS)).kept).toBe(true);
    const colleague = await caller(ORGS.mediators, 'conflicts:read conflicts:write', 'colleague');
    expect((await asked<Areas>(colleague, AREAS)).kept).toBe(false);
  });

  it('never keeps an answer with a field its subgraph does not keep, nor a mutation', async () => {
    const mediators = await caller(ORGS.mediators);
    const commissions = `query Commissions { peaceCommissions(first: 5) { edges { node { id } } } adminAreas(country: "ML", level: 1, first: 5) { totalCount } }`;
    for (let i = 0; i < 3; i++) expect((await asked(mediators, commissions)).kept).toBe(false);
    const before = gateway.keptAnswersServed;
    for (let i = 0; i < 2; i++) {
      const { errors } = await mediators(`mutation ($input: ReportConflictCaseInput!) { reportConflictCase(input: $input) { id } }`, {
        input: {
          peaceCommission: commission,
          reportedOn: daysAgo(5),
          level: 'COMMUNITY',
          type: 'LAND',
          parties: TWO_PARTIES,
          narrative: `Case ${i}`,
        },
      });
      expect(errors).toBeUndefined();
    }
    expect(gateway.keptAnswersServed).toBe(before);
  });
});
