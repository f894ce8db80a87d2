import { bearer, ok } from '@peacegraph/kit/testing';
import { createClient, PeaceGraphError } from '@peacegraph/client';
import { communitiesOfRegion } from '../examples/communities-of-a-region';
import { daysAgo, recordCaseToResolution } from '../examples/case-to-resolution';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

/**
 * The integrators' examples (examples/), run as written against the whole platform through the
 * gateway, with @peacegraph/client and a partner's token: a Peace Commission records a case to its
 * resolution, then a dashboard reads the region's communities, cohorts and case figures.
 */
let platform: PlatformUnderTest;
const places: Record<string, string> = {};
let commission: string;

const clientAs = async (organisation: string, scope: string) =>
  createClient({
    url: platform.gateway.url,
    token: (await bearer(organisation, scope)).replace(/^Bearer /, ''),
    purpose: 'end-to-end test of the integrators examples',
    clientName: 'examples-e2e',
    clientVersion: '1.0.0',
    retry: { baseDelayMs: 50 },
  });

beforeAll(async () => {
  platform = await startPlatform();
  for (const [name, adminArea] of [
    ['Dori', 'BF5602'],
    ['Djibo', 'BF5603'],
    ['Gorom-Gorom', 'BF5601'],
    ['Kédougou', 'SN0601'],
  ] as const) {
    const { createCommunity } = await ok<{ createCommunity: { id: string } }>(
      platform.directory.writer,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name, adminArea, languages: ['fuh'] } },
    );
    places[name] = createCommunity.id;
  }
  const educators = await platform.as(ORGS.educators, 'curriculum:write');
  const { createModule } = await ok<{ createModule: { id: string } }>(
    educators,
    `mutation { createModule(input: { title: "Peace and Security", edition: "2024" }) { id } }`,
  );
  for (const number of [1, 2, 3]) {
    await ok(educators, `mutation ($input: AddSessionPlanInput!) { addSessionPlan(input: $input) { id } }`, {
      input: {
        module: createModule.id,
        number,
        title: `Session ${number}`,
        theme: 'COMMUNITY_VISION',
        objectives: ['Talk together'],
        durationMinutes: 120,
        audiences: ['WOMEN'],
      },
    });
  }
  const { createFacilitator } = await ok<{ createFacilitator: { id: string } }>(
    educators,
    `mutation ($m: ID!, $c: ID!) { createFacilitator(input: { fullName: "Aïssata Dicko", languages: ["fuh"], certifiedModules: [$m], homeCommunity: $c }) { id } }`,
    { m: createModule.id, c: places.Dori },
  );
  const { createCohort } = await ok<{ createCohort: { id: string; version: number } }>(
    educators,
    `mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id version } }`,
    {
      input: {
        name: 'Dori — women’s class',
        module: createModule.id,
        community: places.Dori,
        language: 'fuh',
        facilitators: [createFacilitator.id],
        audiences: ['WOMEN'],
        enrolment: { femaleAdults: 18, femaleYouth: 7, maleAdults: 0, maleYouth: 0 },
        plannedStart: daysAgo(30),
      },
    },
  );
  await ok(
    educators,
    `mutation ($id: ID!, $v: Int!, $on: Date!) { changeCohortStatus(id: $id, version: $v, input: { status: IN_PROGRESS, on: $on }) { id } }`,
    { id: createCohort.id, v: createCohort.version, on: daysAgo(30) },
  );
  await ok(educators, `mutation ($input: RecordSessionDeliveryInput!) { recordSessionDelivery(input: $input) { id } }`, {
    input: {
      cohort: createCohort.id,
      sessionNumber: 1,
      deliveredOn: daysAgo(30),
      attendance: { femaleAdults: 16, femaleYouth: 7, maleAdults: 0, maleYouth: 0 },
    },
  });
  const mediators = await platform.as(ORGS.mediators, 'conflicts:write');
  const { createPeaceCommission } = await ok<{ createPeaceCommission: { id: string } }>(
    mediators,
    `mutation ($input: CreatePeaceCommissionInput!) { createPeaceCommission(input: $input) { id } }`,
    {
      input: {
        community: places.Dori,
        managementCommittee: 'Comité de gestion communautaire de Dori',
        establishedOn: '2021-04-22',
        membership: [
          { role: 'CHAIR', women: 0, men: 1 },
          { role: 'MEDIATOR', women: 2, men: 3 },
        ],
      },
    },
  );
  commission = createPeaceCommission.id;
});
afterAll(() => platform.stop());

