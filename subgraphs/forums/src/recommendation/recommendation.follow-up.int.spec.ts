import { startStack, type StackUnderTest } from '../../test/support';
import { FOLLOW_UP, addRecommendation, createDeclaration, createForum, done, mutate, ok, type Ref } from '../../test/fixtures';

let stack: StackUnderTest;
let declaration: Ref;

beforeAll(async () => {
  stack = await startStack();
  const forum = await createForum(stack.forums.owner);
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
