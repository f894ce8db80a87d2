import { OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from '../../test/support';
import { FOLLOW_UP, addRecommendation, codes, createDeclaration, createForum, done, ok, type Client, type Ref } from '../../test/fixtures';

let stack: StackUnderTest;
let ownForum: string;
let theirForum: string;
let ownerReader: Client;
let otherReader: Client;

/**
 * The fund's national forum (63 participants, three of them victims of modern slavery, three from
 * Burkina Faso's Sahel) and a smaller forum another partner convened (26 participants, none in a
 * small group).
 */
beforeAll(async () => {
  stack = await startStack();
  const fund = await createForum(stack.forums.owner);
  ownForum = fund.id;
  await done(
    stack.forums.owner,
    'recordForumParticipants',
    {
      groups: [
        { category: 'YOUTH', women: 20, men: 31 },
        { category: 'VICTIMS_OF_MODERN_SLAVERY', women: 2, men: 1 },
        { category: 'WOMENS_GROUPS', women: 9, men: 0 },
      ],
      origins: [
        { region: 'ML05', participants: 40 },
        { region: 'BF56', participants: 3 },
      ],
    },
    fund,
  );
  const other = await stack.forums.as(OTHER_PARTNER, 'forums:write');
  const theirs = await createForum(other, {
    title: 'Forum local de Ségou',
    scope: 'LOCAL',
    venue: { adminArea: 'ML04' },
    convenors: [OTHER_PARTNER],
    coConvenors: [],
    countriesRepresented: [],
    startsOn: '2026-03-10',
    endsOn: '2026-03-10',
  });
  theirForum = theirs.id;
  await done(
    other,
    'recordForumParticipants',
    {
      groups: [
        { category: 'YOUTH', women: 6, men: 8 },
        { category: 'WOMENS_GROUPS', women: 12, men: 0 },
      ],
    },
    theirs,
  );
  ownerReader = await stack.forums.as(OWNER, 'forums:read');
  otherReader = await stack.forums.as(OTHER_PARTNER, 'forums:read');
});
afterAll(() => stack.stop());

type Cell = { count: number | null; suppressed: boolean };
const shown = (count: number): Cell => ({ count, suppressed: false });
const hidden: Cell = { count: null, suppressed: true };
type Group = { category: string; women: Cell; men: Cell; total: Cell };
type Participants = {
  exact: boolean;
  groups: Group[];
  women: Cell;
  men: Cell;
  total: Cell;
  origins: { region: { pcode: string }; participants: Cell }[];
  originUnknown: Cell;
};

const CELL = 'count suppressed';
const PARTICIPANTS = `exact groups { category women { ${CELL} } men { ${CELL} } total { ${CELL} } } women { ${CELL} } men { ${CELL} } total { ${CELL} }`;
const FORUM = `query ($id: ID!) { forum(id: $id) { title participants { ${PARTICIPANTS} origins { region { pcode } participants { ${CELL} } } originUnknown { ${CELL} } } } }`;

const nonZero = (groups: Group[]) => groups.filter((g) => g.total.count !== 0);

describe('a forum’s participants', () => {
  it('are exact for the owner, by category and sex and by region of origin', async () => {
    const { forum } = await ok(ownerReader<{ forum: { participants: Participants } }>(FORUM, { id: ownForum }));
    expect(forum.participants.exact).toBe(true);
    expect(forum.participants.groups).toHaveLength(14);
    expect(nonZero(forum.participants.groups)).toEqual([
      { category: 'YOUTH', women: shown(20), men: shown(31), total: shown(51) },
      { category: 'VICTIMS_OF_MODERN_SLAVERY', women: shown(2), men: shown(1), total: shown(3) },
      { category: 'WOMENS_GROUPS', women: shown(9), men: shown(0), total: shown(9) },
    ]);
    expect([forum.participants.women, forum.participants.men, forum.participants.total]).toEqual([shown(31), shown(32), shown(63)]);
    expect(forum.participants.origins).toEqual([
      { region: { pcode: 'ML05' }, participants: shown(40) },
      { region: { pcode: 'BF56' }, participants: shown(3) },
    ]);
    expect(forum.participants.originUnknown).toEqual(shown(20));
  });

  it('withhold from another partner the three victims of modern slavery, the three from Burkina Faso, and every count that would give them away', async () => {
    const { forum } = await ok(otherReader<{ forum: { participants: Participants } }>(FORUM, { id: ownForum }));
    expect(forum.participants.exact).toBe(false);
    expect(nonZero(forum.participants.groups)).toEqual([
      // The women's column shows 31: with the 2 withheld, the next smallest women's count (9) goes too,
      // then its row total; the men's column likewise takes 31 with the 1, and YOUTH's row the 20.
      { category: 'YOUTH', women: hidden, men: hidden, total: shown(51) },
      { category: 'VICTIMS_OF_MODERN_SLAVERY', women: hidden, men: hidden, total: hidden },
      { category: 'WOMENS_GROUPS', women: hidden, men: shown(0), total: hidden },
    ]);
    expect([forum.participants.women, forum.participants.men, forum.participants.total]).toEqual([shown(31), shown(32), shown(63)]);
    expect(forum.participants.origins).toEqual([
      { region: { pcode: 'ML05' }, participants: shown(40) },
      { region: { pcode: 'BF56' }, participants: hidden },
    ]);
    expect(forum.participants.originUnknown).toEqual(hidden);
  });

  it('are refused to anonymous callers, leaving the public forum intact', async () => {
    const { data, errors } = await stack.forums.request<{ forum: { title: string; participants: null } }>(FORUM, { id: ownForum });
    expect(data!.forum).toEqual({ title: expect.stringContaining('Forum national'), participants: null });
    expect(codes(errors)).toEqual(['forum.participants:UNAUTHENTICATED']);
  });
});

describe('participants across forums', () => {
  const ACROSS = `{ forumParticipation { exact forums { forum { id } exact total { ${CELL} } } groups { category women { ${CELL} } men { ${CELL} } total { ${CELL} } } women { ${CELL} } men { ${CELL} } total { ${CELL} } } }`;
  type Across = {
    forumParticipation: {
      exact: boolean;
      forums: { forum: { id: string }; exact: boolean; total: Cell }[];
      groups: Group[];
      women: Cell;
      men: Cell;
      total: Cell;
    };
  };

  it('adds up each forum as its reader sees it: the fund sees its own exactly and the other one disclosed', async () => {
    const { forumParticipation } = await ok(ownerReader<Across>(ACROSS));
    expect(forumParticipation.exact).toBe(false);
    expect(forumParticipation.forums).toEqual([
      { forum: { id: theirForum }, exact: false, total: shown(26) },
      { forum: { id: ownForum }, exact: true, total: shown(63) },
    ]);
    expect(nonZero(forumParticipation.groups)).toEqual([
      { category: 'YOUTH', women: shown(26), men: shown(39), total: shown(65) },
      { category: 'VICTIMS_OF_MODERN_SLAVERY', women: shown(2), men: shown(1), total: shown(3) },
      { category: 'WOMENS_GROUPS', women: shown(21), men: shown(0), total: shown(21) },
    ]);
    expect([forumParticipation.women, forumParticipation.men, forumParticipation.total]).toEqual([shown(49), shown(40), shown(89)]);
  });

  it('withholds from the other partner every sum that includes one of the fund’s withheld figures', async () => {
    const { forumParticipation } = await ok(otherReader<Across>(ACROSS));
    expect(
      nonZero(forumParticipation.groups.map((g) => ({ ...g, total: g.total.suppressed ? { count: -1, suppressed: true } : g.total }))),
    ).toEqual([
      { category: 'YOUTH', women: hidden, men: hidden, total: shown(65) },
      { category: 'VICTIMS_OF_MODERN_SLAVERY', women: hidden, men: hidden, total: { count: -1, suppressed: true } },
      { category: 'WOMENS_GROUPS', women: hidden, men: shown(0), total: { count: -1, suppressed: true } },
    ]);
    expect([forumParticipation.women, forumParticipation.men, forumParticipation.total]).toEqual([shown(49), shown(40), shown(89)]);
  });

  it('filters the forums counted, and is refused to anonymous callers', async () => {
    const { forumParticipation } = await ok(
      ownerReader<Across>(`{ forumParticipation(filter: { convenor: "${OWNER}" }) { exact total { ${CELL} } forums { forum { id } } } }`),
    );
    expect(forumParticipation).toEqual({ exact: true, total: shown(63), forums: [{ forum: { id: ownForum } }] });
    const anonymous = await stack.forums.request(ACROSS);
    expect(anonymous.data).toEqual({ forumParticipation: null });
    expect(codes(anonymous.errors)).toEqual(['forumParticipation:UNAUTHENTICATED']);
  });
});

describe('implementation figures', () => {
  let fresh: string;
  beforeAll(async () => {
    // A declaration of its own, so the figures below count only these four recommendations.
    const forum = await createForum(stack.forums.owner, { title: 'Forum régional de Gao', venue: { adminArea: 'ML07' } });
    let own = await createDeclaration(stack.forums.owner, forum.id, { adoptedOn: '2025-11-20' });
    fresh = forum.id;
    const add = (theme: string) => addRecommendation(stack.forums.owner, own.id, { theme });
    const governance = [await add('GOVERNANCE'), await add('GOVERNANCE')];
    const security = [await add('SECURITY'), await add('SECURITY')];
    own = await done(stack.forums.owner, 'publishDeclaration', { publishedOn: '2025-11-25' }, own);
    const report = (target: Ref, status: string, reportedOn: string) =>
      done(stack.forums.owner, 'recordRecommendationFollowUp', { ...FOLLOW_UP, status, reportedOn }, target);
    const g0 = await report({ ...governance[0]!, version: 2 }, 'IN_PROGRESS', '2026-02-10');
    await report(g0, 'IMPLEMENTED', '2026-05-15');
    await report({ ...security[0]!, version: 2 }, 'REJECTED', '2026-03-31');
    // A draft's recommendation is never counted.
    const draft = await createDeclaration(stack.forums.owner, forum.id, { adoptedOn: '2025-11-20', translations: [] });
    const hidden = await addRecommendation(stack.forums.owner, draft.id, { theme: 'GOVERNANCE' });
    await report(hidden, 'IMPLEMENTED', '2026-01-10');
    expect(security[1]).toBeDefined();
  });

  const FIGURES = `query ($forum: ID!, $groupBy: ForumImplementationGrouping!) {
    forumImplementation(filter: { forum: $forum }, groupBy: $groupBy, interval: QUARTER, from: "2025-11-20", to: "2026-06-30") {
      groups { theme addressee series { period asOf recommendations pending inProgress implemented rejected implementationRate } }
      overall { period recommendations implemented implementationRate }
    }
    forum(id: $forum) { recommendationStats { recommendations pending inProgress implemented rejected implementationRate } }
  }`;

  it('shows, period by period, where each theme’s published recommendations stood', async () => {
    const { forumImplementation, forum } = await ok(
      stack.forums.request<{ forumImplementation: { groups: unknown[]; overall: unknown[] }; forum: unknown }>(FIGURES, {
        forum: fresh,
        groupBy: 'THEME',
      }),
    );
    const point = (period: string, asOf: string, pending: number, inProgress: number, implemented: number, rejected: number) => ({
      period,
      asOf,
      recommendations: 2,
      pending,
      inProgress,
      implemented,
      rejected,
      implementationRate: implemented / 2,
    });
    expect(forumImplementation.groups).toEqual([
      {
        theme: 'GOVERNANCE',
        addressee: null,
        series: [
          point('2025-Q4', '2025-12-31', 2, 0, 0, 0),
          point('2026-Q1', '2026-03-31', 1, 1, 0, 0),
          point('2026-Q2', '2026-06-30', 1, 0, 1, 0),
        ],
      },
      {
        theme: 'SECURITY',
        addressee: null,
        series: [
          point('2025-Q4', '2025-12-31', 2, 0, 0, 0),
          point('2026-Q1', '2026-03-31', 1, 0, 0, 1),
          point('2026-Q2', '2026-06-30', 1, 0, 0, 1),
        ],
      },
    ]);
    expect(forumImplementation.overall).toEqual([
      { period: '2025-Q4', recommendations: 4, implemented: 0, implementationRate: 0 },
      { period: '2026-Q1', recommendations: 4, implemented: 0, implementationRate: 0 },
      { period: '2026-Q2', recommendations: 4, implemented: 1, implementationRate: 0.25 },
    ]);
    expect(forum).toEqual({
      recommendationStats: { recommendations: 4, pending: 2, inProgress: 0, implemented: 1, rejected: 1, implementationRate: 0.25 },
    });
  });

  it('groups by addressee too', async () => {
    const { forumImplementation } = await ok(
      stack.forums.request<{ forumImplementation: { groups: { addressee: string; series: { implemented: number }[] }[] } }>(FIGURES, {
        forum: fresh,
        groupBy: 'ADDRESSEE',
      }),
    );
    expect(forumImplementation.groups.map((g) => [g.addressee, g.series.map((p) => p.implemented)])).toEqual([['GOVERNMENT', [0, 0, 1]]]);
  });

  it('refuses a period that ends before it starts, or too many periods', async () => {
    const query = (from: string, to: string, interval: string) =>
      stack.forums.request(
        `{ forumImplementation(groupBy: THEME, interval: ${interval}, from: "${from}", to: "${to}") { overall { period } } }`,
      );
    expect((await query('2026-01-01', '2025-01-01', 'YEAR')).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await query('2000-01-01', '2026-01-01', 'MONTH')).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'interval',
    });
  });
});
