import { daysFromToday } from './fixtures';
import { startCurriculum, type CurriculumUnderTest } from './support';
import { buildWorld, type World } from './world';

let curriculum: CurriculumUnderTest;
let world: World;
beforeAll(async () => {
  curriculum = await startCurriculum();
  world = await buildWorld(curriculum);
});
afterAll(() => curriculum.stop());

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const TOMORROW = daysFromToday(1);

const M = {
  createModule: `mutation ($input: CreateModuleInput!) { createModule(input: $input) { id } }`,
  updateModule: `mutation ($id: ID!, $version: Int!, $input: UpdateModuleInput!) { updateModule(id: $id, version: $version, input: $input) { id } }`,
  addSessionPlan: `mutation ($input: AddSessionPlanInput!) { addSessionPlan(input: $input) { id } }`,
  updateSessionPlan: `mutation ($id: ID!, $version: Int!, $input: UpdateSessionPlanInput!) { updateSessionPlan(id: $id, version: $version, input: $input) { id } }`,
  createFacilitator: `mutation ($input: CreateFacilitatorInput!) { createFacilitator(input: $input) { id } }`,
  updateFacilitator: `mutation ($id: ID!, $version: Int!, $input: UpdateFacilitatorInput!) { updateFacilitator(id: $id, version: $version, input: $input) { id } }`,
  createCohort: `mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }`,
  updateCohort: `mutation ($id: ID!, $version: Int!, $input: UpdateCohortInput!) { updateCohort(id: $id, version: $version, input: $input) { id } }`,
  changeCohortStatus: `mutation ($id: ID!, $version: Int!, $input: CohortStatusChangeInput!) { changeCohortStatus(id: $id, version: $version, input: $input) { id } }`,
  recordSessionDelivery: `mutation ($input: RecordSessionDeliveryInput!) { recordSessionDelivery(input: $input) { id } }`,
  correctSessionDelivery: `mutation ($id: ID!, $version: Int!, $input: CorrectSessionDeliveryInput!) { correctSessionDelivery(id: $id, version: $version, input: $input) { id } }`,
  createCommunityActionPlan: `mutation ($input: CreateCommunityActionPlanInput!) { createCommunityActionPlan(input: $input) { id } }`,
  updateCommunityActionPlan: `mutation ($id: ID!, $version: Int!, $input: UpdateCommunityActionPlanInput!) { updateCommunityActionPlan(id: $id, version: $version, input: $input) { id } }`,
  addPlannedAction: `mutation ($input: AddPlannedActionInput!) { addPlannedAction(input: $input) { id } }`,
  updatePlannedAction: `mutation ($id: ID!, $version: Int!, $input: UpdatePlannedActionInput!) { updatePlannedAction(id: $id, version: $version, input: $input) { id } }`,
  recordSocialMobilisation: `mutation ($input: RecordSocialMobilisationInput!) { recordSocialMobilisation(input: $input) { id } }`,
  updateSocialMobilisation: `mutation ($id: ID!, $version: Int!, $input: UpdateSocialMobilisationInput!) { updateSocialMobilisation(id: $id, version: $version, input: $input) { id } }`,
  createStaffTraining: `mutation ($input: CreateStaffTrainingInput!) { createStaffTraining(input: $input) { id } }`,
  updateStaffTraining: `mutation ($id: ID!, $version: Int!, $input: UpdateStaffTrainingInput!) { updateStaffTraining(id: $id, version: $version, input: $input) { id } }`,
  recordCoachingSession: `mutation ($input: RecordCoachingSessionInput!) { recordCoachingSession(input: $input) { id } }`,
  recordDialogueProcess: `mutation ($input: RecordDialogueProcessInput!) { recordDialogueProcess(input: $input) { id } }`,
  updateDialogueProcess: `mutation ($id: ID!, $version: Int!, $input: UpdateDialogueProcessInput!) { updateDialogueProcess(id: $id, version: $version, input: $input) { id } }`,
};

