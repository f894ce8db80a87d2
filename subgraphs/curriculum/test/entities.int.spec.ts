import { ok } from './fixtures';
import { ORGS, startCurriculum, type CurriculumUnderTest } from './support';
import { buildWorld, type World } from './world';

let curriculum: CurriculumUnderTest;
let world: World;
let coaching: string;
beforeAll(async () => {
  curriculum = await startCurriculum();
  world = await buildWorld(curriculum);
  const [row] = (await curriculum.db.dataSource.query(`SELECT id FROM coaching_session`)) as { id: string }[];
  coaching = row!.id;
});
afterAll(() => curriculum.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Module { id title }
    ... on SessionPlan { id number }
    ... on Facilitator { id fullName }
    ... on Cohort { id name }
    ... on SessionDelivery { id sessionNumber deliveredOn }
    ... on CommunityActionPlan { id title }
    ... on PlannedAction { id responsibleGroup }
    ... on SocialMobilisation { id activity }
    ... on StaffTraining { id title }
    ... on CoachingSession { id mode }
    ... on DialogueProcess { id topic status }
  }
}`;

describe('federation contract (_entities)', () => {
  it('resolves a reference of every entity the curriculum owns, in order, null for unknown keys', async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const data = await ok<{ _entities: unknown[] }>(owner, ENTITIES, {
      representations: [
        { __typename: 'Module', id: world.module },
        { __typename: 'SessionPlan', id: world.plans[1] },
        { __typename: 'Facilitator', id: world.aminata },
        { __typename: 'Cohort', id: world.cohort },
        { __typename: 'SessionDelivery', id: world.delivery },
        { __typename: 'CommunityActionPlan', id: world.actionPlan },
        { __typename: 'PlannedAction', id: world.action },
        { __typename: 'SocialMobilisation', id: world.mobilisation },
        { __typename: 'StaffTraining', id: world.training },
        { __typename: 'CoachingSession', id: coaching },
        { __typename: 'DialogueProcess', id: world.dialogue },
        { __typename: 'Cohort', id: '00000000-0000-4000-8000-00000000dead' },
        { __typename: 'Facilitator', id: 'aminata' },
      ],
    });
    expect(data._entities).toEqual([
      { __typename: 'Module', id: world.module, title: 'Peace and Security' },
      { __typename: 'SessionPlan', id: world.plans[1], number: 2 },
      { __typename: 'Facilitator', id: world.aminata, fullName: 'Aminata Diallo' },
      { __typename: 'Cohort', id: world.cohort, name: 'Kédougou class' },
      { __typename: 'SessionDelivery', id: world.delivery, sessionNumber: 1, deliveredOn: '2025-02-10' },
      { __typename: 'CommunityActionPlan', id: world.actionPlan, title: 'Kédougou plan' },
      { __typename: 'PlannedAction', id: world.action, responsibleGroup: 'Community Management Committee' },
      { __typename: 'SocialMobilisation', id: world.mobilisation, activity: 'THEATRE' },
      { __typename: 'StaffTraining', id: world.training, title: 'Conflict resolution and group facilitation' },
      { __typename: 'CoachingSession', id: coaching, mode: 'REMOTE' },
      { __typename: 'DialogueProcess', id: world.dialogue, topic: 'Sharing water points', status: 'ONGOING' },
      null,
      null,
    ]);
  });

  it("adds the curriculum's fields to the directory's Community, Organisation and Language", async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const data = await ok<{ _entities: unknown[] }>(
      owner,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        __typename
        ... on Community { id cohorts { name } actionPlans { title } socialMobilisationsReached { activity } }
        ... on Organisation { id facilitators { fullName } staffTrainingsRun { title } }
        ... on Language { code cohorts { name } }
      } }`,
      {
        representations: [
          { __typename: 'Community', id: world.kedougou },
          { __typename: 'Community', id: world.douentza },
          { __typename: 'Organisation', id: ORGS.educators },
          { __typename: 'Organisation', id: ORGS.mediators },
          { __typename: 'Language', code: 'dyo' },
        ],
      },
    );
    expect(data._entities).toEqual([
      {
        __typename: 'Community',
        id: world.kedougou,
        cohorts: [{ name: 'Kédougou class' }],
        actionPlans: [{ title: 'Kédougou plan' }],
        socialMobilisationsReached: [{ activity: 'THEATRE' }],
      },
      { __typename: 'Community', id: world.douentza, cohorts: [], actionPlans: [], socialMobilisationsReached: [] },
      {
        __typename: 'Organisation',
        id: ORGS.educators,
        facilitators: [{ fullName: 'Aminata Diallo' }, { fullName: 'Khady Ndiaye' }, { fullName: 'Ousmane Sagna' }],
        staffTrainingsRun: [{ title: 'Conflict resolution and group facilitation' }],
      },
      { __typename: 'Organisation', id: ORGS.mediators, facilitators: [], staffTrainingsRun: [] },
      { __typename: 'Language', code: 'dyo', cohorts: [{ name: 'Oussouye class' }] },
    ]);
  });

  it('batches 50 references of one type, and 50 communities with their cohorts, into one statement each', async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    curriculum.db.statements.reset();
    const cohorts = await ok<{ _entities: unknown[] }>(owner, ENTITIES, {
      representations: Array.from({ length: 50 }, () => ({ __typename: 'Cohort', id: world.cohort })),
    });
    expect(cohorts._entities).toHaveLength(50);
    expect(curriculum.db.statements.count).toBe(1);

    const communities = Array.from({ length: 50 }, (_, i) => ({
      __typename: 'Community',
      id: i % 2 ? world.kedougou : `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`,
    }));
    curriculum.db.statements.reset();
    const data = await ok<{ _entities: { cohorts: unknown[] }[] }>(
      owner,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { cohorts(first: 5) { name } } } }`,
      { r: communities },
    );
    expect(data._entities.filter((c) => c.cohorts.length === 1)).toHaveLength(25);
    expect(curriculum.db.statements.count).toBe(1);
  });

  it('publishes its schema through _service for composition', async () => {
    const { data } = await curriculum.request<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    expect(data!._service.sdl).toMatch(/type Cohort\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toMatch(/type Community\s+@key\(fields: "id"\)/);
  });
});
