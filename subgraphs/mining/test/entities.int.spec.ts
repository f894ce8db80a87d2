import { ok } from './fixtures';
import { COMMUNITIES, FINKOLO, ORGS, OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from './support';
import { buildWorld, type World } from './world';

let mining: MiningUnderTest;
let world: World;
beforeAll(async () => {
  mining = await startMining();
  world = await buildWorld(mining);
});
afterAll(() => mining.stop());

const OWN_ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on LegalInstrument { id shortTitle provisionCount }
  ... on Provision { id article instrument { id } }
  ... on MiningSite { id name community { id } }
  ... on CommunityConsultation { id heldOn }
  ... on MiningTraining { id title participants { total { count } } }
  ... on PolicyDialogue { id level }
  ... on PolicyCommitment { id number status }
  ... on MediaIntervention { id kind }
  ... on Publication { id copiesDistributed }
} }`;

const DIRECTORY_ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on Community { id miningSites { name } miningTrainings(kind: ADVOCACY) { title } miningConsultations { id } }
  ... on AdminArea { pcode miningTrainings(first: 2) { title } miningReach { miningSites trainings peopleTrained { count } consultations mediaInterventions exact } }
  ... on Organisation { id miningTrainingsGiven { title } miningSitesOperated { name } }
} }`;

describe('federation contract (_entities)', () => {
  it('resolves references to each of its entities, in order, null for unknown keys', async () => {
    const reader = await mining.as(OTHER_PARTNER, 'mining:read');
    const { _entities } = await ok<{ _entities: unknown[] }>(reader, OWN_ENTITIES, {
      representations: [
        { __typename: 'LegalInstrument', id: world.emmmda.id },
        { __typename: 'Provision', id: world.emmmda.articles['36'] },
        { __typename: 'MiningSite', id: world.sites.panning },
        { __typename: 'CommunityConsultation', id: world.consultation },
        { __typename: 'MiningTraining', id: world.trainings.nampala },
        { __typename: 'PolicyDialogue', id: world.dialogue },
        { __typename: 'PolicyCommitment', id: world.commitments[1] },
        { __typename: 'MediaIntervention', id: world.radio },
        { __typename: 'Publication', id: world.booklet },
        { __typename: 'MiningTraining', id: '00000000-0000-4000-8000-00000000c0de' },
        { __typename: 'MiningSite', id: 'not-a-uuid' },
      ],
    });
    expect(_entities).toEqual([
      { __typename: 'LegalInstrument', id: world.emmmda.id, shortTitle: 'EMMMDA', provisionCount: 5 },
      { __typename: 'Provision', id: world.emmmda.articles['36'], article: '36', instrument: { id: world.emmmda.id } },
      { __typename: 'MiningSite', id: world.sites.panning, name: 'Kalana gold-panning area', community: { id: COMMUNITIES.Kalana } },
      { __typename: 'CommunityConsultation', id: world.consultation, heldOn: expect.any(String) },
      {
        __typename: 'MiningTraining',
        id: world.trainings.nampala,
        title: 'Community development agreements under the Mali code',
        participants: { total: { count: 40 } },
      },
      { __typename: 'PolicyDialogue', id: world.dialogue, level: 'NATIONAL' },
      { __typename: 'PolicyCommitment', id: world.commitments[1], number: 2, status: 'MADE' },
      { __typename: 'MediaIntervention', id: world.radio, kind: 'RADIO' },
      { __typename: 'Publication', id: world.booklet, copiesDistributed: 2450 },
      null,
      null,
    ]);
  });

  it('answers its fields on the directory’s communities, admin areas (and below) and organisations', async () => {
    const owner = await mining.as(OWNER, 'mining:read');
    const { _entities } = await ok<{ _entities: unknown[] }>(owner, DIRECTORY_ENTITIES, {
      representations: [
        { __typename: 'Community', id: COMMUNITIES.Kalana },
        { __typename: 'Community', id: FINKOLO },
        { __typename: 'AdminArea', pcode: 'ML03' },
        { __typename: 'AdminArea', pcode: 'ML0306' },
        { __typename: 'AdminArea', pcode: 'BF56' },
        { __typename: 'Organisation', id: OWNER },
        { __typename: 'Organisation', id: ORGS.educators },
      ],
    });
    expect(_entities).toEqual([
      {
        __typename: 'Community',
        id: COMMUNITIES.Kalana,
        miningSites: [{ name: 'Kalana gold-panning area' }, { name: 'Kalana small-scale gold mine' }],
        miningTrainings: [{ title: 'The mining act for community leaders' }],
        miningConsultations: [{ id: world.consultation }],
      },
      { __typename: 'Community', id: FINKOLO, miningSites: [{ name: 'Finkolo gold mine' }], miningTrainings: [], miningConsultations: [] },
      {
        __typename: 'AdminArea',
        pcode: 'ML03',
        miningTrainings: [
          { title: 'Mining conflicts for local officials' },
          { title: 'Community development agreements under the Mali code' },
        ],
        miningReach: { miningSites: 3, trainings: 4, peopleTrained: { count: 132 }, consultations: 1, mediaInterventions: 1, exact: false },
      },
      {
        __typename: 'AdminArea',
        pcode: 'ML0306',
        miningTrainings: [{ title: 'Safer artisanal gold mining' }, { title: 'The mining act for community leaders' }],
        miningReach: { miningSites: 2, trainings: 2, peopleTrained: { count: 87 }, consultations: 1, mediaInterventions: 1, exact: true },
      },
      {
        __typename: 'AdminArea',
        pcode: 'BF56',
        miningTrainings: [],
        miningReach: { miningSites: 0, trainings: 0, peopleTrained: { count: 0 }, consultations: 0, mediaInterventions: 0, exact: true },
      },
      {
        __typename: 'Organisation',
        id: OWNER,
        miningTrainingsGiven: [
          { title: 'Community development agreements under the Mali code' },
          { title: 'Safer artisanal gold mining' },
          { title: 'The mining act for community leaders' },
        ],
        miningSitesOperated: [],
      },
      { __typename: 'Organisation', id: ORGS.educators, miningTrainingsGiven: [], miningSitesOperated: [{ name: 'Finkolo gold mine' }] },
    ]);
  });

  it('leaves an anonymous caller the directory’s key, with its partner fields null and UNAUTHENTICATED', async () => {
    const { data, errors } = await mining.request<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id miningSites { name } } } }`,
      {
        r: [{ __typename: 'Community', id: COMMUNITIES.Kalana }],
      },
    );
    expect(data!._entities).toEqual([{ id: COMMUNITIES.Kalana, miningSites: null }]);
    expect(errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['_entities.0.miningSites', 'UNAUTHENTICATED']]);
  });

  it('publishes its schema through _service: its entities, and the directory’s Community, AdminArea and Organisation extended', async () => {
    const { data } = await mining.request<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const sdl = data!._service.sdl;
    for (const type of [
      'LegalInstrument',
      'Provision',
      'MiningSite',
      'CommunityConsultation',
      'MiningTraining',
      'PolicyDialogue',
      'PolicyCommitment',
      'MediaIntervention',
      'Publication',
    ]) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/type Community\s+@key\(fields: "id"\)\s*\{[^}]*miningSites[^}]*miningTrainings/);
    expect(sdl).toMatch(/type AdminArea\s+@key\(fields: "pcode"\)\s*\{[^}]*miningTrainings[^}]*miningReach/);
    expect(sdl).toMatch(/type Organisation\s+@key\(fields: "id"\)\s*\{[^}]*miningTrainingsGiven[^}]*miningSitesOperated/);
  });
});
