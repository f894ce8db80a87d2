import { ORGS, OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from './support';
import {
  FOLLOW_UP,
  addRecommendation,
  codes,
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
let forum: Ref;
let group: Ref;
let published: Ref;
let waiting: Ref;
let unconsented: Ref;
let declaration: Ref;
let draft: Ref;
let recommendation: Ref;
let draftRecommendation: Ref;

const SECRET = 'Ma famille a fui après l’attaque du marché.';

beforeAll(async () => {
  stack = await startStack();
  const { owner } = stack.forums;
  forum = await createForum(owner);
  forum = await done(
    owner,
    'recordForumParticipants',
    {
      groups: [
        { category: 'YOUTH', women: 20, men: 31 },
        { category: 'VICTIMS_OF_MODERN_SLAVERY', women: 2, men: 1 },
      ],
    },
    forum,
  );
  group = await done(owner, 'addForumWorkingGroup', {
    forum: forum.id,
    topic: 'INTERETHNIC_COHESION',
    facilitatorName: 'A. T.',
    keyFindings: ['Les marchés rapprochent.'],
  });
  published = await recordTestimony(owner, forum.id, { workingGroup: group.id, text: 'Le marché hebdomadaire nous a réconciliés.' });
  published = await done(owner, 'publishTestimony', { publishedOn: '2025-12-01' }, published);
  waiting = await recordTestimony(owner, forum.id, { workingGroup: group.id, text: 'Nous attendons de rentrer chez nous.' });
  unconsented = await recordTestimony(owner, forum.id, {
    workingGroup: group.id,
    text: SECRET,
    consentToPublish: false,
    speakerRole: 'VICTIMS_OF_VIOLENT_EXTREMIST_GROUPS',
  });
  declaration = await createDeclaration(owner, forum.id);
  recommendation = await addRecommendation(owner, declaration.id);
  declaration = await done(owner, 'publishDeclaration', { publishedOn: '2025-11-25' }, declaration);
  recommendation = { ...recommendation, version: 2 };
  draft = await createDeclaration(owner, forum.id, { title: 'Projet confidentiel', translations: [] });
  draftRecommendation = await addRecommendation(owner, draft.id, { text: 'Recommandation en cours de rédaction.', translations: [] });
});
afterAll(() => stack.stop());

const FORUM = `query ($id: ID!) { forum(id: $id) {
  title countryCode convenors { id }
  participants { exact total { count } }
  workingGroups { topic facilitatorName keyFindings testimonies { id } }
  testimonies { id text consentToPublish }
  declarations { id publishedOn recommendations { id } }
} }`;
type ForumRead = {
  forum: {
    title: string;
    participants: { exact: boolean; total: { count: number } } | null;
    workingGroups: { facilitatorName: string | null; keyFindings: string[] | null; testimonies: { id: string }[] }[];
    testimonies: { id: string; text: string | null }[];
    declarations: { id: string; publishedOn: string | null; recommendations: { id: string }[] }[];
  };
};

const TESTIMONY = `query ($id: ID!) { testimony(id: $id) { id text recordedText speakerRole } }`;
const ids = <T extends { id: string }>(list: T[]) => list.map((x) => x.id);

describe('reading a forum, caller by caller', () => {
  it('anonymous: the forum and what is published; participants, findings and names refused UNAUTHENTICATED', async () => {
    const { data, errors } = await stack.forums.request<ForumRead>(FORUM, { id: forum.id });
    expect(data!.forum).toMatchObject({ title: expect.stringContaining('Forum national'), participants: null });
    expect(data!.forum.workingGroups).toEqual([
      { topic: 'INTERETHNIC_COHESION', facilitatorName: null, keyFindings: null, testimonies: [{ id: published.id }] },
    ]);
    expect(data!.forum.testimonies).toEqual([
      { id: published.id, text: 'Le marché hebdomadaire nous a réconciliés.', consentToPublish: true },
    ]);
    expect(data!.forum.declarations).toEqual([
      { id: declaration.id, publishedOn: '2025-11-25', recommendations: [{ id: recommendation.id }] },
    ]);
    expect(codes(errors)).toEqual([
      'forum.participants:UNAUTHENTICATED',
      'forum.workingGroups.0.facilitatorName:UNAUTHENTICATED',
      'forum.workingGroups.0.keyFindings:UNAUTHENTICATED',
    ]);
    expect(JSON.stringify(data)).not.toMatch(/fui|attendons|confidentiel/);
  });

  it.each([
    ['another partner, even with forums:sensitive', OTHER_PARTNER, 'forums:read forums:sensitive'],
    ['an admin of the platform', ORGS.platform, 'admin'],
  ])('%s: disclosure-controlled counts, findings, published records only; names FORBIDDEN', async (_label, organisation, scope) => {
    const caller = await stack.forums.as(organisation, scope);
    const { data, errors } = await caller<ForumRead>(FORUM, { id: forum.id });
    expect(data!.forum.participants).toEqual({ exact: false, total: { count: 54 } });
    expect(data!.forum.workingGroups).toEqual([
      {
        topic: 'INTERETHNIC_COHESION',
        facilitatorName: null,
        keyFindings: ['Les marchés rapprochent.'],
        testimonies: [{ id: published.id }],
      },
    ]);
    expect(ids(data!.forum.testimonies)).toEqual([published.id]);
    expect(ids(data!.forum.declarations)).toEqual([declaration.id]);
    expect(codes(errors)).toEqual(['forum.workingGroups.0.facilitatorName:FORBIDDEN']);
    for (const [id, query] of [
      [unconsented.id, TESTIMONY],
      [waiting.id, TESTIMONY],
      [draft.id, `query ($id: ID!) { declaration(id: $id) { id } }`],
      [draftRecommendation.id, `query ($id: ID!) { forumRecommendation(id: $id) { id } }`],
    ] as const) {
      const single = await caller<Record<string, unknown>>(query, { id });
      expect(Object.values(single.data!)).toEqual([null]);
      expect(single.errors).toBeUndefined();
    }
    const lists = await ok(
      caller<{ testimonies: { totalCount: number }; declarations: { totalCount: number }; forumRecommendations: { totalCount: number } }>(
        `{ testimonies { totalCount } declarations { totalCount } forumRecommendations { totalCount } }`,
      ),
    );
    expect(lists).toEqual({ testimonies: { totalCount: 1 }, declarations: { totalCount: 1 }, forumRecommendations: { totalCount: 1 } });
  });

  it('the owner without forums:sensitive: every record of its own, exact counts, but no testimony’s recorded text', async () => {
    const owner = await stack.forums.as(OWNER, 'forums:read forums:write');
    const { data, errors } = await owner<ForumRead>(FORUM, { id: forum.id });
    expect(data!.forum.participants).toEqual({ exact: true, total: { count: 54 } });
    expect(new Set(ids(data!.forum.testimonies))).toEqual(new Set([published.id, waiting.id, unconsented.id]));
    expect(data!.forum.testimonies.find((t) => t.id === unconsented.id)!.text).toBeNull();
    expect(new Set(ids(data!.forum.declarations))).toEqual(new Set([declaration.id, draft.id]));
    expect(codes(errors)).toEqual(['forum.workingGroups.0.facilitatorName:FORBIDDEN']);
    const single = await owner<{ testimony: { text: string | null; recordedText: string | null } }>(TESTIMONY, { id: unconsented.id });
    expect(single.data!.testimony).toMatchObject({ text: null, recordedText: null, speakerRole: 'VICTIMS_OF_VIOLENT_EXTREMIST_GROUPS' });
    expect(codes(single.errors)).toEqual(['testimony.recordedText:FORBIDDEN']);
  });

  it('the owner with forums:sensitive reads the recorded texts and names, and each read is audited with its purpose', async () => {
    const owner = await stack.forums.as(OWNER, 'forums:read forums:sensitive', 'rapporteur-2');
    const [{ last }] = (await stack.forums.db.dataSource.query(`SELECT coalesce(max(id), 0)::int AS last FROM audit_log`)) as [
      { last: number },
    ];
    const { data, errors } = await owner<{
      testimonies: { edges: { node: { id: string; recordedText: string } }[] };
      forum: { workingGroups: { facilitatorName: string }[] };
    }>(
      `query ($forum: ID!) { testimonies(filter: { forum: $forum, published: false }) { edges { node { id recordedText } } } forum(id: $forum) { workingGroups { facilitatorName } } }`,
      { forum: forum.id },
      { 'x-purpose': 'préparer la publication' },
    );
    expect(errors).toBeUndefined();
    expect(new Map(data!.testimonies.edges.map((e) => [e.node.id, e.node.recordedText]))).toEqual(
      new Map([
        [waiting.id, 'Nous attendons de rentrer chez nous.'],
        [unconsented.id, SECRET],
      ]),
    );
    expect(data!.forum.workingGroups).toEqual([{ facilitatorName: 'A. T.' }]);
    const reads = (await stack.forums.db.dataSource.query(
      `SELECT record_type, record_ids, fields, owner_org, actor, actor_org, purpose FROM audit_log WHERE action = 'READ' AND id > $1 ORDER BY record_type, record_ids`,
      [last],
    )) as {
      record_type: string;
      record_ids: string[];
      fields: string[];
      owner_org: string;
      actor: string;
      actor_org: string;
      purpose: string;
    }[];
    expect(reads.map((r) => [r.record_type, r.record_ids[0], r.fields])).toEqual([
      ['ForumWorkingGroup', group.id, ['facilitatorName']],
      ...[waiting.id, unconsented.id].sort().map((id) => ['Testimony', id, ['recordedText']]),
    ]);
    expect(
      reads.every(
        (r) => r.owner_org === OWNER && r.actor_org === OWNER && r.actor === 'rapporteur-2' && r.purpose === 'préparer la publication',
      ),
    ).toBe(true);
  });

  it("shows the owner its audit log and hides the owner's entries from other partners", async () => {
    const QUERY = `query ($id: ID!) { forumsAuditLog(recordId: $id, action: WRITE) { totalCount edges { node { operation recordType ownerOrganisation } } } }`;
    type Log = { forumsAuditLog: { totalCount: number; edges: { node: { operation: string; recordType: string } }[] } };
    const owner = await stack.forums.as(OWNER, 'forums:read');
    const mine = await ok(owner<Log>(QUERY, { id: published.id }));
    expect(mine.forumsAuditLog.edges.map((e) => e.node.operation)).toEqual(['publishTestimony', 'recordTestimony']);
    const other = await stack.forums.as(OTHER_PARTNER, 'forums:read');
    expect((await ok(other<Log>(QUERY, { id: published.id }))).forumsAuditLog.totalCount).toBe(0);
    const anonymous = await stack.forums.request(QUERY, { id: published.id });
    expect(codes(anonymous.errors)).toEqual(['forumsAuditLog:UNAUTHENTICATED']);
  });
});

describe('writes belong to their organisation', () => {
  let other: Client;
  beforeAll(async () => {
    other = await stack.forums.as(OTHER_PARTNER, 'forums:write forums:sensitive');
  });

  const attempts: [string, () => [string, Record<string, unknown>, Ref | undefined]][] = [
    ['change its forum', () => ['updateForum', { title: 'Repris' }, forum]],
    ['record participants of its forum', () => ['recordForumParticipants', { groups: [] }, forum]],
    ['add a working group to its forum', () => ['addForumWorkingGroup', { forum: forum.id, topic: 'GOOD_GOVERNANCE' }, undefined]],
    [
      'record a testimony at its forum',
      () => [
        'recordTestimony',
        {
          forum: forum.id,
          language: 'fra',
          text: 'x',
          speakerRole: 'YOUTH',
          speakerAgeGroup: 'YOUTH',
          speakerRegion: 'ML05',
          givenOn: '2025-11-19',
          consentToPublish: true,
        },
        undefined,
      ],
    ],
    ['withdraw consent of its published testimony', () => ['setTestimonyConsent', { consentToPublish: false }, published]],
    [
      'adopt a declaration at its forum',
      () => ['createDeclaration', { forum: forum.id, language: 'fra', title: 't', text: 'x', adoptedOn: '2025-11-20' }, undefined],
    ],
    ['translate its published declaration', () => ['saveDeclarationTranslation', { language: 'bam', title: 't', text: 'x' }, declaration]],
    [
      'add a recommendation to its declaration',
      () => ['addForumRecommendation', { declaration: declaration.id, theme: 'MEDIA', addressee: 'MEDIA', text: 'x' }, undefined],
    ],
    ['report on its recommendation', () => ['recordRecommendationFollowUp', { ...FOLLOW_UP, status: 'IMPLEMENTED' }, recommendation]],
  ];

  it.each(attempts)("refuses another partner's attempt to %s (FORBIDDEN), and writes nothing", async (_label, attempt) => {
    const before = await stack.forums.allRows();
    const [mutation, input, target] = attempt();
    const { data, errors } = await mutate(other, mutation, input, target);
    expect(data).toEqual({ [mutation]: null });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(errors![0]!.message).toMatch(/belongs to another organisation/);
    expect(await stack.forums.allRows()).toEqual(before);
  });

  it.each([
    ['publish its unconsented testimony', () => ['publishTestimony', { publishedOn: '2025-12-01' }, unconsented] as const],
    ['publish its draft declaration', () => ['publishDeclaration', { publishedOn: '2025-12-01' }, draft] as const],
    [
      'report on a recommendation of its draft',
      () => ['recordRecommendationFollowUp', { ...FOLLOW_UP, status: 'IN_PROGRESS' }, draftRecommendation] as const,
    ],
  ])('does not even show another partner that it could %s (NOT_FOUND), and writes nothing', async (_label, attempt) => {
    const before = await stack.forums.allRows();
    const [mutation, input, target] = attempt();
    const { errors } = await mutate(other, mutation, input, target);
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await stack.forums.allRows()).toEqual(before);
  });

  it('refuses writes without forums:write, and anonymous writes', async () => {
    const reader = await stack.forums.as(OWNER, 'forums:read forums:sensitive');
    const before = await stack.forums.allRows();
    const refused = await mutate(reader, 'updateForum', { title: 'Nouveau titre' }, forum);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toMatch(/forums:write/);
    const anonymous = await mutate(stack.forums.request, 'updateForum', { title: 'Nouveau titre' }, forum);
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await stack.forums.allRows()).toEqual(before);
  });

  it('records every write in the audit log, in its transaction', async () => {
    const before = await stack.forums.rows('audit_log');
    const changed = await done(
      stack.forums.owner,
      'updateForum',
      { venue: { adminArea: 'ML09', name: 'Palais de la culture' } },
      (await ok(stack.forums.owner<{ forum: Ref }>(`query ($id: ID!) { forum(id: $id) { id version } }`, { id: forum.id }))).forum,
    );
    const [row] = (await stack.forums.db.dataSource.query(
      `SELECT action, operation, record_type, record_ids, fields, owner_org, actor FROM audit_log ORDER BY id DESC LIMIT 1`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      action: 'WRITE',
      operation: 'updateForum',
      record_type: 'Forum',
      record_ids: [forum.id],
      fields: ['venue'],
      owner_org: OWNER,
      actor: 'rapporteur-1',
    });
    expect(await stack.forums.rows('audit_log')).toBe(before + 1);
    forum = changed;
  });

  it('names the rows a write made with its record in the same audit row', async () => {
    const before = await stack.forums.rows('audit_log');
    const made = await createDeclaration(stack.forums.owner, forum.id, { recipients: [{ recipient: 'Ministère de la Réconciliation' }] });
    const [row] = (await stack.forums.db.dataSource.query(
      `SELECT operation, record_type, record_ids FROM audit_log ORDER BY id DESC LIMIT 1`,
    )) as { operation: string; record_type: string; record_ids: string[] }[];
    const children = (await stack.forums.db.dataSource.query(
      `SELECT id FROM declaration_text WHERE declaration_id = $1 UNION ALL SELECT id FROM declaration_recipient WHERE declaration_id = $1`,
      [made.id],
    )) as { id: string }[];
    expect(children).toHaveLength(3);
    expect(row!.operation).toBe('createDeclaration');
    expect(row!.record_type).toBe('Declaration');
    expect(row!.record_ids[0]).toBe(made.id);
    expect([...row!.record_ids.slice(1)].sort()).toEqual(children.map((c) => c.id).sort());
    expect(await stack.forums.rows('audit_log')).toBe(before + 1);
  });
});
