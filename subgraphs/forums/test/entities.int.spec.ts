import { COMMUNITIES, ECOWAS, MINISTRY, OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from './support';
import { addRecommendation, createDeclaration, createForum, done, recordTestimony, type Ref } from './fixtures';

let stack: StackUnderTest;
let bamako: Ref;
let douentza: Ref;
let group: Ref;
let published: Ref;
let unconsented: Ref;
let declaration: Ref;
let draft: Ref;
let aboutDouentza: Ref;
let aboutGao: Ref;

beforeAll(async () => {
  stack = await startStack();
  const { owner } = stack.forums;
  bamako = await createForum(owner);
  douentza = await createForum(owner, {
    title: 'Forum communal de Douentza',
    scope: 'LOCAL',
    venue: { community: COMMUNITIES.douentza },
    convenors: [OWNER],
    coConvenors: [],
    countriesRepresented: [],
    startsOn: '2026-09-22',
    endsOn: '2026-09-23',
  });
  group = await done(owner, 'addForumWorkingGroup', { forum: bamako.id, topic: 'OTHER', otherTopic: 'Retour des personnes déplacées' });
  published = await done(
    owner,
    'publishTestimony',
    { publishedOn: '2025-12-01' },
    await recordTestimony(owner, bamako.id, { workingGroup: group.id }),
  );
  unconsented = await recordTestimony(owner, bamako.id, { consentToPublish: false });
  declaration = await createDeclaration(owner, bamako.id);
  aboutDouentza = await addRecommendation(owner, declaration.id, { addressedCommunity: COMMUNITIES.douentza, theme: 'SOCIAL_COHESION' });
  aboutGao = await addRecommendation(owner, declaration.id, { addressedArea: 'ML07', theme: 'EMPLOYMENT' });
  declaration = await done(owner, 'publishDeclaration', { publishedOn: '2025-11-25' }, declaration);
  draft = await createDeclaration(owner, douentza.id, { adoptedOn: '2026-09-23', translations: [] });
  await addRecommendation(owner, draft.id, { addressedCommunity: COMMUNITIES.douentza });
});
afterAll(() => stack.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Forum { id title scope adminArea { pcode } community { id } countryCode }
    ... on ForumWorkingGroup { id topic otherTopic forum { id } }
    ... on Testimony { id text speakerRegion { pcode } workingGroup { id } }
    ... on Declaration { id title(language: "eng") publishedOn }
    ... on ForumRecommendation { id number theme addressedArea { pcode } addressedCommunity { id } }
    ... on Community { id forums { id } forumRecommendations { id } }
    ... on AdminArea { pcode forums(first: 5) { id } forumRecommendations { id } }
    ... on Organisation { id forumsConvened { id } }
  }
}`;

const REPRESENTATIONS = () => [
  { __typename: 'Forum', id: bamako.id },
  { __typename: 'ForumWorkingGroup', id: group.id },
  { __typename: 'Testimony', id: published.id },
  { __typename: 'Testimony', id: unconsented.id },
  { __typename: 'Declaration', id: declaration.id },
  { __typename: 'Declaration', id: draft.id },
  { __typename: 'ForumRecommendation', id: aboutGao.id },
  { __typename: 'Community', id: COMMUNITIES.douentza },
  { __typename: 'Community', id: COMMUNITIES.kalana },
  { __typename: 'AdminArea', pcode: 'ML05' },
  { __typename: 'AdminArea', pcode: 'ML09' },
  { __typename: 'Organisation', id: ECOWAS },
  { __typename: 'Organisation', id: MINISTRY },
  { __typename: 'Forum', id: '00000000-0000-4000-8000-00000000c0de' },
  { __typename: 'Testimony', id: 'not-a-uuid' },
];

describe('federation contract (_entities)', () => {
  it('resolves its own entities and answers its fields on the directory’s, in order, null for what a caller may not see', async () => {
    const reader = await stack.forums.as(OTHER_PARTNER, 'forums:read');
    const { data, errors } = await reader<{ _entities: unknown[] }>(ENTITIES, { representations: REPRESENTATIONS() });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      {
        __typename: 'Forum',
        id: bamako.id,
        title: expect.stringContaining('Forum national'),
        scope: 'NATIONAL',
        adminArea: { pcode: 'ML0901' },
        community: null,
        countryCode: 'ML',
      },
      {
        __typename: 'ForumWorkingGroup',
        id: group.id,
        topic: 'OTHER',
        otherTopic: 'Retour des personnes déplacées',
        forum: { id: bamako.id },
      },
      {
        __typename: 'Testimony',
        id: published.id,
        text: expect.stringContaining('réconciliation'),
        speakerRegion: { pcode: 'ML05' },
        workingGroup: { id: group.id },
      },
      null,
      { __typename: 'Declaration', id: declaration.id, title: 'Bamako Declaration for Peace', publishedOn: '2025-11-25' },
      null,
      {
        __typename: 'ForumRecommendation',
        id: aboutGao.id,
        number: 2,
        theme: 'EMPLOYMENT',
        addressedArea: { pcode: 'ML07' },
        addressedCommunity: null,
      },
      // The draft's recommendation about Douentza is the owner's only.
      {
        __typename: 'Community',
        id: COMMUNITIES.douentza,
        forums: [{ id: douentza.id }],
        forumRecommendations: [{ id: aboutDouentza.id }],
      },
      { __typename: 'Community', id: COMMUNITIES.kalana, forums: [], forumRecommendations: [] },
      // Douentza lies in ML0504, in Mopti (ML05); the published recommendation about it too.
      { __typename: 'AdminArea', pcode: 'ML05', forums: [{ id: douentza.id }], forumRecommendations: [{ id: aboutDouentza.id }] },
      { __typename: 'AdminArea', pcode: 'ML09', forums: [{ id: bamako.id }], forumRecommendations: [] },
      { __typename: 'Organisation', id: ECOWAS, forumsConvened: [{ id: bamako.id }] },
      { __typename: 'Organisation', id: MINISTRY, forumsConvened: [{ id: bamako.id }] },
      null,
      null,
    ]);
  });

  it('resolves the owner’s unpublished records for the owner', async () => {
    const owner = await stack.forums.as(OWNER, 'forums:read');
    const { data } = await owner<{ _entities: ({ id: string; forumRecommendations?: { id: string }[] } | null)[] }>(ENTITIES, {
      representations: REPRESENTATIONS(),
    });
    expect(data!._entities[3]).toMatchObject({ __typename: 'Testimony', id: unconsented.id, text: null });
    expect(data!._entities[5]).toMatchObject({ __typename: 'Declaration', id: draft.id, publishedOn: null });
    expect(data!._entities[7]!.forumRecommendations).toHaveLength(2);
  });

  it('publishes its schema through _service: its entities, and the directory’s Community, AdminArea and Organisation extended', async () => {
    const { data } = await stack.forums.request<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const sdl = data!._service.sdl;
    for (const type of ['Forum', 'ForumWorkingGroup', 'Testimony', 'Declaration', 'ForumRecommendation']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/type Community\s+@key\(fields: "id"\)\s*\{[^}]*forums[^}]*forumRecommendations/);
    expect(sdl).toMatch(/type AdminArea\s+@key\(fields: "pcode"\)\s*\{[^}]*forums[^}]*forumRecommendations/);
    expect(sdl).toMatch(/type Organisation\s+@key\(fields: "id"\)\s*\{[^}]*forumsConvened/);
  });
});