type Mutation = keyof typeof M;
/** What each mutation writes to, and the record an update changes. */
const TABLE: Record<Mutation, string> = {
  createModule: 'module',
  updateModule: 'module',
  addSessionPlan: 'session_plan',
  updateSessionPlan: 'session_plan',
  createFacilitator: 'facilitator',
  updateFacilitator: 'facilitator',
  createCohort: 'cohort',
  updateCohort: 'cohort',
  changeCohortStatus: 'cohort',
  recordSessionDelivery: 'session_delivery',
  correctSessionDelivery: 'session_delivery',
  createCommunityActionPlan: 'community_action_plan',
  updateCommunityActionPlan: 'community_action_plan',
  addPlannedAction: 'planned_action',
  updatePlannedAction: 'planned_action',
  recordSocialMobilisation: 'social_mobilisation',
  updateSocialMobilisation: 'social_mobilisation',
  createStaffTraining: 'staff_training',
  updateStaffTraining: 'staff_training',
  recordCoachingSession: 'coaching_session',
  recordDialogueProcess: 'dialogue_process',
  updateDialogueProcess: 'dialogue_process',
};

const attendance = { femaleAdults: 10, maleAdults: 8 };
const plan = (w: World) => ({
  module: w.module,
  number: 4,
  title: 'Extra',
  theme: 'HUMAN_RIGHTS',
  objectives: ['x'],
  durationMinutes: 60,
  audiences: ['MEN'],
});
const cohortInput = (w: World) => ({
  name: 'Second Kédougou class',
  module: w.module,
  community: w.kedougou,
  language: 'fuc',
  facilitators: [w.aminata],
  audiences: ['MEN', 'WOMEN'],
  enrolment: { femaleAdults: 10, maleAdults: 10 },
  plannedStart: '2025-05-05',
});
const delivery = (w: World) => ({ cohort: w.cohort, sessionNumber: 2, deliveredOn: '2025-02-17', attendance });
const training = {
  title: 'Mediation refresher',
  topics: ['Mediation'],
  startsOn: '2025-06-02',
  endsOn: '2025-06-06',
  trainees: [{ country: 'ML', women: 4, men: 4 }],
};

/** [mutation, what is wrong, input (or update id and input), field, message]. Updates use the record's current version. */
type Case = [Mutation, string, (w: World) => { id?: string; input: Record<string, unknown> }, string, RegExp];

