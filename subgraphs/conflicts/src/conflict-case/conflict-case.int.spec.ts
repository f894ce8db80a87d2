import { problemsOf } from '@peacegraph/kit/testing';
import { COMMUNITIES, OTHER_PARTNER, startStack, type StackUnderTest } from '../../test/support';
import { TWO_PARTIES, change, createCommission, daysAgo, reportCase } from '../../test/fixtures';

let stack: StackUnderTest;
let kalana: string;
let dori: string;
beforeAll(async () => {
  stack = await startStack();
  kalana = (await createCommission(stack.conflicts.owner, COMMUNITIES.kalana, { establishedOn: '2024-01-15' })).id;
  dori = (await createCommission(stack.conflicts.owner, COMMUNITIES.dori, { establishedOn: '2024-01-15' })).id;
});
afterAll(() => stack.stop());

const REPORT = `mutation ($input: ReportConflictCaseInput!) {
  reportConflictCase(input: $input) {
    id reference version status statusSince reportedOn level type countryCode narrative
    community { id } adminArea { pcode } otherCommunities { id } peaceCommission { id }
    parties { label kind sex ageGroup name } history { from to changedOn madeBy } nextStatuses
  }
}`;

type Reported = { reportConflictCase: Record<string, unknown> & { id: string; reference: string } };

const valid = () => ({
  peaceCommission: kalana,
  reportedOn: daysAgo(30),
  level: 'COMMUNITY',
  type: 'MINING',
  parties: TWO_PARTIES,
  narrative: 'Miners and landowners disagree on the share of a new pit.',
});

