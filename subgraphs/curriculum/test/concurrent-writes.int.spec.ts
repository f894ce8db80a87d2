import { answeredOnce, atOnce, outcomes, retriedCreate, rowsWithKey, type GraphQLResponse } from '@peacegraph/kit/testing';
import { RECORD_DELIVERY, cohort, deliver, module, ok, start, THEMES } from './fixtures';
import { startCurriculum, type CurriculumUnderTest } from './support';
import { buildWorld, type World } from './world';

/**
 * Writes that arrive at the same instant, over HTTP: 50 copies of one keyed create make one record
 * and all answer with it; limits per cohort, plan and training hold when more writers come at once
 * than there is room for, the rest being refused with BAD_USER_INPUT naming the field.
 */
let curriculum: CurriculumUnderTest;
let world: World;
beforeAll(async () => {
  curriculum = await startCurriculum();
  world = await buildWorld(curriculum);
});
afterAll(() => curriculum.stop());

let made = 0;
/** A cohort of the world's module, started on 2025-02-10, with a name of its own. */
async function startedCohort(): Promise<string> {
  made += 1;
  const created = await cohort(curriculum.owner, {
    name: `Class ${made}`,
    module: world.module,
    community: world.kedougou,
    language: 'fuc',
    facilitators: [world.aminata],
  });
  await start(curriculum.owner, created.id, created.version, '2025-02-10');
  return created.id;
}

async function training(): Promise<string> {
  made += 1;
  const { createStaffTraining } = await ok<{ createStaffTraining: { id: string } }>(
    curriculum.owner,
    `mutation ($input: CreateStaffTrainingInput!) { createStaffTraining(input: $input) { id } }`,
    {
      input: {
        title: `Mediation skills ${made}`,
        topics: ['Mediation'],
        startsOn: '2025-01-06',
        endsOn: '2025-01-10',
        trainees: [{ country: 'ML', women: 10, men: 10 }],
      },
    },
  );
  return createStaffTraining.id;
}

/** A day from 2025-03-01 on, one per index. */
const day = (i: number) => new Date(Date.UTC(2025, 2, 1) + i * 86_400_000).toISOString().slice(0, 10);
const ACTIVITIES = ['COMMUNITY_MEETING', 'INTER_VILLAGE_MEETING', 'THEATRE', 'RADIO_BROADCAST', 'HOME_VISITS'];
const PEOPLE = { femaleAdults: 20, maleAdults: 15 };

const MUTATIONS = {
  createModule: 'CreateModuleInput',
  addSessionPlan: 'AddSessionPlanInput',
  createFacilitator: 'CreateFacilitatorInput',
  createCohort: 'CreateCohortInput',
  recordSessionDelivery: 'RecordSessionDeliveryInput',
  createCommunityActionPlan: 'CreateCommunityActionPlanInput',
  addPlannedAction: 'AddPlannedActionInput',
  recordSocialMobilisation: 'RecordSocialMobilisationInput',
  createStaffTraining: 'CreateStaffTrainingInput',
  recordCoachingSession: 'RecordCoachingSessionInput',
  recordDialogueProcess: 'RecordDialogueProcessInput',
} as const;
type Mutation = keyof typeof MUTATIONS;
const mutationText = (name: Mutation) => `mutation ($input: ${MUTATIONS[name]}!) { ${name}(input: $input) { id } }`;

function send(name: Mutation, input: Record<string, unknown>) {
  return curriculum.owner<Record<string, { id: string } | null>>(mutationText(name), { input });
}

/** Every create mutation that takes a clientMutationId, with an input that is valid once. */
const KEYED: [Mutation, string, () => Promise<Record<string, unknown>>][] = [
  ['createModule', 'module', async () => ({ title: 'Dialogue for peace', edition: '2025' })],
  [
    'addSessionPlan',
    'session_plan',
    async () => ({
      module: (await module(curriculum.owner, 'Community cohesion', 2)).id,
      number: 3,
      title: 'Session 3',
      theme: THEMES[0],
      objectives: ['Listen'],
      durationMinutes: 90,
      audiences: ['WOMEN'],
    }),
  ],
  ['createFacilitator', 'facilitator', async () => ({ fullName: 'Mariama Bâ', languages: ['fuc'], certifiedModules: [world.module] })],
  [
    'createCohort',
    'cohort',
    async () => ({
      name: 'Retried class',
      module: world.module,
      community: world.kedougou,
      language: 'fuc',
      facilitators: [world.aminata],
      audiences: ['MEN'],
      enrolment: { maleAdults: 10 },
      plannedStart: '2025-05-05',
    }),
  ],
  [
    'recordSessionDelivery',
    'session_delivery',
    async () => ({
      cohort: await startedCohort(),
      sessionNumber: 1,
      deliveredOn: '2025-02-11',
      attendance: { femaleAdults: 8, maleAdults: 7 },
    }),
  ],
  [
    'createCommunityActionPlan',
    'community_action_plan',
    async () => ({ cohort: await startedCohort(), title: 'Water points plan', adoptedOn: '2025-03-03' }),
  ],
  [
    'addPlannedAction',
    'planned_action',
    async () => ({ actionPlan: world.actionPlan, description: 'Mark the cattle tracks', responsibleGroup: 'Herders', dueOn: '2025-06-01' }),
  ],
  [
    'recordSocialMobilisation',
    'social_mobilisation',
    async () => ({
      cohort: world.cohort,
      heldOn: '2025-04-02',
      activity: 'RADIO_BROADCAST',
      communitiesReached: [world.kedougou],
      peopleReached: PEOPLE,
    }),
  ],
  [
    'createStaffTraining',
    'staff_training',
    async () => ({
      title: 'Retried training',
      topics: ['Listening'],
      startsOn: '2025-02-03',
      endsOn: '2025-02-05',
      trainees: [{ country: 'SN', women: 4, men: 4 }],
    }),
  ],
  [
    'recordCoachingSession',
    'coaching_session',
    async () => ({
      staffTraining: world.training,
      heldOn: '2025-03-20',
      mode: 'IN_PERSON',
      focus: 'Opening a dialogue',
      participantsCoached: 5,
    }),
  ],
  [
    'recordDialogueProcess',
    'dialogue_process',
    async () => ({
      staffTraining: world.training,
      topic: 'Grazing calendars',
      community: world.kedougou,
      startedOn: '2025-03-05',
      participants: PEOPLE,
    }),
  ],
];

