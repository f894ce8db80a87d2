import { dataOf } from '@peacegraph/kit/testing';
import { addDays, today } from '@peacegraph/kit/input';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
type Client = Awaited<ReturnType<PlatformUnderTest['as']>>;
let owner: Client;
let otherPartner: Client;
const places: Record<string, string> = {};
const articles: Record<string, string> = {};
let emmmda: string;
const daysAgo = (n: number) => addDays(today(), -n);

/**
 * Through the gateway only, as partners would: the educators record Kalana and Nampala in the directory,
 * then, as the mining-code trainers of this test, the ECOWAS act with four provisions, a gold-panning
 * site in Kalana, two trainings there (leaders, scored out of 20; artisanal miners) and one in Nampala,
 * given with the mediators, a radio programme in Bambara.
 */
beforeAll(async () => {
  platform = await startPlatform();
  const directoryWriter = await platform.as(ORGS.educators, 'directory:write');
  for (const [name, adminArea] of [
    ['Kalana', 'ML0306'],
    ['Nampala', 'ML0305'],
  ]) {
    const created = await dataOf(
      directoryWriter<{ createCommunity: { id: string } }>(
        `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
        { input: { name, adminArea, languages: ['bam'] } },
      ),
    );
    places[name!] = created.createCommunity.id;
  }
  owner = await platform.as(ORGS.educators, 'mining:write mining:sensitive');
  otherPartner = await platform.as(ORGS.mediators, 'mining:read');

  const instrument = await dataOf(
    owner<{ createLegalInstrument: { id: string } }>(
      `mutation { createLegalInstrument(input: { title: "ECOWAS Model Mining and Mineral Development Act", shortTitle: "EMMMDA", kind: REGIONAL_MODEL_LAW, year: 2019 }) { id } }`,
    ),
  );
  emmmda = instrument.createLegalInstrument.id;
  for (const [article, title, topic] of [
    ['36', 'Community development agreements', 'COMMUNITY_DEVELOPMENT_AGREEMENTS'],
    ['41', 'Fair compensation and resettlement', 'LAND_ACCESS_AND_COMPENSATION'],
    ['25', 'Zones reserved for artisanal mining', 'ARTISANAL_AND_SMALL_SCALE_MINING'],
    ['30', 'Mercury in small mines', 'ENVIRONMENT'],
  ]) {
    const added = await dataOf(
      owner<{ addProvision: { id: string } }>(`mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }`, {
        input: { instrument: emmmda, article, title, topic },
      }),
    );
    articles[article!] = added.addProvision.id;
  }
  const site = await dataOf(
    owner<{ createMiningSite: { id: string } }>(`mutation ($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id } }`, {
      input: { name: 'Kalana gold-panning area', community: places.Kalana, kind: 'ARTISANAL', minerals: ['GOLD'] },
    }),
  );
  const record = (input: Record<string, unknown>) =>
    dataOf(
      owner<{ recordMiningTraining: { id: string } }>(
        `mutation ($input: RecordMiningTrainingInput!) { recordMiningTraining(input: $input) { id } }`,
        { input },
      ),
    );
  await record({
    title: 'The mining act for community leaders',
    kind: 'ADVOCACY',
    startsOn: daysAgo(90),
    endsOn: daysAgo(89),
    site: site.createMiningSite.id,
    trainers: [ORGS.educators],
    instrument: emmmda,
    provisions: [articles['41'], articles['36']],
    ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE'],
    participants: {
      byGroup: [
        { stakeholderGroup: 'COMMUNITY_LEADERS', women: 3, men: 14 },
        { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 8 },
        { stakeholderGroup: 'WOMEN', women: 12, men: 0 },
      ],
      total: 37,
    },
    knowledgeAssessment: {
      scaleMin: 0,
      scaleMax: 20,
      byGroup: [
        { stakeholderGroup: 'COMMUNITY_LEADERS', assessed: 15, meanPreScore: 8, meanPostScore: 14 },
        { stakeholderGroup: 'WOMEN', assessed: 10, meanPreScore: 6, meanPostScore: 13 },
      ],
    },
  });
  await record({
    title: 'Safer artisanal gold mining',
    kind: 'TECHNICAL',
    startsOn: daysAgo(60),
    endsOn: daysAgo(58),
    site: site.createMiningSite.id,
    trainers: [ORGS.educators],
    instrument: emmmda,
    provisions: [articles['30'], articles['25']],
    participants: { byGroup: [{ stakeholderGroup: 'COMMUNITY_MEMBERS', women: 10, men: 22 }] },
  });
  await record({
    title: 'Compensation and resettlement for Nampala',
    kind: 'ADVOCACY',
    startsOn: daysAgo(30),
    endsOn: daysAgo(30),
    community: places.Nampala,
    trainers: [ORGS.educators, ORGS.mediators],
    instrument: emmmda,
    provisions: [articles['41']],
    participants: { total: 40 },
  });
  await dataOf(
    owner(`mutation ($input: RecordMediaInterventionInput!) { recordMediaIntervention(input: $input) { id } }`, {
      input: {
        kind: 'RADIO',
        outlet: 'Community radio, Yanfolila',
        title: 'Who owns the gold?',
        language: 'bam',
        releasedOn: daysAgo(45),
        airings: 6,
        regionsReached: ['ML03'],
        estimatedAudience: 45000,
      },
    }),
  );
});
afterAll(() => platform.stop());

type Cell = { count: number | null; suppressed: boolean };

describe('community → mining sites → trainings → provisions, through the gateway', () => {
  const WALK = `{ communities(adminArea: "ML03") { edges { node {
    name adminArea { name }
    miningSites { name kind minerals
      trainings { title kind startsOn trainers { name } participants { total { count suppressed } women { count suppressed } }
        provisions { article title instrument { shortTitle } } knowledgeAssessment { byGroup { stakeholderGroup meanGain withheld } } } }
    miningTrainings { title }
  } } } }`;
  type Walk = {
    communities: {
      edges: {
        node: {
          name: string;
          adminArea: { name: string };
          miningSites: {
            name: string;
            kind: string;
            minerals: string[];
            trainings: {
              title: string;
              trainers: { name: string }[];
              participants: { total: Cell; women: Cell };
              provisions: { article: string; title: string; instrument: { shortTitle: string } }[];
              knowledgeAssessment: { byGroup: { stakeholderGroup: string; meanGain: number | null; withheld: boolean }[] } | null;
            }[];
          }[];
          miningTrainings: { title: string }[];
        };
      }[];
    };
  };

  it('walks from the directory’s communities to their sites, the trainings held there and the provisions covered', async () => {
    const { communities } = await dataOf(owner<Walk>(WALK));
    const byName = Object.fromEntries(communities.edges.map((e) => [e.node.name, e.node]));
    expect(Object.keys(byName).sort()).toEqual(['Kalana', 'Nampala']);
    expect(byName.Nampala!.miningSites).toEqual([]);
    expect(byName.Nampala!.miningTrainings).toEqual([{ title: 'Compensation and resettlement for Nampala' }]);
    const kalana = byName.Kalana!;
    expect(kalana.adminArea.name).toBe('Yanfolila');
    expect(kalana.miningSites).toHaveLength(1);
    expect(kalana.miningSites[0]).toMatchObject({ name: 'Kalana gold-panning area', kind: 'ARTISANAL', minerals: ['GOLD'] });
    expect(kalana.miningSites[0]!.trainings).toEqual([
      {
        title: 'Safer artisanal gold mining',
        kind: 'TECHNICAL',
        startsOn: daysAgo(60),
        trainers: [{ name: 'Village Educators Network' }],
        participants: { total: { count: 32, suppressed: false }, women: { count: 10, suppressed: false } },
        provisions: [
          { article: '25', title: 'Zones reserved for artisanal mining', instrument: { shortTitle: 'EMMMDA' } },
          { article: '30', title: 'Mercury in small mines', instrument: { shortTitle: 'EMMMDA' } },
        ],
        knowledgeAssessment: null,
      },
      {
        title: 'The mining act for community leaders',
        kind: 'ADVOCACY',
        startsOn: daysAgo(90),
        trainers: [{ name: 'Village Educators Network' }],
        participants: { total: { count: 37, suppressed: false }, women: { count: 15, suppressed: false } },
        provisions: [
          { article: '36', title: 'Community development agreements', instrument: { shortTitle: 'EMMMDA' } },
          { article: '41', title: 'Fair compensation and resettlement', instrument: { shortTitle: 'EMMMDA' } },
        ],
        knowledgeAssessment: {
          byGroup: [
            { stakeholderGroup: 'COMMUNITY_LEADERS', meanGain: 6, withheld: false },
            { stakeholderGroup: 'WOMEN', meanGain: 7, withheld: false },
          ],
        },
      },
    ]);
  });

  it('shows another partner the participants with small counts withheld, and those that would give them away', async () => {
    const { miningTrainings } = await dataOf(
      otherPartner<{
        miningTrainings: {
          edges: {
            node: {
              participants: { exact: boolean; total: Cell; women: Cell; byGroup: { stakeholderGroup: string; women: Cell; men: Cell }[] };
            };
          }[];
        };
      }>(
        `query ($kalana: ID!) { miningTrainings(filter: { community: $kalana, kind: ADVOCACY }) { edges { node { participants {
          exact total { count suppressed } women { count suppressed } byGroup { stakeholderGroup women { count suppressed } men { count suppressed } } } } } } }`,
        { kalana: places.Kalana },
      ),
    );
    const participants = miningTrainings.edges[0]!.node.participants;
    const hidden = { count: null, suppressed: true };
    const shown = (count: number) => ({ count, suppressed: false });
    expect(participants.exact).toBe(false);
    expect(participants.total).toEqual(shown(37));
    expect(participants.women).toEqual(shown(15));
    // 3 women leaders: withheld, with the 14 men beside them (their line) and the 12 women beside them (the women's column).
    expect(participants.byGroup).toEqual([
      { stakeholderGroup: 'COMMUNITY_LEADERS', women: hidden, men: hidden },
      { stakeholderGroup: 'RELIGIOUS_LEADERS', women: shown(0), men: hidden },
      { stakeholderGroup: 'WOMEN', women: hidden, men: shown(0) },
    ]);
  });

  it('lets an anonymous caller see the directory’s community and the law, not the mining data', async () => {
    const { data, errors } = await platform.request<{
      communities: { edges: { node: { name: string; miningSites: null } }[] };
      legalInstrument: { provisions: { article: string }[] };
    }>(
      `query ($id: ID!) { communities(search: "kalana") { edges { node { name miningSites { name } } } } legalInstrument(id: $id) { provisions { article } } }`,
      { id: emmmda },
    );
    expect(data!.communities.edges).toEqual([{ node: { name: 'Kalana', miningSites: null } }]);
    expect(data!.legalInstrument.provisions.map((p) => p.article)).toEqual(['25', '30', '36', '41']);
    expect(errors!.map((e) => e.extensions!.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the directory’s areas and organisations, with what mining adds', () => {
  it('gives an area its trainings (in it and below) and its reach, and an organisation the trainings it gave', async () => {
    const { adminArea, organisation } = await dataOf(
      owner<{
        adminArea: {
          name: string;
          miningTrainings: { title: string; community: { name: string } }[];
          miningReach: Record<string, unknown>;
          children: { pcode: string; miningReach: { trainings: number } }[];
        };
        organisation: { name: string; miningTrainingsGiven: { title: string }[] };
      }>(
        `query ($org: ID!) {
          adminArea(pcode: "ML03") { name miningTrainings { title community { name } }
            miningReach { miningSites sitesWithTraining trainings peopleTrained { count } consultations mediaInterventions estimatedMediaAudience exact }
            children { pcode miningReach { trainings } } }
          organisation(id: $org) { name miningTrainingsGiven { title } } }`,
        { org: ORGS.mediators },
      ),
    );
    expect(adminArea.name).toBe('Sikasso');
    expect(adminArea.miningTrainings).toEqual([
      { title: 'Compensation and resettlement for Nampala', community: { name: 'Nampala' } },
      { title: 'Safer artisanal gold mining', community: { name: 'Kalana' } },
      { title: 'The mining act for community leaders', community: { name: 'Kalana' } },
    ]);
    expect(adminArea.miningReach).toEqual({
      miningSites: 1,
      sitesWithTraining: 1,
      trainings: 3,
      peopleTrained: { count: 109 },
      consultations: 0,
      mediaInterventions: 1,
      estimatedMediaAudience: 45000,
      exact: true,
    });
    expect(adminArea.children.filter((c) => c.miningReach.trainings > 0).map((c) => [c.pcode, c.miningReach.trainings])).toEqual([
      ['ML0305', 1],
      ['ML0306', 2],
    ]);
    expect(organisation).toEqual({
      name: 'Sahel Mediators',
      miningTrainingsGiven: [{ title: 'Compensation and resettlement for Nampala' }],
    });
  });

  it('names a radio programme’s language and regions from the directory, to anyone', async () => {
    const { mediaInterventions } = await dataOf(
      platform.request<{ mediaInterventions: { edges: { node: unknown }[] } }>(
        `{ mediaInterventions { edges { node { title language { name } regionsReached { name country { nameEn } } recordedBy { name } } } } }`,
      ),
    );
    expect(mediaInterventions.edges).toEqual([
      {
        node: {
          title: 'Who owns the gold?',
          language: { name: 'Bambara' },
          regionsReached: [{ name: 'Sikasso', country: { nameEn: 'Mali' } }],
          recordedBy: { name: 'Village Educators Network' },
        },
      },
    ]);
  });

  it('costs the mining subgraph one statement per field for every community of a region', async () => {
    platform.mining.db.statements.reset();
    const { communities } = await dataOf(
      otherPartner<{ communities: { edges: unknown[] } }>(
        `{ communities(first: 50) { edges { node { name miningSites { name } miningTrainings { title } } } } }`,
      ),
    );
    expect(communities.edges).toHaveLength(2);
    expect(platform.mining.db.statements.count).toBe(2);
  });
});

describe('errors through the gateway', () => {
  it('passes BAD_USER_INPUT naming the field to the client, and writes nothing', async () => {
    const before = await platform.mining.allRows();
    const { errors } = await owner(`mutation ($input: RecordMiningTrainingInput!) { recordMiningTraining(input: $input) { id } }`, {
      input: {
        title: 'Too many',
        kind: 'ADVOCACY',
        startsOn: daysAgo(3),
        endsOn: daysAgo(3),
        community: places.Nampala,
        trainers: [ORGS.educators],
        participants: { byGroup: [{ stakeholderGroup: 'YOUTH', women: 5, men: 5 }], total: 12 },
      },
    });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.participants.total' });
    expect(errors![0]!.message).toBe('The groups add up to 10 participants, not 12');
    expect(await platform.mining.allRows()).toEqual(before);
  });
});
