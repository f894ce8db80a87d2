import { COMMUNITIES, ECOWAS, MINISTRY, OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from '../../test/support';
import { FORUM, createForum, done, ok, type Client } from '../../test/fixtures';

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