const CASES: Case[] = [
  ['createModule', 'an empty title', () => ({ input: { title: '  ', edition: '2025' } }), 'input.title', /title cannot be empty/],
  [
    'createModule',
    'a title and edition already published',
    () => ({ input: { title: 'PEACE AND SECURITY', edition: '2024' } }),
    'input.title',
    /already publishes "PEACE AND SECURITY", edition 2024/,
  ],
  ['updateModule', 'an empty edition', (w) => ({ id: w.module, input: { edition: '' } }), 'input.edition', /edition cannot be empty/],
  [
    'addSessionPlan',
    'a number the module has',
    (w) => ({ input: { ...plan(w), number: 2 } }),
    'input.number',
    /Session 2 of Peace and Security already exists/,
  ],
  [
    'addSessionPlan',
    'a number leaving a gap',
    (w) => ({ input: { ...plan(w), number: 6 } }),
    'input.number',
    /has 3 session plans: the next one is number 4/,
  ],
  [
    'addSessionPlan',
    'a module already delivered by cohorts',
    (w) => ({ input: plan(w) }),
    'input.module',
    /delivered by 2 cohorts; publish a new edition/,
  ],
  ['addSessionPlan', 'an unknown module', (w) => ({ input: { ...plan(w), module: UNKNOWN } }), 'input.module', /No module with id/],
  [
    'updateSessionPlan',
    'no objectives',
    (w) => ({ id: w.plans[0]!, input: { objectives: [] } }),
    'input.objectives',
    /at least 1 objectives/,
  ],
  [
    'updateSessionPlan',
    'a duration under ten minutes',
    (w) => ({ id: w.plans[0]!, input: { durationMinutes: -5 } }),
    'input.durationMinutes',
    /at least 10/,
  ],
  [
    'createFacilitator',
    'an unknown language',
    () => ({ input: { fullName: 'Binta Sow', languages: ['fuc', 'zzz'] } }),
    'input.languages',
    /Unknown ISO 639-3 language code: zzz/,
  ],
  [
    'createFacilitator',
    'an unknown home community',
    () => ({ input: { fullName: 'Binta Sow', languages: ['fuc'], homeCommunity: UNKNOWN } }),
    'input.homeCommunity',
    /No community with id/,
  ],
  [
    'createFacilitator',
    'an email that is not one',
    () => ({ input: { fullName: 'Binta Sow', languages: ['fuc'], email: 'binta at example' } }),
    'input.email',
    /is not an email address/,
  ],
  [
    'createFacilitator',
    'the same person twice',
    (w) => ({ input: { fullName: 'AMINATA DIALLO', languages: ['fuc'], homeCommunity: w.kedougou } }),
    'input.fullName',
    /already has a facilitator named AMINATA DIALLO/,
  ],
  [
    'updateFacilitator',
    'an unknown module certification',
    (w) => ({ id: w.aminata, input: { certifiedModules: [w.module, UNKNOWN] } }),
    'input.certifiedModules.1',
    /No module with id/,
  ],
  [
    'createCohort',
    'an unknown community',
    (w) => ({ input: { ...cohortInput(w), community: UNKNOWN } }),
    'input.community',
    /No community with id/,
  ],
  [
    'createCohort',
    'an unknown language',
    (w) => ({ input: { ...cohortInput(w), language: 'zzz' } }),
    'input.language',
    /Unknown ISO 639-3 language code: zzz/,
  ],
  [
    'createCohort',
    'a facilitator not certified for the module',
    (w) => ({ input: { ...cohortInput(w), facilitators: [w.aminata, w.khady] } }),
    'input.facilitators.1',
    /Khady Ndiaye is not certified to deliver Peace and Security/,
  ],
  [
    'createCohort',
    'facilitators who do not speak its language',
    (w) => ({ input: { ...cohortInput(w), facilitators: [w.ousmane] } }),
    'input.facilitators',
    /None of the cohort's facilitators delivers sessions in fuc/,
  ],
  [
    'createCohort',
    'a facilitator of another organisation (unknown to it)',
    (w) => ({ input: { ...cohortInput(w), facilitators: [UNKNOWN] } }),
    'input.facilitators.0',
    /works with your organisation/,
  ],
  [
    'createCohort',
    'a negative enrolment',
    (w) => ({ input: { ...cohortInput(w), enrolment: { femaleAdults: 10, maleYouth: -2 } } }),
    'input.enrolment.maleYouth',
    /young men \(15 to 24\) cannot be negative/,
  ],
  [
    'createCohort',
    'a planned end before the start',
    (w) => ({ input: { ...cohortInput(w), plannedEnd: '2025-04-01' } }),
    'input.plannedEnd',
    /before the planned start 2025-05-05/,
  ],
  [
    'createCohort',
    'an audience count outside its audiences',
    (w) => ({ input: { ...cohortInput(w), enrolmentByAudience: [{ audience: 'RELIGIOUS_LEADERS', count: 2 }] } }),
    'input.enrolmentByAudience.0.audience',
    /not for religious leaders/,
  ],
  [
    'createCohort',
    'a name the community has for this module',
    (w) => ({ input: { ...cohortInput(w), name: 'kedougou CLASS' } }),
    'input.name',
    /already exists in this community/,
  ],
  [
    'updateCohort',
    'a new module after sessions were recorded',
    (w) => ({ id: w.cohort, input: { module: w.otherModule } }),
    'input.module',
    /Sessions of this cohort are recorded against its module: it cannot change module/,
  ],
  [
    'updateCohort',
    'an enrolment below a recorded attendance',
    (w) => ({ id: w.cohort, input: { enrolment: { femaleAdults: 5, maleAdults: 10, femaleYouth: 6, maleYouth: 5 } } }),
    'input.enrolment.femaleAdults',
    /counted 10 in this group/,
  ],
  [
    'updateCohort',
    'a new community once started',
    (w) => ({ id: w.cohort, input: { community: w.oussouye } }),
    'input.community',
    /Only a planned cohort/,
  ],
  [
    'updateCohort',
    'a start after the first session',
    (w) => ({ id: w.cohort, input: { startedOn: '2025-02-11' } }),
    'input.startedOn',
    /after the cohort's first session, delivered on 2025-02-10/,
  ],
  [
    'changeCohortStatus',
    'a start in the future',
    (w) => ({ id: w.plannedCohort, input: { status: 'IN_PROGRESS', on: TOMORROW } }),
    'input.on',
    /is in the future/,
  ],
  [
    'changeCohortStatus',
    'completion by request',
    (w) => ({ id: w.cohort, input: { status: 'COMPLETED' } }),
    'input.status',
    /completed automatically when all 3 session plans are delivered \(1 so far\)/,
  ],
  [
    'recordSessionDelivery',
    'a session out of the module',
    (w) => ({ input: { ...delivery(w), sessionNumber: 22 } }),
    'input.sessionNumber',
    /Peace and Security has sessions 1 to 3; there is no session 22/,
  ],
  [
    'recordSessionDelivery',
    'a date before the cohort started',
    (w) => ({ input: { ...delivery(w), deliveredOn: '2025-02-09' } }),
    'input.deliveredOn',
    /2025-02-09 is before the day the cohort started \(2025-02-10\)/,
  ],
  [
    'recordSessionDelivery',
    'a date in the future',
    (w) => ({ input: { ...delivery(w), deliveredOn: TOMORROW } }),
    'input.deliveredOn',
    /is in the future/,
  ],
  [
    'recordSessionDelivery',
    'a negative attendance',
    (w) => ({ input: { ...delivery(w), attendance: { femaleAdults: 10, maleYouth: -1 } } }),
    'input.attendance.maleYouth',
    /cannot be negative \(got -1\)/,
  ],
  [
    'recordSessionDelivery',
    'more attending than enrolled',
    (w) => ({ input: { ...delivery(w), attendance: { femaleAdults: 13 } } }),
    'input.attendance.femaleAdults',
    /13 women \(25 and over\) attended, but the cohort enrolled 12/,
  ],
  [
    'recordSessionDelivery',
    'nobody attending',
    (w) => ({ input: { ...delivery(w), attendance: {} } }),
    'input.attendance',
    /must count at least one person/,
  ],
  [
    'recordSessionDelivery',
    'a plan already delivered',
    (w) => ({ input: { ...delivery(w), sessionNumber: 1 } }),
    'input.sessionNumber',
    /Session 1 was already delivered to this cohort on 2025-02-10; record a re-delivery as a make-up session/,
  ],
  [
    'recordSessionDelivery',
    'a make-up of a plan never delivered',
    (w) => ({ input: { ...delivery(w), makeUp: true } }),
    'input.makeUp',
    /Session 2 has not been delivered to this cohort yet/,
  ],
  [
    'recordSessionDelivery',
    'a make-up before the delivery it repeats',
    (w) => ({ input: { ...delivery(w), sessionNumber: 1, makeUp: true, deliveredOn: '2025-02-10' } }),
    'input.deliveredOn',
    /comes after its delivery on 2025-02-10/,
  ],
  [
    'recordSessionDelivery',
    'an audience the cohort is not for',
    (w) => ({ input: { ...delivery(w), attendanceByAudience: [{ audience: 'RELIGIOUS_LEADERS', count: 1 }] } }),
    'input.attendanceByAudience.0.audience',
    /not for religious leaders/,
  ],
  [
    'recordSessionDelivery',
    'more CMC members than enrolled',
    (w) => ({ input: { ...delivery(w), attendanceByAudience: [{ audience: 'CMC_MEMBERS', count: 7 }] } }),
    'input.attendanceByAudience.0.count',
    /7 CMC members attended, but the cohort enrolled 6/,
  ],
  [
    'recordSessionDelivery',
    "a facilitator who is not the cohort's",
    (w) => ({ input: { ...delivery(w), facilitators: [w.ousmane] } }),
    'input.facilitators.0',
    /not one of the cohort's facilitators/,
  ],
  [
    'recordSessionDelivery',
    'a cohort that has not started',
    (w) => ({ input: { ...delivery(w), cohort: w.plannedCohort } }),
    'input.cohort',
    /has not started: start it/,
  ],
  [
    'recordSessionDelivery',
    'an unknown cohort',
    (w) => ({ input: { ...delivery(w), cohort: UNKNOWN } }),
    'input.cohort',
    /No cohort with id/,
  ],
  [
    'correctSessionDelivery',
    'a date in the future',
    (w) => ({ id: w.delivery, input: { deliveredOn: TOMORROW } }),
    'input.deliveredOn',
    /is in the future/,
  ],
  [
    'correctSessionDelivery',
    'more attending than enrolled',
    (w) => ({ id: w.delivery, input: { attendance: { maleYouth: 6 } } }),
    'input.attendance.maleYouth',
    /6 young men \(15 to 24\) attended, but the cohort enrolled 5/,
  ],
  [
    'createCommunityActionPlan',
    'a cohort that has not started',
    (w) => ({ input: { cohort: w.plannedCohort, title: 'Plan', adoptedOn: '2025-03-01' } }),
    'input.cohort',
    /has not started yet/,
  ],
  [
    'createCommunityActionPlan',
    'a second plan for the cohort',
    (w) => ({ input: { cohort: w.cohort, title: 'Plan', adoptedOn: '2025-03-01' } }),
    'input.cohort',
    /already has an action plan/,
  ],
  [
    'updateCommunityActionPlan',
    'an adoption in the future',
    (w) => ({ id: w.actionPlan, input: { adoptedOn: TOMORROW } }),
    'input.adoptedOn',
    /is in the future/,
  ],
  [
    'updateCommunityActionPlan',
    'an adoption after an action is due',
    (w) => ({ id: w.actionPlan, input: { adoptedOn: '2025-04-02' } }),
    'input.adoptedOn',
    /"Monthly open meeting on disputes" is due or done before 2025-04-02/,
  ],
  [
    'addPlannedAction',
    'an action the plan has',
    (w) => ({
      input: { actionPlan: w.actionPlan, description: 'monthly open meeting on disputes', responsibleGroup: 'CMC', dueOn: '2025-05-01' },
    }),
    'input.description',
    /already has the action/,
  ],
  [
    'addPlannedAction',
    'a due date before adoption',
    (w) => ({ input: { actionPlan: w.actionPlan, description: 'Football tournament', responsibleGroup: 'youth', dueOn: '2025-03-01' } }),
    'input.dueOn',
    /before the day the plan was adopted \(2025-03-03\)/,
  ],
  [
    'addPlannedAction',
    'an unknown plan',
    () => ({ input: { actionPlan: UNKNOWN, description: 'x', responsibleGroup: 'y', dueOn: '2025-05-01' } }),
    'input.actionPlan',
    /No community action plan/,
  ],
  [
    'updatePlannedAction',
    'DONE without a date',
    (w) => ({ id: w.action, input: { status: 'DONE' } }),
    'input.doneOn',
    /Say when the action was done/,
  ],
  [
    'recordSocialMobilisation',
    'an unknown community reached',
    (w) => ({
      input: {
        cohort: w.cohort,
        heldOn: '2025-03-20',
        activity: 'RADIO_BROADCAST',
        communitiesReached: [w.kedougou, UNKNOWN],
        peopleReached: { femaleAdults: 5 },
      },
    }),
    'input.communitiesReached.1',
    /No community with id/,
  ],
  [
    'recordSocialMobilisation',
    'a date before the cohort started',
    (w) => ({
      input: {
        cohort: w.cohort,
        heldOn: '2025-01-20',
        activity: 'RADIO_BROADCAST',
        communitiesReached: [w.kedougou],
        peopleReached: { femaleAdults: 5 },
      },
    }),
    'input.heldOn',
    /before the day the cohort started/,
  ],
  [
    'recordSocialMobilisation',
    'the same activity on the same day',
    (w) => ({
      input: {
        cohort: w.cohort,
        heldOn: '2025-03-10',
        activity: 'THEATRE',
        communitiesReached: [w.oussouye],
        peopleReached: { femaleAdults: 5 },
      },
    }),
    'input.heldOn',
    /already has a THEATRE on 2025-03-10/,
  ],
  [
    'updateSocialMobilisation',
    'nobody reached',
    (w) => ({ id: w.mobilisation, input: { peopleReached: { femaleAdults: 0 } } }),
    'input.peopleReached',
    /must count at least one person/,
  ],
  [
    'createStaffTraining',
    'an end before the start',
    () => ({ input: { ...training, endsOn: '2025-06-01' } }),
    'input.endsOn',
    /ends \(2025-06-01\) before it starts \(2025-06-02\)/,
  ],
  [
    'createStaffTraining',
    'a country listed twice',
    () => ({
      input: {
        ...training,
        trainees: [
          { country: 'ML', women: 1, men: 1 },
          { country: 'ML', women: 2, men: 0 },
        ],
      },
    }),
    'input.trainees.1.country',
    /ML is listed twice/,
  ],
  [
    'createStaffTraining',
    'a negative number of women',
    () => ({ input: { ...training, trainees: [{ country: 'NE', women: -3, men: 4 }] } }),
    'input.trainees.0.women',
    /cannot be negative/,
  ],
  [
    'createStaffTraining',
    'a start in the future',
    () => ({ input: { ...training, startsOn: TOMORROW, endsOn: daysFromToday(10) } }),
    'input.startsOn',
    /is in the future/,
  ],
  [
    'updateStaffTraining',
    'an end after its follow-up began',
    (w) => ({ id: w.training, input: { endsOn: '2025-02-25' } }),
    'input.endsOn',
    /recorded on 2025-02-20, before 2025-02-25/,
  ],
  [
    'recordCoachingSession',
    'coaching during the training',
    (w) => ({ input: { staffTraining: w.training, heldOn: '2025-01-10', mode: 'IN_PERSON', focus: 'x', participantsCoached: 3 } }),
    'input.heldOn',
    /before the last day of the training \(2025-01-19\)/,
  ],
  [
    'recordCoachingSession',
    'more coached than trained',
    (w) => ({ input: { staffTraining: w.training, heldOn: '2025-03-01', mode: 'IN_PERSON', focus: 'x', participantsCoached: 27 } }),
    'input.participantsCoached',
    /cannot be more than 26/,
  ],
  [
    'recordDialogueProcess',
    'an unknown community',
    (w) => ({
      input: {
        staffTraining: w.training,
        topic: 'Market access',
        community: UNKNOWN,
        startedOn: '2025-03-01',
        participants: { femaleAdults: 5 },
      },
    }),
    'input.community',
    /No community with id/,
  ],
  [
    'recordDialogueProcess',
    'an end before the start',
    (w) => ({
      input: {
        staffTraining: w.training,
        topic: 'Market access',
        community: w.douentza,
        startedOn: '2025-03-01',
        endedOn: '2025-02-28',
        participants: { femaleAdults: 5 },
      },
    }),
    'input.endedOn',
    /ends \(2025-02-28\) before it starts/,
  ],
  [
    'updateDialogueProcess',
    'a negative number of participants',
    (w) => ({ id: w.dialogue, input: { participants: { femaleAdults: -1 } } }),
    'input.participants.femaleAdults',
    /cannot be negative/,
  ],
];

