import { ok } from '@peacegraph/kit/testing';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
let educators: PlatformUnderTest['request'];
let kedougou: string;
let cohortId: string;

/** A partner's day through the gateway: a module, a facilitator, a cohort in Kédougou and two sessions. */
beforeAll(async () => {
  platform = await startPlatform();
  const place = await platform.directory.writer<{ createCommunity: { id: string } }>(
    `mutation { createCommunity(input: { name: "Kédougou", adminArea: "SN0601", languages: ["fuc", "mnk"] }) { id } }`,
  );
  kedougou = place.data!.createCommunity.id;
  educators = await platform.as(ORGS.educators, 'curriculum:write');

  const { createModule } = await ok<{ createModule: { id: string } }>(
    educators,
    `mutation { createModule(input: { title: "Peace and Security", edition: "2024" }) { id } }`,
  );
  const themes = ['COMMUNITY_VISION', 'HUMAN_RIGHTS', 'SOCIAL_NORMS', 'PEACE_AND_HUMAN_SECURITY'];
  for (const [i, theme] of themes.entries()) {
    await ok(educators, `mutation ($input: AddSessionPlanInput!) { addSessionPlan(input: $input) { id } }`, {
      input: {
        module: createModule.id,
        number: i + 1,
        title: `Session ${i + 1}`,
        theme,
        objectives: ['Talk together'],
        durationMinutes: 120,
        audiences: ['MEN', 'WOMEN'],
      },
    });
  }
  const { createFacilitator } = await ok<{ createFacilitator: { id: string } }>(
    educators,
    `mutation ($m: ID!, $c: ID!) {
    createFacilitator(input: { fullName: "Aminata Diallo", languages: ["fuc"], certifiedModules: [$m], homeCommunity: $c }) { id } }`,
    { m: createModule.id, c: kedougou },
  );
  const { createCohort } = await ok<{ createCohort: { id: string; version: number } }>(
    educators,
    `mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id version } }`,
    {
      input: {
        name: 'Kédougou — Pulaar class',
        module: createModule.id,
        community: kedougou,
        language: 'fuc',
        facilitators: [createFacilitator.id],
        audiences: ['MEN', 'WOMEN'],
        enrolment: { femaleAdults: 14, femaleYouth: 8, maleAdults: 11, maleYouth: 6 },
        plannedStart: '2025-02-03',
      },
    },
  );
  cohortId = createCohort.id;
  await ok(
    educators,
    `mutation ($id: ID!, $v: Int!) { changeCohortStatus(id: $id, version: $v, input: { status: IN_PROGRESS, on: "2025-02-03" }) { id } }`,
    { id: cohortId, v: createCohort.version },
  );
  for (const [session, date] of [
    [1, '2025-02-03'],
    [2, '2025-02-10'],
  ] as const) {
    await ok(educators, `mutation ($input: RecordSessionDeliveryInput!) { recordSessionDelivery(input: $input) { id } }`, {
      input: {
        cohort: cohortId,
        sessionNumber: session,
        deliveredOn: date,
        attendance: { femaleAdults: 12, femaleYouth: 7, maleAdults: 10, maleYouth: 5 },
      },
    });
  }
});
afterAll(() => platform.stop());

