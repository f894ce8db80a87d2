import { OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from '../../test/support';
import { addRecommendation, createDeclaration, createForum, done, recordTestimony, type Client, type Ref } from '../../test/fixtures';

let stack: StackUnderTest;
let otherPartner: Client;
let ownerReader: Client;
let published: Ref;
let draft: Ref;
const recommendations: Record<string, string> = {};
const testimonies: Record<string, string> = {};

/**
 * One forum with a published declaration (French, with an English translation) and its
 * recommendations, a draft declaration, and testimonies in every state: published, consented but
 * unpublished, and never consented.
 */
beforeAll(async () => {
  stack = await startStack();
  const { owner } = stack.forums;
  otherPartner = await stack.forums.as(OTHER_PARTNER, 'forums:read forums:write forums:sensitive');
  ownerReader = await stack.forums.as(OWNER, 'forums:read');
  const forum = await createForum(owner);
  published = await createDeclaration(owner, forum.id);
  const add = async (name: string, input: Record<string, unknown>) => {
    recommendations[name] = (await addRecommendation(owner, published.id, input)).id;
  };
  await add('water', {
    theme: 'SOCIAL_COHESION',
    text: 'L’accès à l’eau des puits pastoraux doit être partagé entre agriculteurs et éleveurs : l’eau partagée est une source de paix, l’eau confisquée une source de conflit.',
    translations: [{ language: 'eng', text: 'Access to the water of pastoral wells must be shared between farmers and herders.' }],
  });
  await add('jobs', {
    theme: 'EMPLOYMENT',
    text: 'Créer des emplois pour les jeunes dans la réhabilitation des périmètres irrigués et autour des points d’eau, avec des formations agricoles.',
    translations: [],
  });
  await add('media', {
    theme: 'MEDIA',
    addressee: 'MEDIA',
    text: 'Former les journalistes des radios communautaires à la couverture sensible aux conflits.',
    translations: [
      { language: 'eng', text: 'Train community radio journalists in conflict-sensitive reporting and reconciliation stories.' },
    ],
  });
  published = await done(owner, 'publishDeclaration', { publishedOn: '2025-11-25' }, { id: published.id, version: 1 });
  draft = await createDeclaration(owner, forum.id, {
    title: 'Projet de déclaration sur la transhumance',
    text: 'Brouillon confidentiel : couloirs de transhumance et réconciliation entre communautés pastorales.',
    translations: [],
  });
  await addRecommendation(owner, draft.id, { text: 'Baliser les couloirs de transhumance avant la saison sèche.', translations: [] });

  const testimony = async (name: string, text: string, consent: boolean, publish: boolean, language = 'fra') => {
    const recorded = await recordTestimony(owner, forum.id, { text, consentToPublish: consent, language });
    testimonies[name] = recorded.id;
    if (publish) await done(owner, 'publishTestimony', { publishedOn: '2025-12-01' }, recorded);
  };
  await testimony(
    'published',
    'Au village, la réconciliation a commencé quand les anciens ont rouvert le marché hebdomadaire.',
    true,
    true,
  );
  await testimony('english', 'Our delegation saw that reconciliation begins when young people get work near home.', true, true, 'eng');
  await testimony('waiting', 'La réconciliation reste fragile tant que les déplacés ne peuvent pas rentrer chez eux.', true, false);
  await testimony('unconsented', 'Ma famille a fui après l’attaque ; la réconciliation me semble impossible sans justice.', false, false);
});
afterAll(() => stack.stop());

const SEARCH = `query ($query: String!, $kinds: [ForumSearchKind!], $languages: [LanguageCode!], $first: Int, $after: String) {
  forumSearch(query: $query, kinds: $kinds, languages: $languages, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor kind rank language { code }
      snippet { text highlights { start length } }
      node {
        __typename
        ... on Declaration { id title publishedOn }
        ... on ForumRecommendation { id number theme }
        ... on Testimony { id text consentToPublish publishedOn }
      }
    }
  }
}`;

type Edge = {
  cursor: string;
  kind: string;
  rank: number;
  language: { code: string };
  snippet: { text: string; highlights: { start: number; length: number }[] };
  node: { __typename: string; id: string; text?: string | null };
};
type Search = { forumSearch: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] } };

async function search(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await client<Search>(SEARCH, { query, ...variables });
  expect(errors).toBeUndefined();
  return data!.forumSearch;
}

/** The words a snippet marks, as a reader would see them highlighted. */
const marked = (edge: Edge) => edge.snippet.highlights.map((h) => edge.snippet.text.slice(h.start, h.start + h.length));
const ids = (edges: Edge[]) => edges.map((e) => e.node.id);

