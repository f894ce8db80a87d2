import { startStack, type StackUnderTest } from './support';
import { FOLLOW_UP, addRecommendation, createDeclaration, createForum, done, mutate, ok, type Ref } from './fixtures';

let stack: StackUnderTest;
let declaration: Ref;
let forumId: string;

beforeAll(async () => {
  stack = await startStack();
  const forum = await createForum(stack.forums.owner);
  forumId = forum.id;
  declaration = await createDeclaration(stack.forums.owner, forum.id);
  declaration = await done(stack.forums.owner, 'publishDeclaration', { publishedOn: '2025-11-25' }, declaration);
});
afterAll(() => stack.stop());

const READ = `query ($id: ID!) { forumRecommendation(id: $id) {
  number status statusSince nextStatuses version
  followUps { from to reportedOn evidence evidenceUrl reporter reportingOrganisation { id } }
} }`;
type Read = {
  forumRecommendation: {
    number: number;
    status: string;
    statusSince: string;
    nextStatuses: string[];
    version: number;
    followUps: {
      from: string;
      to: string;
      reportedOn: string;
      evidence: string;
      evidenceUrl: string | null;
      reporter: string;
      reportingOrganisation: { id: string } | null;
    }[];
  };
};
const read = async (id: string) => (await ok(stack.forums.request<Read>(READ, { id }))).forumRecommendation;
const follow = (target: Ref, input: Record<string, unknown>) =>
  mutate(stack.forums.owner, 'recordRecommendationFollowUp', { ...FOLLOW_UP, ...input }, target);

describe('a recommendation’s follow-up', () => {
  it('starts PENDING since adoption, then records each report with its date, evidence and reporter', async () => {
    let recommendation = await addRecommendation(stack.forums.owner, declaration.id);
    expect(await read(recommendation.id)).toMatchObject({
      status: 'PENDING',
      statusSince: '2025-11-20',
      nextStatuses: ['IN_PROGRESS', 'IMPLEMENTED', 'REJECTED'],
      followUps: [],
    });
    const steps = [
      { status: 'IN_PROGRESS', reportedOn: '2026-01-15', evidence: 'Plan adopté en conseil des ministres.' },
      {
        status: 'IN_PROGRESS',
        reportedOn: '2026-03-01',
        evidence: 'Premières affectations.',
        evidenceUrl: 'https://example.org/rapport-mars.pdf',
      },
      { status: 'REJECTED', reportedOn: '2026-04-10', evidence: 'Budget retiré de la loi de finances rectificative.' },
      { status: 'IN_PROGRESS', reportedOn: '2026-06-01', evidence: 'Nouvelle ligne budgétaire après plaidoyer.' },
      {
        status: 'IMPLEMENTED',
        reportedOn: '2026-09-30',
        evidence: 'Tous les postes pourvus.',
        reportingOrganisation: '00000000-0000-4000-8000-000000000008',
      },
    ];
    for (const step of steps) {
      const { data, errors } = await follow(recommendation, step);
      expect(errors).toBeUndefined();
      recommendation = data!.recordRecommendationFollowUp!;
    }
    const after = await read(recommendation.id);
    expect(after).toMatchObject({ status: 'IMPLEMENTED', statusSince: '2026-09-30', nextStatuses: [], version: 1 + steps.length });
    expect(after.followUps).toEqual([
      {
        from: 'PENDING',
        to: 'IN_PROGRESS',
        reportedOn: '2026-01-15',
        evidence: 'Plan adopté en conseil des ministres.',
        evidenceUrl: null,
        reporter: FOLLOW_UP.reporter,
        reportingOrganisation: null,
      },
      {
        from: 'IN_PROGRESS',
        to: 'IN_PROGRESS',
        reportedOn: '2026-03-01',
        evidence: 'Premières affectations.',
        evidenceUrl: 'https://example.org/rapport-mars.pdf',
        reporter: FOLLOW_UP.reporter,
        reportingOrganisation: null,
      },
      {
        from: 'IN_PROGRESS',
        to: 'REJECTED',
        reportedOn: '2026-04-10',
        evidence: 'Budget retiré de la loi de finances rectificative.',
        evidenceUrl: null,
        reporter: FOLLOW_UP.reporter,
        reportingOrganisation: null,
      },
      {
        from: 'REJECTED',
        to: 'IN_PROGRESS',
        reportedOn: '2026-06-01',
        evidence: 'Nouvelle ligne budgétaire après plaidoyer.',
        evidenceUrl: null,
        reporter: FOLLOW_UP.reporter,
        reportingOrganisation: null,
      },
      {
        from: 'IN_PROGRESS',
        to: 'IMPLEMENTED',
        reportedOn: '2026-09-30',
        evidence: 'Tous les postes pourvus.',
        evidenceUrl: null,
        reporter: FOLLOW_UP.reporter,
        reportingOrganisation: { id: '00000000-0000-4000-8000-000000000008' },
      },
    ]);
  });

  it.each([
    ['PENDING', 'PENDING', [], ['IN_PROGRESS', 'IMPLEMENTED', 'REJECTED']],
    ['REJECTED', 'REJECTED', ['REJECTED'], ['IN_PROGRESS', 'IMPLEMENTED']],
    ['IMPLEMENTED', 'IN_PROGRESS', ['IMPLEMENTED'], []],
    ['IMPLEMENTED', 'REJECTED', ['IN_PROGRESS', 'IMPLEMENTED'], []],
  ] as const)('refuses %s → %s, naming the allowed statuses, and writes nothing', async (from, to, path, allowed) => {
    let recommendation = await addRecommendation(stack.forums.owner, declaration.id);
    for (const status of path)
      recommendation = await done(stack.forums.owner, 'recordRecommendationFollowUp', { ...FOLLOW_UP, status }, recommendation);
    const before = await stack.forums.allRows();
    const { data, errors } = await follow(recommendation, { status: to, reportedOn: '2026-05-01' });
    expect(data).toEqual({ recordRecommendationFollowUp: null });
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.status', status: from, allowedStatuses: allowed });
    expect(await stack.forums.allRows()).toEqual(before);
    expect((await read(recommendation.id)).status).toBe(from);
  });

  it.each([
    ['in the future', { reportedOn: '2099-01-01' }, /in the future/],
    ['before adoption', { reportedOn: '2025-11-19' }, /before the recommendation was adopted \(2025-11-20\)/],
    ['before the last follow-up', { reportedOn: '2026-01-01' }, /before the last follow-up \(2026-02-10\)/],
  ])('refuses a report dated %s', async (_label, input, message) => {
    let recommendation = await addRecommendation(stack.forums.owner, declaration.id);
    recommendation = await done(
      stack.forums.owner,
      'recordRecommendationFollowUp',
      { ...FOLLOW_UP, status: 'IN_PROGRESS' },
      recommendation,
    );
    const before = await stack.forums.allRows();
    const { errors } = await follow(recommendation, { status: 'IMPLEMENTED', ...input });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reportedOn' });
    expect(errors![0]!.message).toMatch(message);
    expect(await stack.forums.allRows()).toEqual(before);
  });

  it('lets one of two simultaneous reports through and answers the other CONFLICT', async () => {
    const recommendation = await addRecommendation(stack.forums.owner, declaration.id);
    const [a, b] = await Promise.all([follow(recommendation, { status: 'IN_PROGRESS' }), follow(recommendation, { status: 'REJECTED' })]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]!.extensions!.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    expect((await read(recommendation.id)).followUps).toHaveLength(1);
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
    expect(forumId).toBeDefined();
  });
});
