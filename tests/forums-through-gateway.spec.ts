import { dataOf } from '@peacegraph/kit/testing';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
type Client = Awaited<ReturnType<PlatformUnderTest['as']>>;
let owner: Client;
let otherPartner: Client;
let douentza: string;
const ids: Record<string, string> = {};
const UNCONSENTED = 'Après l’attaque, ma famille a fui ; la réconciliation me paraît impossible sans justice.';

/**
 * Through the gateway only, as partners would: the directory gets the community of Douentza; the
 * mediators' network convenes a national forum in Bamako with the platform, with delegations from
 * Burkina Faso and Niger, records its participants and testimonies (one published, one whose speaker
 * did not consent), adopts and publishes a declaration in French and English with a recommendation
 * about Douentza, reports its follow-up, and keeps a second declaration as a draft.
 */
beforeAll(async () => {
  platform = await startPlatform();
  const directoryWriter = await platform.as(ORGS.educators, 'directory:write');
  douentza = (
    await dataOf(
      directoryWriter<{ createCommunity: { id: string } }>(
        `mutation { createCommunity(input: { name: "Douentza", adminArea: "ML0504", languages: ["ffm"] }) { id } }`,
      ),
    )
  ).createCommunity.id;
  owner = await platform.as(ORGS.mediators, 'forums:write forums:sensitive');
  otherPartner = await platform.as(ORGS.educators, 'forums:read forums:sensitive');
  const mutate = async <T>(mutation: string, variables: Record<string, unknown>) => dataOf(owner<Record<string, T>>(mutation, variables));
  type Ref = { id: string; version: number };
  const forum = (
    await mutate<Ref>(`mutation ($input: CreateForumInput!) { createForum(input: $input) { id version } }`, {
      input: {
        title: 'Forum national sur la prévention de l’extrémisme violent',
        scope: 'NATIONAL',
        startsOn: '2025-11-18',
        endsOn: '2025-11-20',
        venue: { adminArea: 'ML0901', name: 'Centre international de conférences de Bamako' },
        convenors: [ORGS.mediators],
        coConvenors: [ORGS.platform],
        countriesRepresented: ['BF', 'NE'],
      },
    })
  ).createForum!;
  ids.forum = forum.id;
  await mutate(
    `mutation ($id: ID!, $version: Int!, $input: ForumParticipantsInput!) { recordForumParticipants(id: $id, version: $version, input: $input) { id } }`,
    {
      id: forum.id,
      version: forum.version,
      input: {
        groups: [
          { category: 'YOUTH', women: 30, men: 41 },
          { category: 'VICTIMS_OF_MODERN_SLAVERY', women: 2, men: 2 },
        ],
        origins: [
          { region: 'ML05', participants: 50 },
          { region: 'BF56', participants: 4 },
        ],
      },
    },
  );
  const testimony = async (text: string, consentToPublish: boolean) =>
    (
      await mutate<Ref>(`mutation ($input: RecordTestimonyInput!) { recordTestimony(input: $input) { id version } }`, {
        input: {
          forum: forum.id,
          language: 'fra',
          text,
          speakerRole: 'YOUTH',
          speakerAgeGroup: 'YOUTH',
          speakerRegion: 'ML05',
          givenOn: '2025-11-19',
          consentToPublish,
        },
      })
    ).recordTestimony!;
  const published = await testimony('Au marché, la réconciliation a commencé entre les femmes des deux villages.', true);
  ids.published = published.id;
  await mutate(
    `mutation ($id: ID!, $version: Int!) { publishTestimony(id: $id, version: $version, input: { publishedOn: "2025-12-01" }) { id } }`,
    published,
  );
  ids.unconsented = (await testimony(UNCONSENTED, false)).id;
  const declaration = (
    await mutate<Ref>(`mutation ($input: CreateDeclarationInput!) { createDeclaration(input: $input) { id version } }`, {
      input: {
        forum: forum.id,
        language: 'fra',
        title: 'Déclaration de Bamako pour la paix',
        text: 'Nous appelons à la réconciliation nationale et à la cohésion sociale.',
        adoptedOn: '2025-11-20',
        translations: [
          { language: 'eng', title: 'Bamako Declaration for Peace', text: 'We call for national reconciliation and social cohesion.' },
        ],
        recipients: [{ recipient: 'Chef du gouvernement de la Transition', deliveredOn: '2025-12-04' }],
      },
    })
  ).createDeclaration!;
  ids.declaration = declaration.id;
  const recommendation = (
    await mutate<Ref>(`mutation ($input: AddForumRecommendationInput!) { addForumRecommendation(input: $input) { id version } }`, {
      input: {
        declaration: declaration.id,
        theme: 'SOCIAL_COHESION',
        addressee: 'TRADITIONAL_AND_RELIGIOUS_AUTHORITIES',
        addressedCommunity: douentza,
        text: 'Tenir des rencontres de réconciliation avant chaque saison de transhumance.',
        translations: [{ language: 'eng', text: 'Hold reconciliation meetings before each transhumance season.' }],
      },
    })
  ).addForumRecommendation!;
  ids.recommendation = recommendation.id;
  await mutate(
    `mutation ($id: ID!, $version: Int!) { publishDeclaration(id: $id, version: $version, input: { publishedOn: "2025-11-28" }) { id } }`,
    declaration,
  );
  await mutate(
    `mutation ($id: ID!, $input: RecommendationFollowUpInput!) { recordRecommendationFollowUp(id: $id, version: 2, input: $input) { id } }`,
    {
      id: recommendation.id,
      input: {
        status: 'IMPLEMENTED',
        reportedOn: '2026-03-15',
        evidence: 'Rencontre tenue à Douentza ; calendrier de passage adopté.',
        reporter: 'Comité de paix de Douentza',
      },
    },
  );
  ids.draft = (
    await mutate<Ref>(`mutation ($input: CreateDeclarationInput!) { createDeclaration(input: $input) { id version } }`, {
      input: {
        forum: forum.id,
        language: 'fra',
        title: 'Projet de déclaration sur la transhumance',
        text: 'Brouillon : réconciliation entre éleveurs et agriculteurs.',
        adoptedOn: '2025-11-20',
      },
    })
  ).createDeclaration!.id;
});
afterAll(() => platform.stop());