describe('reporting a case', () => {
  it('gives a reference from the P-code, year and sequence, and starts the history at REPORTED', async () => {
    const { data, errors } = await stack.conflicts.owner<Reported>(REPORT, {
      input: {
        ...valid(),
        reportedOn: '2025-03-02',
        parties: [...TWO_PARTIES, { kind: 'INSTITUTION', sex: 'NOT_APPLICABLE', ageGroup: 'NOT_APPLICABLE', name: 'Site operator' }],
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.reportConflictCase).toMatchObject({
      reference: 'ML0306-2025-0001',
      version: 1,
      status: 'REPORTED',
      statusSince: '2025-03-02',
      level: 'COMMUNITY',
      type: 'MINING',
      countryCode: 'ML',
      community: { id: COMMUNITIES.kalana },
      adminArea: { pcode: 'ML0306' },
      otherCommunities: [],
      peaceCommission: { id: kalana },
      parties: [
        { label: 'Party A', kind: 'FAMILY', sex: 'MIXED', ageGroup: 'MIXED', name: null },
        { label: 'Party B', kind: 'INDIVIDUAL', sex: 'MALE', ageGroup: 'ADULT', name: null },
        { label: 'Party C', kind: 'INSTITUTION', sex: 'NOT_APPLICABLE', ageGroup: 'NOT_APPLICABLE', name: 'Site operator' },
      ],
      history: [{ from: null, to: 'REPORTED', changedOn: '2025-03-02', madeBy: 'mediator-1' }],
      nextStatuses: ['UNDER_MEDIATION', 'REFERRED'],
    });
    const second = await reportCase(stack.conflicts.owner, kalana, { reportedOn: '2025-07-19' });
    const nextYear = await reportCase(stack.conflicts.owner, kalana, { reportedOn: '2026-01-04' });
    const elsewhere = await reportCase(stack.conflicts.owner, dori, { reportedOn: '2025-07-19' });
    expect([second.reference, nextYear.reference, elsewhere.reference]).toEqual([
      'ML0306-2025-0002',
      'ML0306-2026-0001',
      'BF5602-2025-0001',
    ]);
  });

  it('names the other communities of an intercommunity case', async () => {
    const { data, errors } = await stack.conflicts.owner<Reported>(REPORT, {
      input: {
        ...valid(),
        peaceCommission: dori,
        level: 'INTERCOMMUNITY',
        type: 'FARMER_HERDER',
        otherCommunities: [COMMUNITIES.goromGorom, COMMUNITIES.djibo],
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.reportConflictCase.otherCommunities).toEqual([{ id: COMMUNITIES.goromGorom }, { id: COMMUNITIES.djibo }]);
  });

  const refusals: [string, Record<string, unknown>, string, RegExp][] = [
    ['an unknown commission', { peaceCommission: '00000000-0000-4000-8000-00000000c0de' }, 'input.peaceCommission', /No peace commission/],
    ['a report date in the future', { reportedOn: daysAgo(-2) }, 'input.reportedOn', /in the future/],
    [
      'a report before the commission was established',
      { reportedOn: '2023-12-31' },
      'input.reportedOn',
      /before the peace commission was established \(2024-01-15\)/,
    ],
    ['a single party', { parties: [TWO_PARTIES[0]] }, 'input.parties', /at least 2 parties; 1 given/],
    [
      'an institution with a sex',
      { parties: [TWO_PARTIES[0], { kind: 'INSTITUTION', sex: 'FEMALE', ageGroup: 'NOT_APPLICABLE' }] },
      'input.parties.1.sex',
      /institution has no sex/,
    ],
    [
      'an intercommunity case without other communities',
      { level: 'INTERCOMMUNITY' },
      'input.otherCommunities',
      /names the other communities/,
    ],
    [
      'other communities on a family case',
      { level: 'FAMILY', otherCommunities: [COMMUNITIES.nampala] },
      'input.otherCommunities',
      /Only INTERCOMMUNITY/,
    ],
    [
      'its own community among the others',
      { level: 'INTERCOMMUNITY', otherCommunities: [COMMUNITIES.kalana] },
      'input.otherCommunities.0',
      /own community/,
    ],
    [
      'an unknown other community',
      { level: 'INTERCOMMUNITY', otherCommunities: [COMMUNITIES.nampala, '00000000-0000-4000-a000-00000000beef'] },
      'input.otherCommunities.1',
      /No community with id/,
    ],
    ['a narrative over 4000 characters', { narrative: 'x'.repeat(4001) }, 'input.narrative', /4000 characters/],
  ];

  it.each(refusals)('refuses %s, names the field, and writes nothing', async (_label, change, field, message) => {
    const before = await stack.conflicts.allRows();
    const { data, errors } = await stack.conflicts.owner(REPORT, { input: { ...valid(), ...change } });
    expect(data).toEqual({ reportConflictCase: null });
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(await stack.conflicts.allRows()).toEqual(before);
  });

  it('refuses an unknown type or level at the schema edge', async () => {
    const { errors } = await stack.conflicts.owner(REPORT, { input: { ...valid(), type: 'WITCHCRAFT' } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/input\.type/);
  });

  it('refuses reports to an inactive commission', async () => {
    const nampala = await createCommission(stack.conflicts.owner, COMMUNITIES.nampala, { active: false });
    const before = await stack.conflicts.allRows();
    const { errors } = await stack.conflicts.owner(REPORT, { input: { ...valid(), peaceCommission: nampala.id } });
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.peaceCommission' });
    expect(await stack.conflicts.allRows()).toEqual(before);
  });

  it('answers a retried report with the first case, without a second reference (clientMutationId)', async () => {
    const input = { ...valid(), clientMutationId: 'case-retry-1' };
    const [first, second] = await Promise.all([
      stack.conflicts.owner<Reported>(REPORT, { input }),
      stack.conflicts.owner<Reported>(REPORT, { input }),
    ]);
    expect(first.errors ?? second.errors).toBeUndefined();
    expect(second.data!.reportConflictCase.id).toBe(first.data!.reportConflictCase.id);
    expect(
      await stack.conflicts.db.dataSource.query(`SELECT count(*)::int AS n FROM conflict_case WHERE client_mutation_id = 'case-retry-1'`),
    ).toEqual([{ n: 1 }]);
  });
});

describe('correcting a case', () => {
  const UPDATE = 'updateConflictCase';

  it('changes type, level and parties, increases the version, and keeps the history', async () => {
    const kase = await reportCase(stack.conflicts.owner, dori, {
      level: 'INTERCOMMUNITY',
      type: 'LAND',
      otherCommunities: [COMMUNITIES.djibo],
    });
    const { data, errors } = await change(stack.conflicts.owner, UPDATE, kase, {
      type: 'FARMER_HERDER',
      level: 'COMMUNITY',
      parties: [
        { kind: 'GROUP', sex: 'MALE', ageGroup: 'YOUTH' },
        { kind: 'GROUP', sex: 'MIXED', ageGroup: 'MIXED' },
        { kind: 'INDIVIDUAL', sex: 'FEMALE', ageGroup: 'ELDER' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!.updateConflictCase!.version).toBe(2);
    const read = await stack.conflicts.owner<{ conflictCase: Record<string, unknown> }>(
      `query ($id: ID!) { conflictCase(id: $id) { type level otherCommunities { id } parties { label kind } history { to } } }`,
      { id: kase.id },
    );
    expect(read.data!.conflictCase).toEqual({
      type: 'FARMER_HERDER',
      level: 'COMMUNITY',
      otherCommunities: [],
      parties: [
        { label: 'Party A', kind: 'GROUP' },
        { label: 'Party B', kind: 'GROUP' },
        { label: 'Party C', kind: 'INDIVIDUAL' },
      ],
      history: [{ to: 'REPORTED' }],
    });
  });

  it.each([
    ['a single party', { parties: [TWO_PARTIES[0]] }, 'input.parties'],
    ['no parties at all', { parties: null }, 'input.parties'],
    ['intercommunity without others', { level: 'INTERCOMMUNITY' }, 'input.otherCommunities'],
    [
      'an unknown other community',
      { level: 'INTERCOMMUNITY', otherCommunities: ['00000000-0000-4000-a000-00000000beef'] },
      'input.otherCommunities.0',
    ],
    ['a null type', { type: null }, 'input.type'],
    ['a null level', { level: null }, 'input.level'],
  ] as [string, Record<string, unknown>, string][])('refuses %s, and writes nothing', async (_label, input, field) => {
    const kase = await reportCase(stack.conflicts.owner, kalana);
    const before = await stack.conflicts.allRows();
    const { errors } = await change(stack.conflicts.owner, UPDATE, kase, input);
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await stack.conflicts.allRows()).toEqual(before);
  });

  const UNKNOWN = '00000000-0000-4000-a000-00000000beef';
  const MIXED_PERSON = { kind: 'INDIVIDUAL', sex: 'MIXED', ageGroup: 'ADULT' };
  it.each([
    [
      'every removal',
      { type: null, level: null, parties: null },
      [
        ['input.type', /^A case has a type$/],
        ['input.level', /^A case has a level$/],
        ['input.parties', /^A conflict has at least 2 parties$/],
      ],
    ],
    [
      'intercommunity without others, a long narrative and a single party',
      { level: 'INTERCOMMUNITY', narrative: 'x'.repeat(4001), parties: [TWO_PARTIES[0]] },
      [
        ['input.otherCommunities', /names the other communities/],
        ['input.narrative', /4000 characters/],
        ['input.parties', /at least 2 parties; 1 given/],
      ],
    ],
    [
      'its own community among the others and a person of mixed sex',
      { level: 'INTERCOMMUNITY', otherCommunities: [COMMUNITIES.kalana], parties: [TWO_PARTIES[0], MIXED_PERSON] },
      [
        ['input.otherCommunities.0', /own community/],
        ['input.parties.1.sex', /FEMALE or MALE/],
      ],
    ],
    [
      'other communities on a family case and a long narrative',
      { level: 'FAMILY', otherCommunities: [COMMUNITIES.nampala], narrative: 'x'.repeat(4001) },
      [
        ['input.otherCommunities', /Only INTERCOMMUNITY/],
        ['input.narrative', /4000 characters/],
      ],
    ],
    [
      'a long narrative, a person of mixed sex and an unknown other community (the directory last)',
      {
        level: 'INTERCOMMUNITY',
        otherCommunities: [COMMUNITIES.nampala, UNKNOWN],
        narrative: 'x'.repeat(4001),
        parties: [TWO_PARTIES[0], MIXED_PERSON],
      },
      [
        ['input.narrative', /4000 characters/],
        ['input.parties.1.sex', /FEMALE or MALE/],
        ['input.otherCommunities.1', /No community with id/],
      ],
    ],
  ] as [string, Record<string, unknown>, [string, RegExp][]][])(
    'lists every problem of %s in one refusal, and changes no value',
    async (_label, input, problems) => {
      const kase = await reportCase(stack.conflicts.owner, kalana);
      const before = await stack.conflicts.allValues();
      const { data, errors } = await change(stack.conflicts.owner, UPDATE, kase, input);
      expect(data).toEqual({ [UPDATE]: null });
      expect(problemsOf(errors)).toEqual(problems.map(([field, message]) => [field, expect.stringMatching(message)]));
      expect(await stack.conflicts.allValues()).toEqual(before);
    },
  );
});

describe('finding cases', () => {
  it('filters by status, type, level, community, admin area and below, and report dates; pages by keyset, newest first', async () => {
    const reader = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
    const LIST = `query ($filter: ConflictCaseFilter, $first: Int, $after: String) {
      conflictCases(filter: $filter, first: $first, after: $after) { totalCount edges { node { reference reportedOn } } pageInfo { hasNextPage endCursor } }
    }`;
    type List = {
      conflictCases: {
        totalCount: number;
        edges: { node: { reference: string; reportedOn: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const count = async (filter: Record<string, unknown>) => (await reader<List>(LIST, { filter })).data!.conflictCases.totalCount;
    const total = await stack.conflicts.rows('conflict_case');
    expect(await count({})).toBe(total);
    expect(await count({ adminArea: 'BF' + '56' })).toBe(
      Number(
        (await stack.conflicts.db.dataSource.query(`SELECT count(*)::int AS n FROM conflict_case WHERE admin_pcode LIKE 'BF56%'`))[0].n,
      ),
    );
    expect(await count({ community: COMMUNITIES.dori, type: 'FARMER_HERDER' })).toBe(2);
    expect(await count({ level: 'INTERCOMMUNITY', country: 'BF' })).toBe(1);
    expect(await count({ status: 'REPORTED', reportedFrom: '2025-01-01', reportedTo: '2025-12-31' })).toBe(3);
    expect(await count({ peaceCommission: kalana, reportedTo: '2025-12-31' })).toBe(2);
    expect(await count({ community: 'not-a-uuid' })).toBe(0);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await reader<List>(LIST, { first: 4, after });
      seen.push(...page.data!.conflictCases.edges.map((e) => `${e.node.reportedOn} ${e.node.reference}`));
      after = page.data!.conflictCases.pageInfo.hasNextPage ? page.data!.conflictCases.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(
      [...seen]
        .sort()
        .reverse()
        .map((s) => s.slice(0, 10)),
    ).toEqual(seen.map((s) => s.slice(0, 10)));
  });

  it('finds a case by reference, refuses a period that ends before it starts', async () => {
    const reader = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
    const byReference = await reader<{ conflictCase: { reportedOn: string } }>(
      `{ conflictCase(reference: "ml0306-2025-0001") { reportedOn } }`,
    );
    expect(byReference.data!.conflictCase).toEqual({ reportedOn: '2025-03-02' });
    const backwards = await reader(`{ conflictCases(filter: { reportedFrom: "2025-06-01", reportedTo: "2025-01-01" }) { totalCount } }`);
    expect(backwards.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.reportedTo' });
    const neither = await reader(`{ conflictCase { id } }`);
    expect(neither.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it("pages a commission's cases like the case list, with the same cursors, order and counts", async () => {
    const reader = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
    const PAGE = `query ($id: ID!, $after: String) { peaceCommission(id: $id) {
      cases(first: 2, after: $after, filter: { reportedFrom: "2025-01-01" }) { totalCount edges { cursor node { reference } } pageInfo { hasNextPage hasPreviousPage endCursor } }
    } }`;
    type Page = {
      peaceCommission: {
        cases: {
          totalCount: number;
          edges: { cursor: string; node: { reference: string } }[];
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
        };
      };
    };
    const listed = await reader<{ conflictCases: { edges: { cursor: string; node: { reference: string } }[] } }>(
      `query ($id: ID!) { conflictCases(first: 100, filter: { peaceCommission: $id, reportedFrom: "2025-01-01" }) { edges { cursor node { reference } } } }`,
      { id: kalana },
    );
    const expected = listed.data!.conflictCases.edges;
    expect(expected.length).toBeGreaterThan(4);
    const seen: { cursor: string; node: { reference: string } }[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const { data, errors } = await reader<Page>(PAGE, { id: kalana, after });
      expect(errors).toBeUndefined();
      const { cases } = data!.peaceCommission;
      expect(cases.totalCount).toBe(expected.length);
      expect(cases.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...cases.edges);
      after = cases.pageInfo.hasNextPage ? cases.pageInfo.endCursor : undefined;
      pages += 1;
    } while (after);
    expect(seen).toEqual(expected);
    const bad = await reader(PAGE, { id: kalana, after: 'not-a-cursor' });
    expect(bad.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
