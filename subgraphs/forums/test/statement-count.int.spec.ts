import { demoCommunityId } from '../../directory/src/seed/demo-data';
import { MINISTRY, OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from './support';
import { FOLLOW_UP, addRecommendation, createDeclaration, createForum, done, recordTestimony, type Client } from './fixtures';

let stack: StackUnderTest;
let reader: Client;
let owner: Client;

/** Demo communities of Mali, Burkina Faso and Niger (positions 1 to 13 of the directory's list). */
const venues = Array.from({ length: 13 }, (_, i) => demoCommunityId(i));

/**
 * Fifty forums, each with a published declaration, two recommendations (one followed up) and a
 * testimony: the list a partner pages through.
 */
beforeAll(async () => {
  stack = await startStack();
  owner = stack.forums.owner;
  reader = await stack.forums.as(OTHER_PARTNER, 'forums:read');
  for (let batch = 0; batch < 5; batch += 1) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const n = batch * 10 + k;
        const day = String(1 + (n % 28)).padStart(2, '0');
        const forum = await createForum(owner, {
          title: `Forum ${n + 1}`,
          scope: 'LOCAL',
          startsOn: `2025-0${1 + (n % 9)}-${day}`,
          endsOn: `2025-0${1 + (n % 9)}-${day}`,
          venue: { community: venues[n % venues.length] },
          countriesRepresented: [],
          coConvenors: [],
        });
        const adoptedOn = `2025-0${1 + (n % 9)}-${day}`;
        await done(
          owner,
          'publishTestimony',
          { publishedOn: '2025-12-01' },
          await recordTestimony(owner, forum.id, {
            givenOn: adoptedOn,
            speakerRegion: n % 13 < 8 ? 'ML05' : n % 13 < 11 ? 'BF56' : 'NE006',
          }),
        );
        const declaration = await createDeclaration(owner, forum.id, { adoptedOn });
        const first = await addRecommendation(owner, declaration.id, { addressedCommunity: venues[n % venues.length] });
        await addRecommendation(owner, declaration.id, { theme: 'SECURITY', addressedArea: 'ML05' });
        await done(owner, 'publishDeclaration', { publishedOn: '2025-12-01' }, declaration);
        await done(owner, 'recordRecommendationFollowUp', { ...FOLLOW_UP, status: 'IN_PROGRESS' }, { id: first.id, version: 2 });
      }),
    );
  }
}, 120_000);
afterAll(() => stack.stop());