describe('accents and languages', () => {
  it('finds "réconciliation" when asked for "reconciliation", and marks the accented word in the snippet', async () => {
    const result = await search(stack.forums.request, 'reconciliation', { kinds: ['TESTIMONY'] });
    const published = result.edges.find((e) => e.node.id === testimonies.published)!;
    expect(published.language.code).toBe('fra');
    expect(published.node.text).toBe('Au village, la réconciliation a commencé quand les anciens ont rouvert le marché hebdomadaire.');
    expect(marked(published)).toEqual(['réconciliation']);
    expect(published.snippet.text).not.toMatch(/[\u27e6\u27e7]/);
  });

  it('finds the English "reconciliation" when asked for "réconciliation" (and the French one too)', async () => {
    const result = await search(stack.forums.request, 'réconciliation', { kinds: ['TESTIMONY'] });
    expect(new Set(ids(result.edges))).toEqual(new Set([testimonies.published, testimonies.english]));
    expect(marked(result.edges.find((e) => e.node.id === testimonies.english)!)).toEqual(['reconciliation']);
  });

  it('ignores case and accents in both directions: "COHESION" finds "cohésion", "pâstoraux" finds "pastoraux"', async () => {
    const cohesion = await search(stack.forums.request, 'COHESION', { kinds: ['DECLARATION'] });
    expect(ids(cohesion.edges)).toEqual([published.id]);
    const wells = await search(stack.forums.request, 'pâstoraux', { kinds: ['RECOMMENDATION'] });
    expect(ids(wells.edges)).toEqual([recommendations.water]);
  });

  it('stems French and English: "puits partagés" and "wells shared" find the same recommendation', async () => {
    const french = await search(stack.forums.request, 'puits partagés');
    const english = await search(stack.forums.request, 'wells shared');
    expect(ids(french.edges)).toEqual([recommendations.water]);
    expect(ids(english.edges)).toEqual([recommendations.water]);
    expect(french.edges[0]!.language.code).toBe('fra');
    expect(english.edges[0]!.language.code).toBe('eng');
  });

  it('searches one language only when asked: the declaration matches through its English version', async () => {
    const result = await search(stack.forums.request, 'reconciliation', { kinds: ['DECLARATION'], languages: ['eng'] });
    expect(result.edges.map((e) => [e.node.id, e.language.code])).toEqual([[published.id, 'eng']]);
    expect(marked(result.edges[0]!)).toEqual(['reconciliation']);
  });

  it('counts a declaration that matches in two languages once', async () => {
    const result = await search(stack.forums.request, 'reconciliation', { kinds: ['DECLARATION'] });
    expect(ids(result.edges)).toEqual([published.id]);
    expect(result.totalCount).toBe(1);
  });

  it('understands web-search syntax: a quoted phrase and an excluded word', async () => {
    const phrase = await search(stack.forums.request, '"radios communautaires"');
    expect(ids(phrase.edges)).toEqual([recommendations.media]);
    const excluded = await search(stack.forums.request, 'eau -jeunes', { kinds: ['RECOMMENDATION'] });
    expect(ids(excluded.edges)).toEqual([recommendations.water]);
  });
});

describe('ranking and pages', () => {
  it('ranks the recommendation that is about water above the one that mentions it once', async () => {
    const result = await search(stack.forums.request, 'eau', { kinds: ['RECOMMENDATION'] });
    expect(ids(result.edges)).toEqual([recommendations.water, recommendations.jobs]);
    expect(result.edges[0]!.rank).toBeGreaterThan(result.edges[1]!.rank);
    expect(result.edges.every((e) => e.rank > 0 && e.rank < 1)).toBe(true);
  });

  it('pages through ranked matches with (rank, id) cursors: every match once, in rank order', async () => {
    const all = await search(stack.forums.request, 'reconciliation');
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.edges.length).toBe(4); // the declaration, the media recommendation, two published testimonies
    const seen: Edge[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: Search['forumSearch'] = await search(stack.forums.request, 'reconciliation', { first: 1, after });
      seen.push(...result.edges);
      expect(result.totalCount).toBe(4);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(ids(seen)).toEqual(ids(all.edges));
    const ranks = seen.map((e) => e.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });
});

describe('what a caller may find', () => {
  it('never finds an unconsented or unpublished testimony, for anyone, the owner included', async () => {
    for (const client of [stack.forums.request, otherPartner, stack.forums.owner, ownerReader]) {
      const result = await search(client, 'réconciliation impossible justice déplacés', { kinds: ['TESTIMONY'] });
      expect(result.edges).toEqual([]);
      const broad = await search(client, 'réconciliation', { kinds: ['TESTIMONY'] });
      expect(ids(broad.edges)).not.toContain(testimonies.unconsented);
      expect(ids(broad.edges)).not.toContain(testimonies.waiting);
      expect(JSON.stringify(broad)).not.toMatch(/famille a fui|déplacés ne peuvent/);
    }
  });

  it('finds a draft declaration and its recommendation for its owner only', async () => {
    for (const client of [stack.forums.request, otherPartner]) {
      const result = await search(client, 'transhumance');
      expect(result).toMatchObject({ totalCount: 0, edges: [] });
    }
    const mine = await search(ownerReader, 'transhumance');
    expect(mine.edges.map((e) => e.kind).sort()).toEqual(['DECLARATION', 'RECOMMENDATION']);
    expect(mine.edges.find((e) => e.kind === 'DECLARATION')!.node).toMatchObject({ id: draft.id, publishedOn: null });
  });
});

describe('bad searches', () => {
  it.each([
    ['an empty query', 'query', { query: '   ' }, /what to search for/],
    ['a query over 200 characters', 'query', { query: 'paix '.repeat(50) }, /200 characters/],
    ['a cursor from elsewhere', 'after', { query: 'paix', after: 'bm90LWEtY3Vyc29y' }, /not a cursor/],
  ] as const)('refuses %s with BAD_USER_INPUT on %s', async (_label, field, variables, message) => {
    const { data, errors } = await stack.forums.request(SEARCH, variables);
    expect(data).toEqual({ forumSearch: null });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
  });

  it('answers a query of stop words only with no match rather than an error', async () => {
    const result = await search(stack.forums.request, 'de la des');
    expect(result).toMatchObject({ totalCount: 0, edges: [] });
  });
});