describe('a create sent 50 times at once with one clientMutationId', () => {
  it.each(KEYED)('%s makes one record and every copy answers with it', async (name, table, inputFor) => {
    const input = { ...(await inputFor()), clientMutationId: `retry-${name}` };
    // A copy sent again afterwards answers the same, even though the input would now be refused.
    expect(await retriedCreate(50, () => send(name, input), name, { db: curriculum.db, table, clientMutationId: `retry-${name}` })).toEqual(
      answeredOnce(50),
    );
  });

  it('is still refused for a reason of its own, and leaves nothing', async () => {
    const input = {
      cohort: world.plannedCohort,
      sessionNumber: 1,
      deliveredOn: '2025-02-11',
      attendance: { femaleAdults: 1 },
      clientMutationId: 'planned-cohort',
    };
    const { ids, refusals } = outcomes(await atOnce(20, () => send('recordSessionDelivery', input)), 'recordSessionDelivery');
    expect(ids).toEqual([]);
    expect(new Set(refusals)).toEqual(new Set(['BAD_USER_INPUT input.cohort']));
    expect(await rowsWithKey(curriculum.db, 'session_delivery', 'planned-cohort')).toBe(0);
  });
});

/** `before` written one after another, then `together` at once: how many of the latter were stored, and the refusals. */
async function fill(
  before: number,
  together: number,
  write: (i: number) => Promise<GraphQLResponse<Record<string, unknown>>>,
  name: Mutation,
) {
  for (let i = 0; i < before; i += 1) {
    const response = await write(i);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
  }
  return outcomes(await atOnce(together, (i) => write(before + i)), name);
}

describe('at most 50 social mobilisations per cohort', () => {
  it.each([
    [0, 60],
    [30, 40],
    [49, 10],
    [50, 5],
  ])('with %i recorded, %i at once store only what fits', async (before, together) => {
    const id = await startedCohort();
    const mobilise = (i: number) =>
      send('recordSocialMobilisation', {
        cohort: id,
        heldOn: day(Math.floor(i / ACTIVITIES.length)),
        activity: ACTIVITIES[i % ACTIVITIES.length],
        communitiesReached: [world.kedougou],
        peopleReached: PEOPLE,
      });
    const { ids, refusals } = await fill(before, together, mobilise, 'recordSocialMobilisation');
    expect(ids).toHaveLength(Math.min(together, 50 - before));
    expect(refusals).toEqual(Array(together - ids.length).fill('BAD_USER_INPUT input.cohort'));
    expect(
      (await curriculum.db.dataSource.query(`SELECT count(*)::int AS n FROM social_mobilisation WHERE cohort_id = $1`, [id]))[0].n,
    ).toBe(Math.min(50, before + together));
  });
});

describe('at most 50 actions per community action plan', () => {
  it.each([
    [1, 60],
    [45, 12],
    [50, 3],
  ])('a plan adopted with %i actions takes only what fits of %i added at once', async (initial, together) => {
    const action = (i: number) => ({ description: `Action ${i}`, responsibleGroup: 'Youth group', dueOn: '2025-06-01' });
    const { createCommunityActionPlan } = await ok<{ createCommunityActionPlan: { id: string } }>(
      curriculum.owner,
      `mutation ($input: CreateCommunityActionPlanInput!) { createCommunityActionPlan(input: $input) { id } }`,
      {
        input: {
          cohort: await startedCohort(),
          title: 'Plan',
          adoptedOn: '2025-03-03',
          actions: Array.from({ length: initial }, (_, i) => action(i)),
        },
      },
    );
    const add = (i: number) => send('addPlannedAction', { actionPlan: createCommunityActionPlan.id, ...action(initial + i) });
    const { ids, refusals } = await fill(0, together, add, 'addPlannedAction');
    expect(ids).toHaveLength(50 - initial);
    expect(refusals).toEqual(Array(together - ids.length).fill('BAD_USER_INPUT input.actionPlan'));
    expect(
      (
        await curriculum.db.dataSource.query(`SELECT count(*)::int AS n FROM planned_action WHERE action_plan_id = $1`, [
          createCommunityActionPlan.id,
        ])
      )[0].n,
    ).toBe(50);
  });
});