const SEARCH = `query ($query: String!) { forumSearch(query: $query) { totalCount edges {
  kind language { code name } snippet { text highlights { start length } }
  node {
    __typename
    ... on Declaration { id title(language: "eng") forum { title adminArea { name parent { name } } convenors { name } } }
    ... on ForumRecommendation { id status addressedCommunity { name adminArea { name } } }
    ... on Testimony { id text speakerRegion { name } }
  }
} } }`;
type Search = {
  forumSearch: {
    totalCount: number;
    edges: {
      kind: string;
      language: { code: string; name: string };
      snippet: { text: string; highlights: { start: number; length: number }[] };
      node: { __typename: string; id: string } & Record<string, unknown>;
    }[];
  };
};

describe('searching forums through the gateway', () => {
  it('finds "réconciliation" for anyone asking "reconciliation", with the directory’s names around each match', async () => {
    const { forumSearch } = await dataOf(platform.request<Search>(SEARCH, { query: 'reconciliation' }));
    expect(forumSearch.totalCount).toBe(3);
    const byKind = Object.fromEntries(forumSearch.edges.map((e) => [e.kind, e]));
    expect(byKind.DECLARATION!.node).toEqual({
      __typename: 'Declaration',
      id: ids.declaration,
      title: 'Bamako Declaration for Peace',
      forum: {
        title: 'Forum national sur la prévention de l’extrémisme violent',
        adminArea: { name: 'Bamako', parent: { name: 'Bamako' } },
        convenors: [{ name: 'Sahel Mediators' }],
      },
    });
    expect(byKind.RECOMMENDATION!.node).toEqual({
      __typename: 'ForumRecommendation',
      id: ids.recommendation,
      status: 'IMPLEMENTED',
      addressedCommunity: { name: 'Douentza', adminArea: { name: 'Douentza' } },
    });
    expect(byKind.TESTIMONY!.node).toEqual({
      __typename: 'Testimony',
      id: ids.published,
      text: 'Au marché, la réconciliation a commencé entre les femmes des deux villages.',
      speakerRegion: { name: 'Mopti' },
    });
    expect(byKind.TESTIMONY!.language).toEqual({ code: 'fra', name: 'French' });
    const snippet = byKind.TESTIMONY!.snippet;
    expect(snippet.highlights.map((h) => snippet.text.slice(h.start, h.start + h.length))).toEqual(['réconciliation']);
  });

  it('never shows an unconsented testimony or a draft to anonymous callers or other partners', async () => {
    for (const client of [platform.request, otherPartner]) {
      const { forumSearch } = await dataOf(client<Search>(SEARCH, { query: 'réconciliation justice transhumance' }));
      expect(forumSearch.edges.map((e) => e.node.id)).toEqual([]);
      const broad = await dataOf(client<Search>(SEARCH, { query: 'réconciliation' }));
      expect(broad.forumSearch.edges.map((e) => e.node.id).sort()).toEqual([ids.declaration, ids.recommendation, ids.published].sort());
      const direct = await dataOf(
        client<{ testimony: unknown; declaration: unknown }>(
          `query ($t: ID!, $d: ID!) { testimony(id: $t) { id } declaration(id: $d) { id } }`,
          { t: ids.unconsented, d: ids.draft },
        ),
      );
      expect(direct).toEqual({ testimony: null, declaration: null });
    }
    const mine = await dataOf(owner<Search>(SEARCH, { query: 'réconciliation transhumance' }));
    expect(mine.forumSearch.edges.map((e) => e.node.id).sort()).toEqual([ids.draft, ids.recommendation].sort());
    expect(JSON.stringify(mine)).not.toContain('famille a fui');
  });

  it('lets the owner with forums:sensitive read the unconsented testimony, and refuses it to the other partner', async () => {
    const READ = `query ($id: ID!) { forum(id: $id) { testimonies { id text recordedText } } }`;
    const own = await dataOf(owner<{ forum: { testimonies: { id: string; recordedText: string }[] } }>(READ, { id: ids.forum }));
    expect(own.forum.testimonies.find((t) => t.id === ids.unconsented)!.recordedText).toBe(UNCONSENTED);
    const { data, errors } = await otherPartner<{ forum: { testimonies: { id: string; recordedText: string | null }[] } }>(READ, {
      id: ids.forum,
    });
    expect(data!.forum.testimonies).toEqual([{ id: ids.published, text: expect.any(String), recordedText: null }]);
    expect(errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['forum.testimonies.0.recordedText', 'FORBIDDEN']]);
  });
});

