import { COMMUNITIES, ECOWAS, MINISTRY, OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from '../../test/support';
import {
  DECLARATION,
  addRecommendation,
  createDeclaration,
  createForum,
  done,
  mutate,
  ok,
  type Client,
  type Ref,
} from '../../test/fixtures';

let stack: StackUnderTest;
let owner: Client;
let reader: Client;

beforeAll(async () => {
  stack = await startStack();
  owner = stack.forums.owner;
  reader = await stack.forums.as(OTHER_PARTNER, 'forums:read');
});
afterAll(() => stack.stop());

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