async function version(table: string, id: string): Promise<number> {
  const [row] = (await curriculum.db.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as { version: number }[];
  return row?.version ?? 1;
}

async function snapshot(table: string) {
  const [row] = (await curriculum.db.dataSource.query(
    `SELECT (SELECT count(*)::int FROM ${table}) AS rows, (SELECT coalesce(sum(version), 0)::int FROM ${table}) AS versions,
            (SELECT count(*)::int FROM audit_log WHERE action = 'WRITE') AS writes`,
  )) as { rows: number; versions: number; writes: number }[];
  return row;
}

describe('bad input to every mutation', () => {
  it('covers every mutation of the schema', () => {
    expect(new Set(CASES.map(([mutation]) => mutation))).toEqual(new Set(Object.keys(M)));
  });

  it.each(CASES)('%s refuses %s, names the field, and writes nothing', async (mutation, _label, build, field, message) => {
    const { id, input } = build(world);
    const variables = id ? { id, version: await version(TABLE[mutation], id), input } : { input };
    const before = await snapshot(TABLE[mutation]);
    const { data, errors } = await curriculum.owner(M[mutation], variables);
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(errors![0]!.message).not.toMatch(/SELECT|INSERT|constraint|violates|at \w+ \(/);
    expect(data).toEqual({ [mutation]: null });
    expect(await snapshot(TABLE[mutation])).toEqual(before);
  });
});

describe('retries and races', () => {
  it('lets only one of two simultaneous deliveries of the same plan through', async () => {
    const input = { ...delivery(world), sessionNumber: 2, deliveredOn: '2025-02-17' };
    const results = await Promise.all([
      curriculum.owner(M.recordSessionDelivery, { input }),
      curriculum.owner(M.recordSessionDelivery, { input }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.sessionNumber' });
    const [row] = (await curriculum.db.dataSource.query(
      `SELECT count(*)::int AS n FROM session_delivery WHERE cohort_id = $1 AND session_number = 2`,
      [world.cohort],
    )) as { n: number }[];
    expect(row!.n).toBe(1);
  });

  it('answers a retried create with the first result (clientMutationId) and writes it once', async () => {
    const input = { ...delivery(world), sessionNumber: 3, deliveredOn: '2025-02-24', clientMutationId: 'tablet-7:session-3' };
    const first = await curriculum.owner<{ recordSessionDelivery: { id: string } }>(M.recordSessionDelivery, { input });
    const second = await curriculum.owner<{ recordSessionDelivery: { id: string } }>(M.recordSessionDelivery, { input });
    expect(second.data!.recordSessionDelivery.id).toBe(first.data!.recordSessionDelivery.id);
    const [row] = (await curriculum.db.dataSource.query(
      `SELECT count(*)::int AS n FROM session_delivery WHERE client_mutation_id = 'tablet-7:session-3'`,
    )) as { n: number }[];
    expect(row!.n).toBe(1);
  });

  it('refuses an out-of-date version with CONFLICT and changes nothing', async () => {
    const current = await version('cohort', world.cohort);
    const { errors } = await curriculum.owner(M.updateCohort, { id: world.cohort, version: current - 1, input: { name: 'Renamed' } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: current });
    const [row] = (await curriculum.db.dataSource.query(`SELECT name FROM cohort WHERE id = $1`, [world.cohort])) as { name: string }[];
    expect(row!.name).toBe('Kédougou class');
  });
});