describe('forums on the directory’s places and organisations, through the gateway', () => {
  it('walks from an admin area to its forums, their declarations and what became of their recommendations', async () => {
    const { adminArea } = await dataOf(
      otherPartner<{ adminArea: unknown }>(`{ adminArea(pcode: "ML09") { name forums { title countriesRepresented coConvenors { name }
        participants { exact total { count } groups { category total { count suppressed } } }
        declarations { title recipients { recipient deliveredOn } recommendations { text(language: "eng") status followUps { to reportedOn reporter } } }
        recommendationStats { recommendations implemented implementationRate } } } }`),
    );
    expect(adminArea).toEqual({
      name: 'Bamako',
      forums: [
        {
          title: 'Forum national sur la prévention de l’extrémisme violent',
          countriesRepresented: ['ML', 'BF', 'NE'],
          coConvenors: [{ name: 'PeaceGraph Platform' }],
          participants: {
            exact: false,
            total: { count: 75 },
            // Four victims of modern slavery are withheld, and so is the youth total: 75 − 71 would give them away.
            groups: expect.arrayContaining([
              { category: 'YOUTH', total: { count: null, suppressed: true } },
              { category: 'VICTIMS_OF_MODERN_SLAVERY', total: { count: null, suppressed: true } },
              { category: 'DONORS', total: { count: 0, suppressed: false } },
            ]),
          },
          declarations: [
            {
              title: 'Déclaration de Bamako pour la paix',
              recipients: [{ recipient: 'Chef du gouvernement de la Transition', deliveredOn: '2025-12-04' }],
              recommendations: [
                {
                  text: 'Hold reconciliation meetings before each transhumance season.',
                  status: 'IMPLEMENTED',
                  followUps: [{ to: 'IMPLEMENTED', reportedOn: '2026-03-15', reporter: 'Comité de paix de Douentza' }],
                },
              ],
            },
          ],
          recommendationStats: { recommendations: 1, implemented: 1, implementationRate: 1 },
        },
      ],
    });
  });

  it('names the recommendations that address a community, and the forums an organisation convened', async () => {
    const { community, organisation } = await dataOf(
      platform.request<{ community: unknown; organisation: unknown }>(
        `query ($community: ID!, $organisation: ID!) {
          community(id: $community) { name forumRecommendations { theme status declaration { publishedOn } } forums { title } }
          organisation(id: $organisation) { name forumsConvened { title scope } }
        }`,
        { community: douentza, organisation: ORGS.platform },
      ),
    );
    expect(community).toEqual({
      name: 'Douentza',
      forumRecommendations: [{ theme: 'SOCIAL_COHESION', status: 'IMPLEMENTED', declaration: { publishedOn: '2025-11-28' } }],
      forums: [],
    });
    expect(organisation).toEqual({
      name: 'PeaceGraph Platform',
      forumsConvened: [{ title: 'Forum national sur la prévention de l’extrémisme violent', scope: 'NATIONAL' }],
    });
  });

  it('refuses participant counts to anonymous callers and leaves the directory’s public area and the public forum intact', async () => {
    const { data, errors } = await platform.request<{ adminArea: unknown }>(
      `{ adminArea(pcode: "ML09") { name forums { title participants { total { count } } } } }`,
    );
    expect(data).toEqual({
      adminArea: { name: 'Bamako', forums: [{ title: 'Forum national sur la prévention de l’extrémisme violent', participants: null }] },
    });
    expect(errors!.map((e) => e.extensions!.code)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(errors)).not.toMatch(/SELECT|forum_participant/);
  });

  it('shows anyone how published recommendations fared, by theme', async () => {
    const { forumImplementation } = await dataOf(
      platform.request<{ forumImplementation: unknown }>(
        `{ forumImplementation(groupBy: THEME, interval: YEAR, from: "2025-01-01", to: "2026-06-30") { groups { theme series { period recommendations implemented implementationRate } } } }`,
      ),
    );
    expect(forumImplementation).toEqual({
      groups: [
        {
          theme: 'SOCIAL_COHESION',
          series: [
            { period: '2025', recommendations: 1, implemented: 0, implementationRate: 0 },
            { period: '2026', recommendations: 1, implemented: 1, implementationRate: 1 },
          ],
        },
      ],
    });
  });
});

describe('errors through the gateway', () => {
  it('passes BAD_USER_INPUT with its field, and CONFLICT, to the client, writing nothing', async () => {
    const before = await platform.forums.allRows();
    const refused = await owner(
      `mutation ($id: ID!) { recordRecommendationFollowUp(id: $id, version: 3, input: { status: IN_PROGRESS, reportedOn: "2026-04-01", evidence: "x", reporter: "y" }) { id } }`,
      { id: ids.recommendation },
    );
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.status',
      status: 'IMPLEMENTED',
      allowedStatuses: [],
    });
    expect(refused.errors![0]!.message).toBe('A recommendation that is IMPLEMENTED is final: it cannot become IN_PROGRESS');
    const stale = await owner(`mutation ($id: ID!) { updateForum(id: $id, version: 1, input: { title: "x" }) { id } }`, { id: ids.forum });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await platform.forums.allRows()).toEqual(before);
  });
});