describe('examples/case-to-resolution.ts', () => {
  it('records a case from its report to its resolution, printing each step', async () => {
    const lines: string[] = [];
    const kase = await recordCaseToResolution(await clientAs(ORGS.mediators, 'conflicts:write conflicts:sensitive'), commission, {
      print: (line) => lines.push(line),
    });
    expect(kase.reference).toMatch(/^BF5602-\d{4}-0001$/);
    expect(kase).toMatchObject({
      status: 'RESOLVED',
      daysToResolution: 7,
      sessions: [{ heldOn: daysAgo(14), outcome: 'AGREEMENT_REACHED' }],
      resolution: { outcome: 'FULL_AGREEMENT', reachedOn: daysAgo(14) },
    });
    expect(kase.history.map((h) => [h.from, h.to, h.changedOn])).toEqual([
      [null, 'REPORTED', daysAgo(21)],
      ['REPORTED', 'UNDER_MEDIATION', daysAgo(20)],
      ['UNDER_MEDIATION', 'RESOLVED', daysAgo(14)],
    ]);
    expect(lines.slice(0, 5)).toEqual([
      `reported: ${kase.reference} is REPORTED (version 1)`,
      `mediation started: ${kase.reference} is UNDER_MEDIATION (version 2)`,
      `session held: ${kase.reference} is UNDER_MEDIATION (version 3)`,
      `resolved: ${kase.reference} is RESOLVED (version 4)`,
      `${kase.reference}: RESOLVED after 7 days`,
    ]);
  });

  it('stops with a typed error when the caller may not write to the commission', async () => {
    const error = await recordCaseToResolution(await clientAs(ORGS.educators, 'conflicts:write'), commission, { print: () => {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PeaceGraphError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', retryable: false, serviceName: 'conflicts' });
  });
});

describe('examples/communities-of-a-region.ts', () => {
  it('lists the region’s communities with their cohorts and case figures, page after page, exact for the owner', async () => {
    const lines: string[] = [];
    const report = await communitiesOfRegion(await clientAs(ORGS.mediators, 'conflicts:read'), 'BF56', {
      pageSize: 2,
      print: (line) => lines.push(line),
    });
    expect(report).toEqual({
      pcode: 'BF56',
      name: 'Sahel',
      cases: { reported: 1, open: 0, resolved: 1, exact: true },
      communities: [
        {
          name: 'Djibo',
          area: 'Soum',
          cohorts: [],
          peaceCommission: null,
          casesReported: 0,
          casesResolved: 0,
        },
        {
          name: 'Dori',
          area: 'Seno',
          cohorts: [{ name: 'Dori — women’s class', status: 'IN_PROGRESS', sessions: '1/3' }],
          peaceCommission: 'Comité de gestion communautaire de Dori',
          casesReported: 1,
          casesResolved: 1,
        },
        {
          name: 'Gorom-Gorom',
          area: 'Oudalan',
          cohorts: [],
          peaceCommission: null,
          casesReported: 0,
          casesResolved: 0,
        },
      ],
    });
    expect(lines).toEqual([
      'Sahel (BF56, level 1)',
      '  cases: 1 reported, 0 open, 1 resolved, median 7 days to resolution',
      '- Djibo (Soum)',
      '    cases: 0 reported, 0 resolved',
      '- Dori (Seno)',
      '    cohort Dori — women’s class: IN_PROGRESS, 1/3 sessions',
      '    peace commission: Comité de gestion communautaire de Dori',
      '    cases: 1 reported, 1 resolved',
      '- Gorom-Gorom (Oudalan)',
      '    cases: 0 reported, 0 resolved',
      '3 communities',
    ]);
  });

  it('shows another partner the single case as withheld', async () => {
    const report = await communitiesOfRegion(await clientAs(ORGS.educators, 'curriculum:read'), 'BF56', { print: () => {} });
    expect(report.cases).toEqual({ reported: null, open: 0, resolved: null, exact: false });
    expect(report.communities.find((c) => c.name === 'Dori')).toMatchObject({ casesReported: null, casesResolved: null });
    expect(report.communities.map((c) => c.name)).toEqual(['Djibo', 'Dori', 'Gorom-Gorom']);
  });
});