describe('community education through the gateway', () => {
  it('walks community (directory) → cohorts → session deliveries (curriculum) → language (directory)', async () => {
    const reader = await platform.as(ORGS.mediators, 'curriculum:read');
    const data = await ok<{ communities: { edges: { node: unknown }[] } }>(
      reader,
      `{ communities(search: "kedougou") { edges { node {
        name adminArea { name parent { name } }
        cohorts { name status language { name } facilitators { fullName homeCommunity { name } }
          progress { delivered total nextSession { number title theme } }
          deliveries { sessionNumber deliveredOn sessionPlan { title } attendance { total { count } } } }
      } } } }`,
    );
    expect(data.communities.edges).toEqual([
      {
        node: {
          name: 'Kédougou',
          adminArea: { name: 'Kedougou', parent: { name: 'Kedougou' } },
          cohorts: [
            {
              name: 'Kédougou — Pulaar class',
              status: 'IN_PROGRESS',
              language: { name: 'Pulaar' },
              facilitators: [{ fullName: 'Aminata Diallo', homeCommunity: { name: 'Kédougou' } }],
              progress: { delivered: 2, total: 4, nextSession: { number: 3, title: 'Session 3', theme: 'SOCIAL_NORMS' } },
              deliveries: [
                { sessionNumber: 1, deliveredOn: '2025-02-03', sessionPlan: { title: 'Session 1' }, attendance: { total: { count: 34 } } },
                { sessionNumber: 2, deliveredOn: '2025-02-10', sessionPlan: { title: 'Session 2' }, attendance: { total: { count: 34 } } },
              ],
            },
          ],
        },
      },
    ]);
  });

  it("answers the aggregate with the directory's country names, exact for the owner and withheld below it for others", async () => {
    const REACH = `{ curriculumReach(groupBy: COUNTRY) { exact groups { country { nameEn } figures { sessionsDelivered { count suppressed } participantsReached { total { count } } } } } }`;
    type Reach = {
      curriculumReach: {
        exact: boolean;
        groups: {
          country: { nameEn: string };
          figures: { sessionsDelivered: { count: number | null; suppressed: boolean }; participantsReached: { total: { count: number } } };
        }[];
      };
    };
    const owner = await ok<Reach>(educators, REACH);
    expect(owner.curriculumReach).toEqual({
      exact: true,
      groups: [
        {
          country: { nameEn: 'Senegal' },
          figures: { sessionsDelivered: { count: 2, suppressed: false }, participantsReached: { total: { count: 39 } } },
        },
      ],
    });
    const other = await ok<Reach>(await platform.as(ORGS.mediators, 'curriculum:read'), REACH);
    expect(other.curriculumReach.exact).toBe(false);
    expect(other.curriculumReach.groups[0]!.figures.sessionsDelivered).toEqual({ count: null, suppressed: true });
    expect(other.curriculumReach.groups[0]!.figures.participantsReached.total.count).toBe(39);
  });

  it('gives anonymous callers the public community and module, and no cohorts', async () => {
    const { data, errors } = await platform.request<{ community: { name: string; cohorts: unknown } }>(
      `query ($id: ID!) { community(id: $id) { name cohorts { name } } }`,
      { id: kedougou },
    );
    expect(data!.community).toEqual({ name: 'Kédougou', cohorts: null });
    expect(errors!.map((e) => e.extensions!.code)).toEqual(['UNAUTHENTICATED']);
    const modules = await platform.request<{ modules: { edges: { node: { title: string; sessionCount: number } }[] } }>(
      `{ modules { edges { node { title sessionCount } } } }`,
    );
    expect(modules.data!.modules.edges).toEqual([{ node: { title: 'Peace and Security', sessionCount: 4 } }]);
  });

  it('passes a curriculum BAD_USER_INPUT with its field through to the client, and writes nothing', async () => {
    const before = await platform.curriculum.rows('session_delivery');
    const { errors } = await educators(
      `mutation ($c: ID!) { recordSessionDelivery(input: { cohort: $c, sessionNumber: 22, deliveredOn: "2025-02-17", attendance: { femaleAdults: 5 } }) { id } }`,
      { c: cohortId },
    );
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sessionNumber' });
    expect(errors![0]!.message).toBe('Peace and Security has sessions 1 to 4; there is no session 22');
    expect(await platform.curriculum.rows('session_delivery')).toBe(before);
  });

  it("refuses another partner writing into the owner's cohort", async () => {
    const mediators = await platform.as(ORGS.mediators, 'curriculum:write');
    const before = await platform.curriculum.rows('session_delivery');
    const { errors } = await mediators(
      `mutation ($c: ID!) { recordSessionDelivery(input: { cohort: $c, sessionNumber: 3, deliveredOn: "2025-02-17", attendance: { femaleAdults: 5 } }) { id } }`,
      { c: cohortId },
    );
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await platform.curriculum.rows('session_delivery')).toBe(before);
  });
});
