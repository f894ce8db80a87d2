import { answeredOnce, atOnce, outcomes, retriedCreate, rowsWithKey } from '@peacegraph/kit/testing';
import { COMMUNITIES, startStack, type StackUnderTest } from './support';
import { MEMBERSHIP, TWO_PARTIES, createCommission, daysAgo } from './fixtures';

/**
 * Writes that arrive at the same instant: copies of one keyed create make one record and all answer
 * with it; a community has one peace commission however many are created at once; references of cases
 * reported at once follow one another.
 */
let stack: StackUnderTest;
let commission: string;
beforeAll(async () => {
  stack = await startStack();
  commission = (await createCommission(stack.conflicts.owner, COMMUNITIES.kalana)).id;
});
afterAll(() => stack.stop());

const CREATE_COMMISSION = `mutation ($input: CreatePeaceCommissionInput!) { createPeaceCommission(input: $input) { id } }`;
const REPORT = `mutation ($input: ReportConflictCaseInput!) { reportConflictCase(input: $input) { id reference } }`;
const commissionInput = (community: string, extra: Record<string, unknown> = {}) => ({
  community,
  managementCommittee: 'CGC',
  establishedOn: daysAgo(900),
  membership: MEMBERSHIP,
  ...extra,
});
const caseInput = (extra: Record<string, unknown> = {}) => ({
  peaceCommission: commission,
  reportedOn: daysAgo(30),
  level: 'COMMUNITY',
  type: 'LAND',
  parties: TWO_PARTIES,
  ...extra,
});

describe('a create sent 50 times at once with one clientMutationId', () => {
  it('createPeaceCommission makes one commission and every copy answers with it', async () => {
    const input = commissionInput(COMMUNITIES.ayorou, { clientMutationId: 'retry-commission' });
    const send = () => stack.conflicts.owner(CREATE_COMMISSION, { input });
    expect(
      await retriedCreate(50, send, 'createPeaceCommission', {
        db: stack.conflicts.db,
        table: 'peace_commission',
        clientMutationId: 'retry-commission',
      }),
    ).toEqual(answeredOnce(50));
  });

  it.each([2, 20, 50])('reportConflictCase sent %i times makes one case with one reference', async (copies) => {
    const key = `retry-case-${copies}`;
    const answers = await atOnce(copies, () =>
      stack.conflicts.owner<{ reportConflictCase: { id: string; reference: string } }>(REPORT, {
        input: caseInput({ clientMutationId: key }),
      }),
    );
    const { ids, refusals } = outcomes(answers, 'reportConflictCase');
    expect(refusals).toEqual([]);
    expect(new Set(ids).size).toBe(1);
    expect(new Set(answers.map((a) => a.data!.reportConflictCase.reference)).size).toBe(1);
    expect(await rowsWithKey(stack.conflicts.db, 'conflict_case', key)).toBe(1);
  });
});

describe('one peace commission per community', () => {
  it.each([
    [COMMUNITIES.djibo, 2],
    [COMMUNITIES.dori, 20],
    [COMMUNITIES.tera, 40],
  ])('of commissions for %s created %i at once, one is stored', async (community, together) => {
    const { ids, refusals } = outcomes(
      await atOnce(together, (i) =>
        stack.conflicts.owner(CREATE_COMMISSION, { input: commissionInput(community, { managementCommittee: `CGC ${i}` }) }),
      ),
      'createPeaceCommission',
    );
    expect(ids).toHaveLength(1);
    expect(refusals).toEqual(Array(together - 1).fill('BAD_USER_INPUT input.community'));
    expect(
      (await stack.conflicts.db.dataSource.query(`SELECT count(*)::int AS n FROM peace_commission WHERE community_id = $1`, [community]))[0]
        .n,
    ).toBe(1);
  });
});

describe('cases reported at once', () => {
  it('take references one after another in their area and year, none twice', async () => {
    const before = (
      await stack.conflicts.db.dataSource.query(`SELECT count(*)::int AS n FROM conflict_case WHERE peace_commission_id = $1`, [commission])
    )[0].n;
    const answers = await atOnce(30, () =>
      stack.conflicts.owner<{ reportConflictCase: { reference: string } }>(REPORT, { input: caseInput() }),
    );
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const sequences = answers.map((a) => Number(a.data!.reportConflictCase.reference.split('-').at(-1))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => before + i + 1));
  });
});