async function statementsFor(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<number> {
  stack.forums.db.statements.reset();
  const { errors } = await client(query, variables);
  expect(errors).toBeUndefined();
  return stack.forums.db.statements.count;
}

describe('SQL statements per request (no N+1)', () => {
  it('a page of forums with their recommendation stats: the same statements for 5 as for 50', async () => {
    const FORUMS = `query ($first: Int) { forums(first: $first) { totalCount edges { node {
      title recommendationStats { recommendations inProgress implementationRate }
    } } } }`;
    const five = await statementsFor(reader, FORUMS, { first: 5 });
    const fifty = await statementsFor(reader, FORUMS, { first: 50 });
    expect(five).toBe(3); // the page, its count, the stats of every forum on it
    expect(fifty).toBe(five);
    const { data } = await reader<{
      forums: { edges: { node: { recommendationStats: { recommendations: number; inProgress: number; implementationRate: number } } }[] };
    }>(FORUMS, { first: 50 });
    expect(data!.forums.edges).toHaveLength(50);
    expect(
      data!.forums.edges.every((e) => e.node.recommendationStats.recommendations === 2 && e.node.recommendationStats.inProgress === 1),
    ).toBe(true);
  });

  it('forums with everything under them: one statement per kind of record, for 5 as for 50', async () => {
    const DEEP = `query ($first: Int) { forums(first: $first) { edges { node {
      convenors { id } participants { total { count } }
      workingGroups { topic } testimonies(first: 3) { text speakerRegion { pcode } }
      declarations { title text(language: "eng") recipients { recipient } versions { original }
        recommendations { number text status followUps { to reportedOn } versions { original } } }
      recommendationStats { implemented }
    } } } }`;
    const five = await statementsFor(reader, DEEP, { first: 5 });
    const fifty = await statementsFor(reader, DEEP, { first: 50 });
    // page, participant groups, origins, working groups, testimonies, declarations, their texts,
    // recipients, recommendations, their texts, follow-ups, stats
    expect(five).toBe(12);
    expect(fifty).toBe(five);
  });

  it('the directory’s communities, admin areas and organisations → forums and recommendations: one statement per field', async () => {
    const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Community { forums(first: 2) { title } forumRecommendations(first: 2) { number } }
      ... on AdminArea { forums(first: 2) { title } forumRecommendations(first: 2) { number } }
      ... on Organisation { forumsConvened(first: 3) { title } }
    } }`;
    const rows = (await stack.directory.db.dataSource.query(
      `SELECT pcode FROM admin_area WHERE country_code IN ('ML', 'BF', 'NE') ORDER BY pcode LIMIT 50`,
    )) as { pcode: string }[];
    const representations = (n: number) => [
      ...Array.from({ length: n }, (_, i) => ({ __typename: 'Community', id: demoCommunityId(i) })),
      ...rows.slice(0, n).map(({ pcode }) => ({ __typename: 'AdminArea', pcode })),
      ...Array.from({ length: n }, (_, i) => ({
        __typename: 'Organisation',
        id: i === 0 ? MINISTRY : i === 1 ? OWNER : `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
      })),
    ];
    const five = await statementsFor(reader, ENTITIES, { representations: representations(5) });
    const fifty = await statementsFor(reader, ENTITIES, { representations: representations(50) });
    expect(five).toBe(5);
    expect(fifty).toBe(five);
  });

  it.each([
    ['DECLARATION', 5], // the read generation, the ranked page, the declarations, their texts (title), their forums
    ['RECOMMENDATION', 5], // the read generation, the ranked page, the recommendations, their texts, their forums
    ['TESTIMONY', 4], // the read generation, the ranked page, the testimonies, their forums
  ])('a page of %s search results: %i statements for 5 matches as for 50', async (kind, expected) => {
    const SEARCH = `query ($first: Int, $kinds: [ForumSearchKind!]) { forumSearch(query: "réconciliation or jeunes or femmes", kinds: $kinds, first: $first) { edges { rank snippet { text } node {
      __typename
      ... on Declaration { title forum { title } }
      ... on ForumRecommendation { number recommendation: text forum { title } }
      ... on Testimony { text forum { title } }
    } } } }`;
    const five = await statementsFor(reader, SEARCH, { first: 5, kinds: [kind] });
    const fifty = await statementsFor(reader, SEARCH, { first: 50, kinds: [kind] });
    expect(five).toBe(expected);
    expect(fifty).toBe(five);
    // Asked again with nothing written in between: the ranked page comes from the read cache.
    expect(await statementsFor(reader, SEARCH, { first: 50, kinds: [kind] })).toBe(expected - 1);
  });

  it('a sensitive page costs one more statement, for the audit rows of every record read', async () => {
    const SENSITIVE = `query ($first: Int) { testimonies(first: $first) { edges { node { recordedText } } } }`;
    const sensitive = await stack.forums.as(OWNER, 'forums:read forums:sensitive');
    const before = await stack.forums.rows('audit_log');
    const five = await statementsFor(sensitive, SENSITIVE, { first: 5 });
    const fifty = await statementsFor(sensitive, SENSITIVE, { first: 50 });
    expect(five).toBe(2);
    expect(fifty).toBe(five);
    expect(await stack.forums.rows('audit_log')).toBe(before + 55);
  });
});
