import { answeredOnce, atOnce, outcomes, retriedCreate } from '@peacegraph/kit/testing';
import { DECLARATION, FORUM, RECOMMENDATION, TESTIMONY, createDeclaration, createForum, mutate, type Ref } from './fixtures';
import { startStack, type StackUnderTest } from './support';

/**
 * Writes that arrive at the same instant, over HTTP: 50 copies of one keyed create make one record
 * and all answer with it; recommendations per declaration stop at 200, numbered without gaps, and
 * recipients stop at 50 whatever arrives at once (a declaration's changes go through its version).
 */
let stack: StackUnderTest;
let forum: Ref;
let declaration: Ref;
beforeAll(async () => {
  stack = await startStack();
  forum = await createForum(stack.forums.owner);
  declaration = await createDeclaration(stack.forums.owner, forum.id);
});
afterAll(() => stack.stop());

const send = (name: string, input: Record<string, unknown>, target?: Ref) => mutate(stack.forums.owner, name, input, target);

/** Every create mutation that takes a clientMutationId, with an input that is valid once. */
const KEYED: [string, string, () => Record<string, unknown>][] = [
  ['createForum', 'forum', () => ({ ...FORUM, title: 'Forum régional de Mopti' })],
  [
    'addForumWorkingGroup',
    'working_group',
    () => ({ forum: forum.id, topic: 'INTERETHNIC_COHESION', keyFindings: ['Les marchés rapprochent les communautés'] }),
  ],
  ['recordTestimony', 'testimony', () => ({ forum: forum.id, ...TESTIMONY })],
  ['createDeclaration', 'declaration', () => ({ forum: forum.id, ...DECLARATION, title: 'Déclaration de Ségou' })],
  ['addForumRecommendation', 'recommendation', () => ({ declaration: declaration.id, ...RECOMMENDATION })],
];

describe('a create sent 50 times at once with one clientMutationId', () => {
  it.each(KEYED)('%s makes one record and every copy answers with it', async (name, table, inputFor) => {
    const input = { ...inputFor(), clientMutationId: `retry-${name}` };
    // A copy sent again afterwards answers the same, even though the input would now be refused.
    expect(
      await retriedCreate(50, () => send(name, input), name, { db: stack.forums.db, table, clientMutationId: `retry-${name}` }),
    ).toEqual(answeredOnce(50));
  });
});

describe('at most 200 recommendations per declaration', () => {
  it.each([
    [0, 210],
    [195, 12],
    [200, 3],
  ])('with %i, %i added at once store only what fits, numbered one after another', async (before, together) => {
    const target = await createDeclaration(stack.forums.owner, forum.id, { title: `Déclaration ${before}-${together}`, translations: [] });
    const add = (i: number) =>
      send('addForumRecommendation', { declaration: target.id, ...RECOMMENDATION, translations: [], text: `Recommandation ${i}` });
    if (before > 0) expect(outcomes(await atOnce(before, add), 'addForumRecommendation').refusals).toEqual([]);
    const { ids, refusals } = outcomes(await atOnce(together, (i) => add(before + i)), 'addForumRecommendation');
    expect(ids).toHaveLength(Math.min(together, 200 - before));
    expect(refusals).toEqual(Array(together - ids.length).fill('BAD_USER_INPUT input.declaration'));
    const numbers = await stack.forums.db.dataSource.query(`SELECT number FROM recommendation WHERE declaration_id = $1 ORDER BY number`, [
      target.id,
    ]);
    expect(numbers.map((n: { number: number }) => n.number)).toEqual(
      Array.from({ length: Math.min(200, before + together) }, (_, i) => i + 1),
    );
  });
});

describe('at most 50 recipients per declaration', () => {
  it('of 10 recipients added at once to a declaration with 49, one is stored; the next is refused', async () => {
    const recipients = Array.from({ length: 49 }, (_, i) => ({ recipient: `Recipient ${i}` }));
    const target = await createDeclaration(stack.forums.owner, forum.id, {
      title: 'Déclaration aux 49 destinataires',
      translations: [],
      recipients,
    });
    const responses = await atOnce(10, (i) => send('addDeclarationRecipient', { recipient: `Late recipient ${i}` }, target));
    const accepted = responses.filter((r) => !r.errors);
    expect(accepted).toHaveLength(1);
    // Each loser sent the version it read: refused as out of date (CONFLICT), or, when it read the
    // declaration after the winner had filled it, as one recipient too many. Both are right.
    const refusals = responses.filter((r) => r.errors).map((r) => outcomes([r], 'addDeclarationRecipient').refusals[0]);
    expect(refusals).toHaveLength(9);
    for (const refusal of refusals) expect(['CONFLICT', 'BAD_USER_INPUT input.recipient']).toContain(refusal);
    const now = accepted[0]!.data!.addDeclarationRecipient!;
    const refused = await send('addDeclarationRecipient', { recipient: 'One too many' }, now);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recipient' });
    expect(
      (
        await stack.forums.db.dataSource.query(`SELECT count(*)::int AS n FROM declaration_recipient WHERE declaration_id = $1`, [
          target.id,
        ])
      )[0].n,
    ).toBe(50);
  });
});

describe('recommendations added while their declaration is published', () => {
  it.each([1, 8, 25])('each of %i added at once carries the declaration’s publication date, whichever came first', async (together) => {
    const target = await createDeclaration(stack.forums.owner, forum.id, { title: `Déclaration publiée ${together}`, translations: [] });
    const add = (i: number) =>
      send('addForumRecommendation', { declaration: target.id, ...RECOMMENDATION, translations: [], text: `Recommandation publiée ${i}` });
    const [published, added] = await Promise.all([
      send('publishDeclaration', { publishedOn: '2025-12-01' }, target),
      atOnce(together, add),
    ]);
    expect(published.errors).toBeUndefined();
    expect(outcomes(added, 'addForumRecommendation').refusals).toEqual([]);
    const rows = await stack.forums.db.dataSource.query(
      `SELECT r.published_on::text AS recommendation, d.published_on::text AS declaration FROM recommendation r JOIN declaration d ON d.id = r.declaration_id WHERE d.id = $1`,
      [target.id],
    );
    expect(rows).toHaveLength(together);
    expect(rows.filter((r: { recommendation: string | null; declaration: string }) => r.recommendation !== r.declaration)).toEqual([]);
    expect(rows[0].declaration).toBe('2025-12-01');
  });
});
