import { createDirectoryClient } from '@peacegraph/kit/input';
import { seedDemoData } from '../src/seed/demo';
import { DEMO_COMMISSIONS, DEMO_OWNER_ORGANISATION_ID, demoCommunityId } from '../src/seed/demo-data';
import { OTHER_PARTNER, startStack, type StackUnderTest } from './support';

let stack: StackUnderTest;
let reader: StackUnderTest['conflicts']['owner'];
let owner: StackUnderTest['conflicts']['owner'];
let pcodes: string[];

beforeAll(async () => {
  stack = await startStack();
  await seedDemoData(stack.conflicts.db.dataSource, createDirectoryClient(stack.directory.url));
  reader = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
  owner = await stack.conflicts.as(DEMO_OWNER_ORGANISATION_ID, 'conflicts:read conflicts:sensitive');
  // Admin areas of every level where the demo cases are, and others with none.
  const rows = (await stack.directory.db.dataSource.query(
    `SELECT pcode FROM admin_area WHERE country_code IN ('ML', 'BF', 'NE') ORDER BY pcode LIMIT 47`,
  )) as { pcode: string }[];
  pcodes = ['ML03', 'BF56', 'NE006', ...rows.map((r) => r.pcode)];
  // The demo data is some 2,500 writes, one at a time through the services.
}, 240_000);
afterAll(() => stack.stop());

async function statementsFor(client: typeof reader, query: string, variables: Record<string, unknown> = {}): Promise<number> {
  stack.conflicts.db.statements.reset();
  const { errors } = await client(query, variables);
  expect(errors).toBeUndefined();
  return stack.conflicts.db.statements.count;
}

const COMMUNITY_FIELDS = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Community { peaceCommission { managementCommittee members { total } } caseStats { reported { count } resolved { count } medianDaysToResolution } }
} }`;
const AREA_FIELDS = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on AdminArea { conflictStats(type: FARMER_HERDER) { reported { count } open { count } relapsed { count } } }
} }`;

/** Demo communities first (9 with commissions), then others: the list a gateway sends for a page of communities. */
const communities = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Community', id: demoCommunityId(i + 1) }));
const areas = (n: number) => pcodes.slice(0, n).map((pcode) => ({ __typename: 'AdminArea', pcode }));

describe('SQL statements per request (no N+1)', () => {
  it('communities → peaceCommission and caseStats: one statement each, for 5 as for 50', async () => {
    const five = await statementsFor(reader, COMMUNITY_FIELDS, { representations: communities(5) });
    const fifty = await statementsFor(reader, COMMUNITY_FIELDS, { representations: communities(50) });
    expect(five).toBe(2);
    expect(fifty).toBe(five);
  });

  it('admin areas → conflictStats: one statement for 5 as for 50, with the real figures', async () => {
    const five = await statementsFor(reader, AREA_FIELDS, { representations: areas(5) });
    const fifty = await statementsFor(reader, AREA_FIELDS, { representations: areas(50) });
    expect(five).toBe(1);
    expect(fifty).toBe(five);
    const { data } = await owner<{ _entities: { conflictStats: { reported: { count: number } } }[] }>(AREA_FIELDS, {
      representations: areas(3),
    });
    const [expected] = (await stack.conflicts.db.dataSource.query(
      `SELECT count(*) FILTER (WHERE admin_pcode LIKE 'ML03%')::int AS ml, count(*) FILTER (WHERE admin_pcode LIKE 'BF56%')::int AS bf,
              count(*) FILTER (WHERE admin_pcode LIKE 'NE006%')::int AS ne FROM conflict_case WHERE type = 'FARMER_HERDER'`,
    )) as { ml: number; bf: number; ne: number }[];
    expect(data!._entities.map((e) => e.conflictStats.reported.count)).toEqual([expected!.ml, expected!.bf, expected!.ne]);
  });

  it('a page of cases with every record of their life: one statement per kind of record, for 5 as for 50', async () => {
    const CASES = `query ($first: Int) { conflictCases(first: $first) { edges { node {
      reference peaceCommission { managementCommittee } parties { label } history { to changedOn }
      mediationSessions { heldOn } referrals { referredTo } resolutions { outcome } followUps { dueOn }
    } } } }`;
    const five = await statementsFor(reader, CASES, { first: 5 });
    const fifty = await statementsFor(reader, CASES, { first: 50 });
    expect(five).toBe(8);
    expect(fifty).toBe(five);
  });

  it('commissions → their cases: one statement for the pages of every commission, one for their counts', async () => {
    const COMMISSIONS = `query ($first: Int) { peaceCommissions(first: $first) { edges { node {
      cases(first: 3, filter: { status: RESOLVED }) { totalCount edges { node { reference } } }
    } } } }`;
    const two = await statementsFor(reader, COMMISSIONS, { first: 2 });
    const all = await statementsFor(reader, COMMISSIONS, { first: DEMO_COMMISSIONS.length });
    expect(two).toBe(3);
    expect(all).toBe(two);
  });

  it('a sensitive page costs one more statement, for the audit rows of every record read', async () => {
    const SENSITIVE = `query ($first: Int) { conflictCases(first: $first) { edges { node { narrative parties { name } } } } }`;
    const before = await stack.conflicts.rows('audit_log');
    const five = await statementsFor(owner, SENSITIVE, { first: 5 });
    const fifty = await statementsFor(owner, SENSITIVE, { first: 50 });
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(4);
    expect(await stack.conflicts.rows('audit_log')).toBeGreaterThan(before + 55);
  });
});
