import { OTHER_PARTNER, startStack, type StackUnderTest } from '../../test/support';
import { createForum, done, ok, recordTestimony, type Client, type Ref } from '../../test/fixtures';

let stack: StackUnderTest;
let owner: Client;
let reader: Client;

beforeAll(async () => {
  stack = await startStack();
  owner = stack.forums.owner;
  reader = await stack.forums.as(OTHER_PARTNER, 'forums:read');
});
afterAll(() => stack.stop());

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
