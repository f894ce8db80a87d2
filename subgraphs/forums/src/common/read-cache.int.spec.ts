import { OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from '../../test/support';
import { FOLLOW_UP, addRecommendation, createDeclaration, createForum, done, ok, type Client, type Ref } from '../../test/fixtures';
import type { Viewer } from '@peacegraph/kit/auth';
import { createLoaders } from '../loaders';
import { createRepositories } from '../repositories';
import { StatsService } from '../statistics/statistics.service';

/**
 * The read cache (the kit's ReadCache over the read generation, repositories.ts) against a real
 * database: every write raises the read generation in its own transaction, so a search page or an
 * implementation series asked again after a write shows the write, and an answer cached for one
 * organisation (its drafts included) is never given to another.
 */
let stack: StackUnderTest;
let owner: Client;
let ownerReader: Client;
let otherPartner: Client;
let forum: Ref;
let declaration: Ref;

beforeAll(async () => {
  stack = await startStack();
  owner = stack.forums.owner;
  ownerReader = await stack.forums.as(OWNER, 'forums:read');
  otherPartner = await stack.forums.as(OTHER_PARTNER, 'forums:read');
  forum = await createForum(owner);
  declaration = await createDeclaration(owner, forum.id);
  await addRecommendation(owner, declaration.id, { text: 'Creuser des forages hydrauliques dans chaque commune.', translations: [] });
  declaration = await done(owner, 'publishDeclaration', { publishedOn: '2025-11-25' }, { id: declaration.id, version: 1 });
});
afterAll(() => stack.stop());

const generation = async () =>
  Number(
    ((await stack.forums.db.dataSource.query(`SELECT generation FROM forums_read_generation`)) as { generation: string }[])[0]!.generation,
  );

const SEARCH = `query ($query: String!) { forumSearch(query: $query, first: 10) { totalCount edges { rank node { ... on ForumRecommendation { id text } } } } }`;
type Search = { forumSearch: { totalCount: number; edges: { rank: number; node: { id: string; text: string } }[] } };
const search = async (client: Client, query = 'hydrauliques') => (await ok(client<Search>(SEARCH, { query }))).forumSearch;
const texts = (result: Search['forumSearch']) => result.edges.map((e) => e.node.text).sort();

describe('the read generation', () => {
  it('rises by one for a write through the API, however many rows and tables the write touches', async () => {
    const before = await generation();
    // A recommendation, its text and its audit row: one transaction.
    await addRecommendation(owner, declaration.id, { text: 'Former les comités de gestion des points d’eau.', translations: [] });
    expect(await generation()).toBe(before + 1);
  });

  it('rises for a write made with SQL outside the subgraph (a generator, an operator), once per transaction', async () => {
    const { dataSource } = stack.forums.db;
    const before = await generation();
    await dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE recommendation_text SET updated_at = now() WHERE false`);
      await manager.query(`UPDATE forum SET updated_at = updated_at`);
      await manager.query(`UPDATE recommendation SET updated_at = updated_at`);
    });
    expect(await generation()).toBe(before + 1);
    await dataSource.query(`UPDATE testimony SET updated_at = updated_at`);
    expect(await generation()).toBe(before + 2);
  });

  it('does not rise for reads, nor for writes to tables no cached answer reads', async () => {
    const before = await generation();
    await search(stack.forums.request);
    await stack.forums.db.dataSource.query(`DELETE FROM audit_log WHERE false`);
    expect(await generation()).toBe(before);
  });
});

describe('search answers after writes', () => {
  it('shows a recommendation the caller just added and published, and never a draft to another organisation', async () => {
    const anonymousBefore = await search(stack.forums.request);
    expect(anonymousBefore.totalCount).toBe(1);
    const draft = await createDeclaration(owner, forum.id);
    await addRecommendation(owner, draft.id, { text: 'Entretenir les forages hydrauliques pastoraux.', translations: [] });

    // The owner sees its draft at once; the anonymous answer cached before is not served any more, and the
    // owner's answer (draft included) is given to no one else.
    const ownerAfter = await search(ownerReader);
    expect(ownerAfter.totalCount).toBe(2);
    expect(texts(ownerAfter)).toEqual([
      'Creuser des forages hydrauliques dans chaque commune.',
      'Entretenir les forages hydrauliques pastoraux.',
    ]);
    for (const client of [stack.forums.request, otherPartner]) {
      const result = await search(client);
      expect(result.totalCount).toBe(1);
      expect(texts(result)).toEqual(['Creuser des forages hydrauliques dans chaque commune.']);
    }

    await done(owner, 'publishDeclaration', { publishedOn: '2025-11-26' }, draft);
    for (const client of [stack.forums.request, otherPartner, ownerReader]) expect((await search(client)).totalCount).toBe(2);
  });

  it('shows a text changed with SQL at the next request', async () => {
    const before = await search(stack.forums.request, 'puisards');
    expect(before.totalCount).toBe(0);
    await stack.forums.db.dataSource.query(
      `UPDATE recommendation_text SET body = 'Creuser des puisards et des forages hydrauliques dans chaque commune.' WHERE body = 'Creuser des forages hydrauliques dans chaque commune.'`,
    );
    const after = await search(stack.forums.request, 'puisards');
    expect(after.totalCount).toBe(1);
    expect(after.edges[0]!.node.text).toBe('Creuser des puisards et des forages hydrauliques dans chaque commune.');
  });

  it('ranks once for identical requests that arrive together', async () => {
    const { dataSource, statements } = stack.forums.db;
    const newGeneration = () => dataSource.query(`UPDATE forum SET updated_at = updated_at`);
    await newGeneration();
    statements.reset();
    const alone = await search(stack.forums.request, 'communes');
    const one = statements.count; // the generation, the ranked page (with its count), the recommendations and their texts
    await newGeneration();
    statements.reset();
    const answers = await Promise.all(Array.from({ length: 5 }, () => search(stack.forums.request, 'communes')));
    expect(answers).toEqual(Array.from({ length: 5 }, () => alone));
    // Each request reads the generation and loads its nodes; the ranked page is made once.
    expect(statements.count).toBe(5 * one - 4);
  });
});

describe('implementation series after writes', () => {
  const FIGURES = `query ($forum: ID!) {
    forumImplementation(filter: { forum: $forum }, groupBy: THEME, interval: YEAR, from: "2025-01-01", to: "2026-12-31") {
      overall { period recommendations pending inProgress implemented }
    }
  }`;
  type Figures = {
    forumImplementation: {
      overall: { period: string; recommendations: number; pending: number; inProgress: number; implemented: number }[];
    };
  };
  const figures = async () => (await ok(stack.forums.request<Figures>(FIGURES, { forum: forum.id }))).forumImplementation.overall;

  it('counts a follow-up reported just before', async () => {
    const before = await figures();
    expect(before.at(-1)).toMatchObject({ period: '2026', recommendations: 3, pending: 3, inProgress: 0 });
    const [row] = (await stack.forums.db.dataSource.query(
      `SELECT id, version FROM recommendation WHERE forum_id = $1 AND published_on IS NOT NULL ORDER BY number LIMIT 1`,
      [forum.id],
    )) as Ref[];
    await done(owner, 'recordRecommendationFollowUp', { ...FOLLOW_UP, status: 'IN_PROGRESS' }, row);
    expect((await figures()).at(-1)).toMatchObject({ period: '2026', recommendations: 3, pending: 2, inProgress: 1 });
  });
});

describe('participation figures after writes', () => {
  const COUNTS = `query { forumParticipation(filter: { from: "2024-06-01", to: "2024-06-01" }) {
    exact forums { exact groups { category women { count suppressed } men { count suppressed } } } total { count suppressed }
  } }`;
  type Counts = {
    forumParticipation: {
      exact: boolean;
      forums: { exact: boolean; groups: { category: string; women: { count: number | null }; men: { count: number | null } }[] }[];
      total: { count: number | null; suppressed: boolean };
    };
  };
  const counts = async (client: Client) => (await ok(client<Counts>(COUNTS))).forumParticipation;

  it('are exact for the owner only, whoever asked first, and follow a new count at once', async () => {
    let held = await createForum(owner, { title: 'Forum du 1er juin', startsOn: '2024-06-01', endsOn: '2024-06-01' });
    held = await done(
      owner,
      'recordForumParticipants',
      {
        groups: [
          { category: 'YOUTH', women: 20, men: 31 },
          { category: 'VICTIMS_OF_MODERN_SLAVERY', women: 2, men: 1 },
        ],
        origins: [],
      },
      held,
    );
    // The owner asks first: its exact answer is kept for the owner's organisation only.
    const own = await counts(ownerReader);
    expect(own).toMatchObject({ exact: true, total: { count: 54, suppressed: false } });
    expect(own.forums[0]!.groups.find((g) => g.category === 'VICTIMS_OF_MODERN_SLAVERY')).toMatchObject({
      women: { count: 2 },
      men: { count: 1 },
    });
    const theirs = await counts(otherPartner);
    expect(theirs.exact).toBe(false);
    expect(theirs.forums[0]!.groups.find((g) => g.category === 'VICTIMS_OF_MODERN_SLAVERY')).toMatchObject({
      women: { count: null },
      men: { count: null },
    });

    await done(owner, 'recordForumParticipants', { groups: [{ category: 'YOUTH', women: 25, men: 31 }], origins: [] }, held);
    expect(await counts(ownerReader)).toMatchObject({ exact: true, total: { count: 56 } });
    expect(await counts(otherPartner)).toMatchObject({ exact: false, total: { count: 56, suppressed: false } });
  });

  it('follow counts written with SQL', async () => {
    await stack.forums.db.dataSource.query(
      `UPDATE forum_participant_group SET men = 41 WHERE category = 'YOUTH' AND forum_id IN (SELECT id FROM forum WHERE title = 'Forum du 1er juin')`,
    );
    expect(await counts(otherPartner)).toMatchObject({ total: { count: 66 } });
  });

  it('are never kept from a loader filled before a write that committed since', async () => {
    // Two requests of one process, at the service: the first reads a forum's participants through its
    // loaders (as `Forum.participants` does), a write commits, then the same request asks the figures.
    const repositories = createRepositories(stack.forums.db.dataSource);
    const viewer: Viewer = {
      kind: 'partner',
      subject: 'reader',
      organisationId: OTHER_PARTNER,
      scopes: new Set(['forums:read']),
      via: 'token',
    };
    const request = () => {
      const loaders = createLoaders(repositories, viewer);
      return { loaders, stats: new StatsService(repositories, loaders, viewer) };
    };
    const filter = { from: '2024-06-01', to: '2024-06-01' };
    const [held] = await repositories.forums.matching(filter, 2);
    const first = request();
    expect((await first.stats.participantsOf(held!)).total).toMatchObject({ count: 66 });
    await stack.forums.db.dataSource.query(`UPDATE forum_participant_group SET men = 51 WHERE category = 'YOUTH' AND forum_id = $1`, [
      held!.id,
    ]);
    expect((await first.stats.participation(filter)).total).toMatchObject({ count: 76 });
    // What the first request kept is what a later one gets: the write, not the loader's older rows.
    expect(repositories.readCache.size).toBe(1);
    expect((await request().stats.participation(filter)).total).toMatchObject({ count: 76 });
  });
});
