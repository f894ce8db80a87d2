import { COMMUNITIES, ECOWAS, MINISTRY, OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from './support';
import {
  DECLARATION,
  FORUM,
  addRecommendation,
  createDeclaration,
  createForum,
  done,
  mutate,
  ok,
  recordTestimony,
  type Client,
  type Ref,
} from './fixtures';

let stack: StackUnderTest;
let owner: Client;
let reader: Client;

beforeAll(async () => {
  stack = await startStack();
  owner = stack.forums.owner;
  reader = await stack.forums.as(OTHER_PARTNER, 'forums:read');
});
afterAll(() => stack.stop());

describe('forums', () => {
  it('records a forum with its venue from the directory, convenors and countries (the host first)', async () => {
    const { createForum: forum } = await ok(
      owner<{ createForum: Record<string, unknown> }>(
        `mutation ($input: CreateForumInput!) { createForum(input: $input) {
          title scope startsOn endsOn venueName community { id } adminArea { pcode } countryCode
          convenors { id } coConvenors { id } countriesRepresented recordedBy { id } version
        } }`,
        {
          input: {
            ...FORUM,
            scope: 'REGIONAL',
            venue: { community: COMMUNITIES.dori, name: 'Salle polyvalente de Dori' },
            countriesRepresented: ['ML', 'NE', 'ML'],
          },
        },
      ),
    );
    expect(forum).toEqual({
      title: FORUM.title,
      scope: 'REGIONAL',
      startsOn: '2025-11-18',
      endsOn: '2025-11-20',
      venueName: 'Salle polyvalente de Dori',
      community: { id: COMMUNITIES.dori },
      adminArea: { pcode: 'BF5602' },
      countryCode: 'BF',
      convenors: [{ id: OWNER }, { id: MINISTRY }],
      coConvenors: [{ id: ECOWAS }],
      countriesRepresented: ['BF', 'ML', 'NE'],
      recordedBy: { id: OWNER },
      version: 1,
    });
  });

  it('answers a retried creation with the first forum, and another organisation’s same clientMutationId with its own', async () => {
    const first = await createForum(owner, { clientMutationId: 'retry-1' });
    const again = await createForum(owner, { clientMutationId: 'retry-1', title: 'Titre différent' });
    expect(again).toEqual(first);
    const other = await stack.forums.as(OTHER_PARTNER, 'forums:write');
    const theirs = await createForum(other, { clientMutationId: 'retry-1', convenors: [OTHER_PARTNER], coConvenors: [] });
    expect(theirs.id).not.toBe(first.id);
  });

  it('moves a forum to another venue and keeps the host country first', async () => {
    let forum = await createForum(owner);
    forum = await done(owner, 'updateForum', { venue: { community: COMMUNITIES.tera }, countriesRepresented: ['ML', 'BF'] }, forum);
    const { forum: read } = await ok(
      reader<{ forum: Record<string, unknown> }>(
        `query ($id: ID!) { forum(id: $id) { countryCode adminArea { pcode } community { id } countriesRepresented version } }`,
        { id: forum.id },
      ),
    );
    expect(read).toEqual({
      countryCode: 'NE',
      adminArea: { pcode: 'NE006011' },
      community: { id: COMMUNITIES.tera },
      countriesRepresented: ['NE', 'ML', 'BF'],
      version: 2,
    });
  });

  it('lists forums by country represented, topic, convenor and period', async () => {
    const bamako = await createForum(owner, { title: 'Filtre : Bamako' });
    await done(owner, 'addForumWorkingGroup', { forum: bamako.id, topic: 'ROLE_OF_THE_MEDIA' });
    const other = await stack.forums.as(OTHER_PARTNER, 'forums:write');
    await createForum(other, {
      title: 'Filtre : Ségou',
      scope: 'LOCAL',
      venue: { adminArea: 'ML04' },
      convenors: [OTHER_PARTNER],
      coConvenors: [],
      countriesRepresented: [],
      startsOn: '2026-05-01',
      endsOn: '2026-05-02',
    });
    const titles = async (filter: Record<string, unknown>) =>
      (
        await ok(
          reader<{ forums: { edges: { node: { title: string } }[] } }>(
            `query ($filter: ForumFilter) { forums(filter: $filter, first: 100) { edges { node { title } } } }`,
            { filter },
          ),
        )
      ).forums.edges
        .map((e) => e.node.title)
        .filter((t) => t.startsWith('Filtre'));
    expect(await titles({ topic: 'ROLE_OF_THE_MEDIA' })).toEqual(['Filtre : Bamako']);
    expect(await titles({ convenor: OTHER_PARTNER })).toEqual(['Filtre : Ségou']);
    expect(await titles({ countryRepresented: 'NE' })).toEqual(['Filtre : Bamako']);
    expect(await titles({ adminArea: 'ML04', scope: 'LOCAL' })).toEqual(['Filtre : Ségou']);
    expect(await titles({ from: '2026-01-01' })).toEqual(['Filtre : Ségou']);
    expect(await titles({ country: 'ML' })).toEqual(['Filtre : Ségou', 'Filtre : Bamako']);
    const refused = await reader(`{ forums(filter: { from: "2026-01-01", to: "2025-01-01" }) { totalCount } }`);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });
});

describe('testimonies', () => {
  it('publishes a consented testimony, and unpublishes it at once when the consent is withdrawn', async () => {
    const forum = await createForum(owner);
    let testimony = await recordTestimony(owner, forum.id);
    const publicView = async () =>
      (
        await ok(
          stack.forums.request<{ testimony: { text: string | null; publishedOn: string | null } | null }>(
            `query ($id: ID!) { testimony(id: $id) { text publishedOn } }`,
            { id: testimony.id },
          ),
        )
      ).testimony;
    expect(await publicView()).toBeNull();
    testimony = await done(owner, 'publishTestimony', { publishedOn: '2025-12-01' }, testimony);
    expect(await publicView()).toEqual({ text: expect.stringContaining('réconciliation'), publishedOn: '2025-12-01' });
    testimony = await done(owner, 'setTestimonyConsent', { consentToPublish: false }, testimony);
    expect(await publicView()).toBeNull();
    const { testimony: own } = await ok(
      owner<{ testimony: Record<string, unknown> }>(
        `query ($id: ID!) { testimony(id: $id) { consentToPublish publishedOn recordedText } }`,
        { id: testimony.id },
      ),
    );
    expect(own).toEqual({ consentToPublish: false, publishedOn: null, recordedText: expect.stringContaining('réconciliation') });
  });

  it('filters testimonies by topic, role, region and language, published ones for others', async () => {
    const forum = await createForum(owner, { title: 'Filtres de témoignages', startsOn: '2026-04-01', endsOn: '2026-04-02' });
    const media = await done(owner, 'addForumWorkingGroup', { forum: forum.id, topic: 'ROLE_OF_THE_MEDIA' });
    const publish = (t: Ref) => done(owner, 'publishTestimony', { publishedOn: '2026-04-05' }, t);
    const radio = await publish(
      await recordTestimony(owner, forum.id, {
        workingGroup: media.id,
        givenOn: '2026-04-01',
        language: 'eng',
        text: 'Radio hosts checked rumours.',
        speakerRole: 'REGIONAL_YOUTH_AMBASSADORS_FOR_PEACE',
        speakerRegion: 'NE006',
      }),
    );
    const elder = await publish(
      await recordTestimony(owner, forum.id, {
        givenOn: '2026-04-02',
        speakerRole: 'TRADITIONAL_COMMUNITY_LEADERS',
        speakerAgeGroup: 'ELDER',
      }),
    );
    await recordTestimony(owner, forum.id, { workingGroup: media.id, givenOn: '2026-04-02', consentToPublish: false });
    const ids = async (client: Client, filter: Record<string, unknown>) =>
      (
        await ok(
          client<{ testimonies: { edges: { node: { id: string } }[] } }>(
            `query ($filter: TestimonyFilter) { testimonies(filter: $filter) { edges { node { id } } } }`,
            { filter: { forum: forum.id, ...filter } },
          ),
        )
      ).testimonies.edges.map((e) => e.node.id);
    expect(await ids(reader, {})).toEqual([elder.id, radio.id]);
    expect(await ids(reader, { topic: 'ROLE_OF_THE_MEDIA' })).toEqual([radio.id]);
    expect(await ids(reader, { language: 'eng' })).toEqual([radio.id]);
    expect(await ids(reader, { speakerRegion: 'NE006' })).toEqual([radio.id]);
    expect(await ids(reader, { speakerAgeGroup: 'ELDER', speakerRole: 'TRADITIONAL_COMMUNITY_LEADERS' })).toEqual([elder.id]);
    expect(await ids(reader, { published: false })).toEqual([]);
    expect(await ids(owner, { topic: 'ROLE_OF_THE_MEDIA' })).toHaveLength(2);
    expect(await ids(owner, { published: false })).toHaveLength(1);
  });
});

describe('declarations', () => {
  let forum: Ref;
  let declaration: Ref;
  beforeAll(async () => {
    forum = await createForum(owner);
    declaration = await createDeclaration(owner, forum.id, {
      drafters: [{ role: 'Comité de rédaction' }, { role: 'Secrétariat du forum', organisation: OWNER }],
      recipients: [
        { recipient: 'Chef du gouvernement de la Transition', deliveredOn: '2025-12-04', deliveryNote: 'Remise en audience.' },
        { recipient: 'Commission de la CEDEAO', organisation: ECOWAS },
      ],
    });
  });

  const READ = `query ($id: ID!) { declaration(id: $id) {
    title fr: title(language: "fra") en: title(language: "eng") bm: title(language: "bam") text(language: "eng")
    language { code } versions { language { code } title original } adoptedOn publishedOn
    drafters { role organisation { id } } recipients { id recipient organisation { id } deliveredOn deliveryNote }
    recommendations { number adoptedOn publishedOn version } version
  } }`;
  type Read = {
    declaration: {
      title: string;
      en: string;
      bm: string;
      text: string;
      versions: { language: { code: string }; title: string; original: boolean }[];
      adoptedOn: string;
      publishedOn: string | null;
      drafters: unknown[];
      recipients: { id: string; recipient: string; deliveredOn: string | null; deliveryNote: string | null }[];
      recommendations: { number: number; adoptedOn: string; publishedOn: string | null; version: number }[];
      version: number;
    } | null;
  };

  it('keeps the full text in its language and its translations, drafters by role, recipients with delivery dates', async () => {
    const { declaration: read } = await ok(owner<Read>(READ, { id: declaration.id }));
    expect(read).toMatchObject({
      title: DECLARATION.title,
      en: 'Bamako Declaration for Peace',
      bm: DECLARATION.title,
      text: DECLARATION.translations[0]!.text,
      versions: [
        { language: { code: 'fra' }, title: DECLARATION.title, original: true },
        { language: { code: 'eng' }, title: 'Bamako Declaration for Peace', original: false },
      ],
      adoptedOn: '2025-11-20',
      publishedOn: null,
      drafters: [
        { role: 'Comité de rédaction', organisation: null },
        { role: 'Secrétariat du forum', organisation: { id: OWNER } },
      ],
      recipients: [
        { recipient: 'Chef du gouvernement de la Transition', deliveredOn: '2025-12-04', deliveryNote: 'Remise en audience.' },
        { recipient: 'Commission de la CEDEAO', deliveredOn: null, deliveryNote: null },
      ],
    });
  });

  it('translates, adds recipients and records deliveries, each through the declaration’s version', async () => {
    declaration = await done(
      owner,
      'saveDeclarationTranslation',
      { language: 'bam', title: 'Bamako kuma', text: 'Hɛrɛ ni bɛn.' },
      declaration,
    );
    declaration = await done(
      owner,
      'saveDeclarationTranslation',
      { language: 'eng', title: 'Bamako Declaration for Peace and Cohesion', text: 'We call for reconciliation.' },
      declaration,
    );
    declaration = await done(owner, 'addDeclarationRecipient', { recipient: 'Autorité du Liptako-Gourma' }, declaration);
    const { declaration: before } = await ok(owner<Read>(READ, { id: declaration.id }));
    declaration = await done(
      owner,
      'recordDeclarationDelivery',
      { recipient: before!.recipients[1]!.id, deliveredOn: '2025-12-15' },
      declaration,
    );
    const { declaration: read } = await ok(owner<Read>(READ, { id: declaration.id }));
    expect(read!.version).toBe(5);
    expect(read!.bm).toBe('Bamako kuma');
    expect(read!.en).toBe('Bamako Declaration for Peace and Cohesion');
    expect(read!.versions.map((v) => v.language.code)).toEqual(['fra', 'bam', 'eng']);
    expect(read!.recipients.map((r) => [r.recipient, r.deliveredOn])).toEqual([
      ['Chef du gouvernement de la Transition', '2025-12-04'],
      ['Commission de la CEDEAO', '2025-12-15'],
      ['Autorité du Liptako-Gourma', null],
    ]);
  });

  it('gives its recommendations its adoption date, and publishes them with it', async () => {
    await addRecommendation(owner, declaration.id);
    await addRecommendation(owner, declaration.id, { theme: 'MEDIA' });
    declaration = await done(owner, 'updateDeclaration', { adoptedOn: '2025-11-19', text: 'Texte corrigé : réconciliation.' }, declaration);
    expect((await ok(stack.forums.request<Read>(READ, { id: declaration.id }))).declaration).toBeNull();
    declaration = await done(owner, 'publishDeclaration', { publishedOn: '2025-11-28' }, declaration);
    const { declaration: read } = await ok(stack.forums.request<Read>(READ, { id: declaration.id }));
    expect(read).toMatchObject({ adoptedOn: '2025-11-19', publishedOn: '2025-11-28' });
    expect(read!.recommendations).toEqual([
      { number: 1, adoptedOn: '2025-11-19', publishedOn: '2025-11-28', version: 2 },
      { number: 2, adoptedOn: '2025-11-19', publishedOn: '2025-11-28', version: 2 },
    ]);
    // Added after publication, a recommendation is published with its declaration.
    const late = await addRecommendation(owner, declaration.id, { theme: 'SECURITY' });
    const { forumRecommendation } = await ok(
      stack.forums.request<{ forumRecommendation: { number: number; publishedOn: string } }>(
        `query ($id: ID!) { forumRecommendation(id: $id) { number publishedOn } }`,
        { id: late.id },
      ),
    );
    expect(forumRecommendation).toEqual({ number: 3, publishedOn: '2025-11-28' });
  });

  it('numbers recommendations added at the same time one after the other', async () => {
    const draft = await createDeclaration(owner, forum.id, { translations: [] });
    const added = await Promise.all(
      Array.from({ length: 6 }, (_, i) => addRecommendation(owner, draft.id, { text: `Recommandation ${i + 1}.`, translations: [] })),
    );
    const { declaration: read } = await ok(owner<Read>(READ, { id: draft.id }));
    expect(read!.recommendations.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(added).toHaveLength(6);
  });

  it('reads a recommendation in the language asked for, and what it addresses', async () => {
    const recommendation = await addRecommendation(owner, declaration.id, {
      addressedCommunity: COMMUNITIES.douentza,
      addresseeOrganisation: MINISTRY,
      addresseeName: 'Direction régionale',
    });
    const READ_RECOMMENDATION = `query ($id: ID!) { forumRecommendation(id: $id) {
      text fr: text(language: "fra") en: text(language: "eng") language { code } versions { language { code } original }
      addressee addresseeName addresseeOrganisation { id } addressedArea { pcode } addressedCommunity { id } declaration { id } forum { id }
    } }`;
    const { forumRecommendation } = await ok(reader<{ forumRecommendation: unknown }>(READ_RECOMMENDATION, { id: recommendation.id }));
    expect(forumRecommendation).toEqual({
      text: 'Associer les femmes et les jeunes aux comités locaux de gestion foncière.',
      fr: 'Associer les femmes et les jeunes aux comités locaux de gestion foncière.',
      en: 'Involve women and young people in local land management committees.',
      language: { code: 'fra' },
      versions: [
        { language: { code: 'fra' }, original: true },
        { language: { code: 'eng' }, original: false },
      ],
      addressee: 'GOVERNMENT',
      addresseeName: 'Direction régionale',
      addresseeOrganisation: { id: MINISTRY },
      addressedArea: { pcode: 'ML0504' },
      addressedCommunity: { id: COMMUNITIES.douentza },
      declaration: { id: declaration.id },
      forum: { id: forum.id },
    });
    const updated = await mutate(
      owner,
      'updateForumRecommendation',
      { translations: [{ language: 'bam', text: 'Musow ni kamalenw.' }], addressedArea: 'ML05', addressedCommunity: null },
      { id: recommendation.id, version: 1 },
    );
    expect(updated.errors).toBeUndefined();
    const { forumRecommendation: after } = await ok(
      reader<{ forumRecommendation: { en: string; versions: unknown[]; addressedArea: unknown; addressedCommunity: unknown } }>(
        READ_RECOMMENDATION,
        { id: recommendation.id },
      ),
    );
    expect(after).toMatchObject({
      en: 'Associer les femmes et les jeunes aux comités locaux de gestion foncière.',
      versions: [{ language: { code: 'fra' } }, { language: { code: 'bam' } }],
      addressedArea: { pcode: 'ML05' },
      addressedCommunity: null,
    });
  });

  it('lists recommendations by theme, status, addressed area and forum place', async () => {
    const list = async (filter: Record<string, unknown>) =>
      (
        await ok(
          reader<{ forumRecommendations: { totalCount: number } }>(
            `query ($filter: ForumRecommendationFilter) { forumRecommendations(filter: $filter) { totalCount } }`,
            { filter: { forum: forum.id, ...filter } },
          ),
        )
      ).forumRecommendations.totalCount;
    expect(await list({})).toBe(4);
    expect(await list({ theme: 'SECURITY' })).toBe(1);
    expect(await list({ status: 'PENDING' })).toBe(4);
    expect(await list({ addressedArea: 'ML05' })).toBe(1);
    expect(await list({ country: 'ML', adminArea: 'ML09' })).toBe(4);
    expect(await list({ country: 'NE' })).toBe(0);
    expect(await list({ adoptedFrom: '2025-11-20' })).toBe(0);
  });
});
