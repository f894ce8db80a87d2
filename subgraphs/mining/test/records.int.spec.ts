import { daysAgo, ok } from './fixtures';
import { COMMUNITIES, ECOWAS_COMMISSION, FINKOLO, ORGS, OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from './support';
import { buildWorld, type World } from './world';

let mining: MiningUnderTest;
let world: World;
let reader: MiningUnderTest['owner'];
beforeAll(async () => {
  mining = await startMining();
  world = await buildWorld(mining);
  reader = await mining.as(OTHER_PARTNER, 'mining:read');
});
afterAll(() => mining.stop());

type Edges<T> = { edges: { node: T }[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('mining sites', () => {
  const SITES = `query ($filter: MiningSiteFilter, $first: Int, $after: String) {
    miningSites(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { name kind minerals community { id } adminArea { pcode } country { code } operator { id } trainings { title } } } } }`;
  type Site = {
    name: string;
    kind: string;
    minerals: string[];
    community: { id: string };
    adminArea: { pcode: string };
    operator: { id: string } | null;
    trainings: { title: string }[];
  };
  const names = async (filter: Record<string, unknown>) =>
    (await ok<{ miningSites: Edges<Site> }>(reader, SITES, { filter })).miningSites.edges.map((e) => e.node.name);

  it('lists sites by name, with their community, area, operator and the trainings held there', async () => {
    const { miningSites } = await ok<{ miningSites: Edges<Site> }>(reader, SITES, {});
    expect(miningSites.totalCount).toBe(3);
    expect(miningSites.edges.map((e) => e.node)).toEqual([
      {
        name: 'Finkolo gold mine',
        kind: 'INDUSTRIAL',
        minerals: ['GOLD', 'SAND_AND_GRAVEL'],
        community: { id: FINKOLO },
        adminArea: { pcode: 'ML0305' },
        country: { code: 'ML' },
        operator: { id: ORGS.educators },
        trainings: [],
      },
      {
        name: 'Kalana gold-panning area',
        kind: 'ARTISANAL',
        minerals: ['GOLD'],
        community: { id: COMMUNITIES.Kalana },
        adminArea: { pcode: 'ML0306' },
        country: { code: 'ML' },
        operator: null,
        trainings: [{ title: 'Safer artisanal gold mining' }],
      },
      {
        name: 'Kalana small-scale gold mine',
        kind: 'SMALL_SCALE',
        minerals: ['GOLD'],
        community: { id: COMMUNITIES.Kalana },
        adminArea: { pcode: 'ML0306' },
        country: { code: 'ML' },
        operator: null,
        trainings: [{ title: 'The mining act for community leaders' }],
      },
    ]);
  });

  it('filters by community, area, kind, mineral, operator and name, and pages by keyset', async () => {
    expect(await names({ community: COMMUNITIES.Kalana })).toEqual(['Kalana gold-panning area', 'Kalana small-scale gold mine']);
    expect(await names({ adminArea: 'ML0305' })).toEqual(['Finkolo gold mine']);
    expect(await names({ adminArea: 'ML03', kind: 'ARTISANAL' })).toEqual(['Kalana gold-panning area']);
    expect(await names({ mineral: 'SAND_AND_GRAVEL' })).toEqual(['Finkolo gold mine']);
    expect(await names({ operator: ORGS.educators })).toEqual(['Finkolo gold mine']);
    expect(await names({ search: 'PANNING' })).toEqual(['Kalana gold-panning area']);
    expect(await names({ country: 'BF' })).toEqual([]);
    expect(await names({ community: 'not-an-id' })).toEqual([]);
    const first = await ok<{ miningSites: Edges<Site> }>(reader, SITES, { first: 2 });
    expect(first.miningSites.pageInfo.hasNextPage).toBe(true);
    const next = await ok<{ miningSites: Edges<Site> }>(reader, SITES, { first: 2, after: first.miningSites.pageInfo.endCursor });
    expect(next.miningSites.edges.map((e) => e.node.name)).toEqual(['Kalana small-scale gold mine']);
    expect(next.miningSites.pageInfo.hasNextPage).toBe(false);
  });
});

describe('trainings', () => {
  const TRAININGS = `query ($filter: MiningTrainingFilter, $first: Int, $after: String) {
    miningTrainings(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`;
  const titles = async (filter: Record<string, unknown>) =>
    (await ok<{ miningTrainings: Edges<{ title: string }> }>(reader, TRAININGS, { filter })).miningTrainings.edges.map((e) => e.node.title);

  it('shows a training whole: place, site, trainers, instrument, provisions by article, ECPF components', async () => {
    const { miningTraining } = await ok<{ miningTraining: unknown }>(
      mining.owner,
      `query ($id: ID!) { miningTraining(id: $id) {
        title kind startsOn endsOn community { id } adminArea { pcode } country { code } site { name } venue
        trainers { id } instrument { shortTitle } provisions { article topic } ecpfComponents
        participants { exact total { count } women { count } men { count } notBrokenDown { count } byGroup { stakeholderGroup women { count } men { count } total { count } } }
        knowledgeAssessment { scaleMin scaleMax byGroup { stakeholderGroup assessed { count } meanPreScore meanPostScore meanGain withheld } }
        recordedBy { id } version
      } }`,
      { id: world.trainings.leaders },
    );
    expect(miningTraining).toEqual({
      title: 'The mining act for community leaders',
      kind: 'ADVOCACY',
      startsOn: daysAgo(100),
      endsOn: daysAgo(99),
      community: { id: COMMUNITIES.Kalana },
      adminArea: { pcode: 'ML0306' },
      country: { code: 'ML' },
      site: { name: 'Kalana small-scale gold mine' },
      venue: null,
      trainers: [{ id: OWNER }],
      instrument: { shortTitle: 'EMMMDA' },
      provisions: [
        { article: '36', topic: 'COMMUNITY_DEVELOPMENT_AGREEMENTS' },
        { article: '41', topic: 'LAND_ACCESS_AND_COMPENSATION' },
      ],
      ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE', 'EARLY_WARNING'],
      participants: {
        exact: true,
        total: { count: 52 },
        women: { count: 21 },
        men: { count: 31 },
        notBrokenDown: { count: 0 },
        byGroup: [
          { stakeholderGroup: 'COMMUNITY_LEADERS', women: { count: 3 }, men: { count: 14 }, total: { count: 17 } },
          { stakeholderGroup: 'RELIGIOUS_LEADERS', women: { count: 0 }, men: { count: 8 }, total: { count: 8 } },
          { stakeholderGroup: 'WOMEN', women: { count: 12 }, men: { count: 0 }, total: { count: 12 } },
          { stakeholderGroup: 'YOUTH', women: { count: 6 }, men: { count: 9 }, total: { count: 15 } },
        ],
      },
      knowledgeAssessment: {
        scaleMin: 0,
        scaleMax: 20,
        byGroup: [
          {
            stakeholderGroup: 'COMMUNITY_LEADERS',
            assessed: { count: 15 },
            meanPreScore: 8,
            meanPostScore: 14,
            meanGain: 6,
            withheld: false,
          },
          {
            stakeholderGroup: 'RELIGIOUS_LEADERS',
            assessed: { count: 3 },
            meanPreScore: 7,
            meanPostScore: 12,
            meanGain: 5,
            withheld: false,
          },
          { stakeholderGroup: 'WOMEN', assessed: { count: 10 }, meanPreScore: 6, meanPostScore: 13, meanGain: 7, withheld: false },
        ],
      },
      recordedBy: { id: OWNER },
      version: 1,
    });
  });

  it('lists trainings latest first and filters by every field of the filter', async () => {
    expect(await titles({})).toEqual([
      'Mining conflicts for local officials',
      'Community development agreements under the Mali code',
      'Safer artisanal gold mining',
      'The mining act for community leaders',
    ]);
    expect(await titles({ kind: 'TECHNICAL' })).toEqual(['Mining conflicts for local officials', 'Safer artisanal gold mining']);
    expect(await titles({ community: COMMUNITIES.Nampala })).toEqual([
      'Mining conflicts for local officials',
      'Community development agreements under the Mali code',
    ]);
    expect(await titles({ site: world.sites.panning })).toEqual(['Safer artisanal gold mining']);
    expect(await titles({ adminArea: 'ML0306' })).toEqual(['Safer artisanal gold mining', 'The mining act for community leaders']);
    expect(await titles({ country: 'ML', adminArea: 'ML03' })).toHaveLength(4);
    expect(await titles({ trainer: ECOWAS_COMMISSION })).toEqual(['Safer artisanal gold mining']);
    expect(await titles({ instrument: world.maliCode.id })).toEqual(['Community development agreements under the Mali code']);
    expect(await titles({ provision: world.emmmda.articles['41'] })).toEqual(['The mining act for community leaders']);
    expect(await titles({ ecpfComponent: 'YOUTH_EMPOWERMENT' })).toEqual(['Safer artisanal gold mining']);
    expect(await titles({ organisation: OTHER_PARTNER })).toEqual(['Mining conflicts for local officials']);
    expect(await titles({ from: daysAgo(60), to: daysAgo(30) })).toEqual([
      'Community development agreements under the Mali code',
      'Safer artisanal gold mining',
    ]);
    const page = await ok<{ miningTrainings: Edges<{ title: string }> }>(reader, TRAININGS, { first: 3 });
    expect(page.miningTrainings).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const rest = await ok<{ miningTrainings: Edges<{ title: string }> }>(reader, TRAININGS, {
      first: 3,
      after: page.miningTrainings.pageInfo.endCursor,
    });
    expect(rest.miningTrainings.edges.map((e) => e.node.title)).toEqual(['The mining act for community leaders']);
  });

  it('refuses a page larger than 100 and a cursor it did not give', async () => {
    const big = await reader(TRAININGS, { first: 101 });
    expect(big.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await reader(TRAININGS, { after: 'nonsense' });
    expect(forged.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('consultations, dialogues, media and publications', () => {
  it('lists consultations with their challenges, filtered by challenge, site and date', async () => {
    const LIST = `query ($filter: CommunityConsultationFilter) { communityConsultations(filter: $filter) { totalCount edges { node {
      heldOn community { id } site { name } challenges participants { total { count } byGroup { stakeholderGroup total { count } } } } } } }`;
    const all = await ok<{ communityConsultations: Edges<unknown> }>(mining.owner, LIST, {});
    expect(all.communityConsultations.edges.map((e) => e.node)).toEqual([
      {
        heldOn: daysAgo(120),
        community: { id: COMMUNITIES.Kalana },
        site: { name: 'Kalana small-scale gold mine' },
        challenges: ['LAND_DISPOSSESSION', 'WATER_POLLUTION', 'CHILD_LABOUR'],
        participants: {
          total: { count: 19 },
          byGroup: [
            { stakeholderGroup: 'COMMUNITY_LEADERS', total: { count: 9 } },
            { stakeholderGroup: 'RELIGIOUS_LEADERS', total: { count: 4 } },
            { stakeholderGroup: 'WOMEN', total: { count: 6 } },
          ],
        },
      },
    ]);
    for (const [filter, expected] of [
      [{ challenge: 'CHILD_LABOUR' }, 1],
      [{ challenge: 'INSECURITY' }, 0],
      [{ site: world.sites.smallMine }, 1],
      [{ community: COMMUNITIES.Nampala }, 0],
      [{ adminArea: 'ML0306', from: daysAgo(130), to: daysAgo(110) }, 1],
      [{ to: daysAgo(121) }, 0],
      [{ organisation: OWNER }, 1],
    ] as const) {
      expect((await ok<{ communityConsultations: Edges<unknown> }>(reader, LIST, { filter })).communityConsultations.totalCount).toBe(
        expected,
      );
    }
  });

  it('shows a dialogue with its venue area, conveners, provisions, participants and commitments', async () => {
    const { policyDialogue } = await ok<{ policyDialogue: unknown }>(
      mining.owner,
      `query ($id: ID!) { policyDialogue(id: $id) { title level heldOn venue adminArea { pcode } country { code } convenedWith { id }
        instrument { shortTitle } provisions { article } participants { total { count } women { count } men { count } }
        commitments { description madeBy dueOn status statusSince nextStatuses history { from to changedOn } } } }`,
      { id: world.dialogue },
    );
    expect(policyDialogue).toEqual({
      title: 'National dialogue on the ECOWAS mining act',
      level: 'NATIONAL',
      heldOn: daysAgo(50),
      venue: 'Conference centre, Bamako',
      adminArea: { pcode: 'ML0901' },
      country: { code: 'ML' },
      convenedWith: [{ id: ECOWAS_COMMISSION }],
      instrument: { shortTitle: 'EMMMDA' },
      provisions: [{ article: '36' }, { article: '70' }],
      participants: { total: { count: 55 }, women: { count: 17 }, men: { count: 38 } },
      commitments: [
        {
          description: 'Compare the national code with the ECOWAS act',
          madeBy: 'Ministry of Mines',
          dueOn: daysAgo(-40),
          status: 'MADE',
          statusSince: daysAgo(50),
          nextStatuses: ['IN_PROGRESS', 'FULFILLED', 'ABANDONED'],
          history: [{ from: null, to: 'MADE', changedOn: daysAgo(50) }],
        },
        {
          description: 'Publish the community development agreements',
          madeBy: 'Ministry of Mines',
          dueOn: null,
          status: 'MADE',
          statusSince: daysAgo(50),
          nextStatuses: ['IN_PROGRESS', 'FULFILLED', 'ABANDONED'],
          history: [{ from: null, to: 'MADE', changedOn: daysAgo(50) }],
        },
      ],
    });
    const LIST = `query ($filter: PolicyDialogueFilter) { policyDialogues(filter: $filter) { totalCount } }`;
    for (const [filter, expected] of [
      [{ level: 'NATIONAL' }, 1],
      [{ level: 'REGIONAL' }, 0],
      [{ country: 'ML', adminArea: 'ML09' }, 1],
      [{ instrument: world.emmmda.id }, 1],
      [{ from: daysAgo(49) }, 0],
    ] as const) {
      expect((await ok<{ policyDialogues: { totalCount: number } }>(reader, LIST, { filter })).policyDialogues.totalCount).toBe(expected);
    }
  });

  it('follows a commitment over time, refusing a change the rules do not allow or made on an old version', async () => {
    const CHANGE = `mutation ($id: ID!, $version: Int!, $input: PolicyCommitmentStatusInput!) {
      changePolicyCommitmentStatus(id: $id, version: $version, input: $input) { status statusSince version nextStatuses history { from to changedOn note } } }`;
    const id = world.commitments[0]!;
    const started = await ok<{ changePolicyCommitmentStatus: { version: number } }>(mining.owner, CHANGE, {
      id,
      version: 1,
      input: { status: 'IN_PROGRESS', on: daysAgo(30), note: 'Committee appointed' },
    });
    const done = await ok<{ changePolicyCommitmentStatus: unknown }>(mining.owner, CHANGE, {
      id,
      version: started.changePolicyCommitmentStatus.version,
      input: { status: 'FULFILLED', on: daysAgo(5) },
    });
    expect(done.changePolicyCommitmentStatus).toEqual({
      status: 'FULFILLED',
      statusSince: daysAgo(5),
      version: 3,
      nextStatuses: [],
      history: [
        { from: null, to: 'MADE', changedOn: daysAgo(50), note: null },
        { from: 'MADE', to: 'IN_PROGRESS', changedOn: daysAgo(30), note: 'Committee appointed' },
        { from: 'IN_PROGRESS', to: 'FULFILLED', changedOn: daysAgo(5), note: null },
      ],
    });
    const before = await mining.allRows();
    const final = await mining.owner(CHANGE, { id, version: 3, input: { status: 'IN_PROGRESS', on: daysAgo(1) } });
    expect(final.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status', status: 'FULFILLED' });
    expect(final.errors![0]!.message).toBe('A commitment that is FULFILLED is final: it cannot become IN_PROGRESS');
    const stale = await mining.owner(CHANGE, { id: world.commitments[1], version: 7, input: { status: 'IN_PROGRESS', on: daysAgo(1) } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const early = await mining.owner(CHANGE, { id: world.commitments[1], version: 1, input: { status: 'IN_PROGRESS', on: daysAgo(51) } });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });
    expect(await mining.allRows()).toEqual(before);
  });

  it('lists media interventions and publications to anyone, filtered', async () => {
    const MEDIA = `query ($filter: MediaInterventionFilter) { mediaInterventions(filter: $filter) { totalCount edges { node {
      kind outlet title campaign language { code } releasedOn airings regionsReached { pcode } estimatedAudience provisions { article } recordedBy { id } } } } }`;
    const { mediaInterventions } = await ok<{ mediaInterventions: Edges<unknown> }>(mining.request, MEDIA, {});
    expect(mediaInterventions.edges.map((e) => e.node)).toEqual([
      {
        kind: 'RADIO',
        outlet: 'Community radio, Yanfolila',
        title: 'Who owns the gold?',
        campaign: 'Know your mining code',
        language: { code: 'bam' },
        releasedOn: daysAgo(45),
        airings: 6,
        regionsReached: [{ pcode: 'ML03' }],
        estimatedAudience: 45000,
        provisions: [{ article: '36' }],
        recordedBy: { id: OWNER },
      },
    ]);
    for (const [filter, expected] of [
      [{ kind: 'TELEVISION' }, 0],
      [{ language: 'bam', region: 'ML03', campaign: 'Know your mining code' }, 1],
      [{ region: 'ML09' }, 0],
      [{ from: daysAgo(44) }, 0],
    ] as const) {
      expect((await ok<{ mediaInterventions: Edges<unknown> }>(mining.request, MEDIA, { filter })).mediaInterventions.totalCount).toBe(
        expected,
      );
    }
    const PUBLICATIONS = `query ($filter: PublicationFilter) { publications(filter: $filter) { totalCount edges { node { title kind language { code } publishedOn copiesPrinted copiesDistributed instrument { shortTitle } provisions { article } } } } }`;
    const { publications } = await ok<{ publications: Edges<unknown> }>(mining.request, PUBLICATIONS, {
      filter: { kind: 'BOOKLET', language: 'fra', instrument: world.emmmda.id },
    });
    expect(publications.edges.map((e) => e.node)).toEqual([
      {
        title: 'The ECOWAS mining act in questions and answers',
        kind: 'BOOKLET',
        language: { code: 'fra' },
        publishedOn: daysAgo(70),
        copiesPrinted: 3000,
        copiesDistributed: 2450,
        instrument: { shortTitle: 'EMMMDA' },
        provisions: [{ article: '36' }, { article: '41' }],
      },
    ]);
    expect(
      (await ok<{ publications: Edges<unknown> }>(mining.request, PUBLICATIONS, { filter: { language: 'bam' } })).publications.totalCount,
    ).toBe(0);
  });
});