describe('at most 50 coaching sessions and 50 dialogue processes per staff training', () => {
  it.each([
    [0, 55],
    [40, 20],
  ])('coaching: with %i recorded, %i at once store only what fits', async (before, together) => {
    const id = await training();
    const coach = (i: number) =>
      send('recordCoachingSession', {
        staffTraining: id,
        heldOn: '2025-02-01',
        mode: 'REMOTE',
        focus: `Focus ${i}`,
        participantsCoached: 3,
      });
    const { ids, refusals } = await fill(before, together, coach, 'recordCoachingSession');
    expect(ids).toHaveLength(50 - before);
    expect(refusals).toEqual(Array(together - ids.length).fill('BAD_USER_INPUT input.staffTraining'));
    expect(
      (await curriculum.db.dataSource.query(`SELECT count(*)::int AS n FROM coaching_session WHERE staff_training_id = $1`, [id]))[0].n,
    ).toBe(50);
  });

  it('dialogue processes: 55 at once store 50', async () => {
    const id = await training();
    const lead = (i: number) =>
      send('recordDialogueProcess', {
        staffTraining: id,
        topic: `Topic ${i}`,
        community: world.douentza,
        startedOn: '2025-02-01',
        participants: PEOPLE,
      });
    const { ids, refusals } = await fill(0, 55, lead, 'recordDialogueProcess');
    expect(ids).toHaveLength(50);
    expect(refusals).toEqual(Array(5).fill('BAD_USER_INPUT input.staffTraining'));
  });
});

describe('a session is delivered once per cohort, with at most 3 make-ups', () => {
  it.each([2, 10, 30])('%i deliveries of one session at once store one', async (together) => {
    const id = await startedCohort();
    const responses = await atOnce(together, (i) =>
      curriculum.owner(RECORD_DELIVERY, {
        input: { cohort: id, sessionNumber: 2, deliveredOn: day(i % 20), attendance: { femaleAdults: 5 } },
      }),
    );
    const { ids, refusals } = outcomes(responses, 'recordSessionDelivery');
    expect(ids).toHaveLength(1);
    expect(refusals).toEqual(Array(together - 1).fill('BAD_USER_INPUT input.sessionNumber'));
  });

  it.each([4, 12])('%i make-ups of one session at once store 3', async (together) => {
    const id = await startedCohort();
    await deliver(curriculum.owner, id, 1, '2025-02-20');
    const responses = await atOnce(together, (i) =>
      curriculum.owner(RECORD_DELIVERY, {
        input: { cohort: id, sessionNumber: 1, deliveredOn: day(i), makeUp: true, attendance: { femaleAdults: 2 } },
      }),
    );
    const { ids, refusals } = outcomes(responses, 'recordSessionDelivery');
    expect(ids).toHaveLength(3);
    expect(refusals).toEqual(Array(together - 3).fill('BAD_USER_INPUT input.makeUp'));
  });
});

describe('one action plan per cohort, and session plans numbered one after another', () => {
  it('of 20 action plans created at once for one cohort, one is stored', async () => {
    const id = await startedCohort();
    const responses = await atOnce(20, (i) =>
      send('createCommunityActionPlan', { cohort: id, title: `Plan ${i}`, adoptedOn: '2025-03-03' }),
    );
    const { ids, refusals } = outcomes(responses, 'createCommunityActionPlan');
    expect(ids).toHaveLength(1);
    expect(refusals).toEqual(Array(19).fill('BAD_USER_INPUT input.cohort'));
  });

  it.each([
    [3, 1],
    [10, 3],
  ])('of %i plans added at once to a module of %i, one takes the next number', async (together, existing) => {
    const created = await module(curriculum.owner, `Module of ${existing} for ${together}`, existing);
    const plan = { title: 'Next', theme: THEMES[1], objectives: ['Talk'], durationMinutes: 60, audiences: ['MEN'] };
    const responses = await atOnce(together, () => send('addSessionPlan', { module: created.id, number: existing + 1, ...plan }));
    const { ids, refusals } = outcomes(responses, 'addSessionPlan');
    expect(ids).toHaveLength(1);
    expect(refusals).toEqual(Array(together - 1).fill('BAD_USER_INPUT input.number'));
    const numbers = await curriculum.db.dataSource.query(`SELECT number FROM session_plan WHERE module_id = $1 ORDER BY number`, [
      created.id,
    ]);
    expect(numbers.map((n: { number: number }) => n.number)).toEqual(Array.from({ length: existing + 1 }, (_, i) => i + 1));
  });
});
