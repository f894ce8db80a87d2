import { cohort, community, deliver, facilitator, module, ok, start } from './fixtures';
import type { CurriculumUnderTest } from './support';

/** One of everything the curriculum records, written by the educators (the owner) through the graph. */
export interface World {
  kedougou: string;
  oussouye: string;
  douentza: string;
  module: string;
  plans: string[];
  /** Another module, with one plan and no cohort. */
  otherModule: string;
  aminata: string;
  ousmane: string;
  /** Certified for nothing yet. */
  khady: string;
  /** Started on 2025-02-10, enrolment 12 women, 6 young women, 10 men, 5 young men; session 1 delivered. */
  cohort: string;
  /** Planned, in Oussouye. */
  plannedCohort: string;
  delivery: string;
  actionPlan: string;
  action: string;
  mobilisation: string;
  training: string;
  dialogue: string;
}

export async function buildWorld(curriculum: CurriculumUnderTest): Promise<World> {
  const world = {} as World;
  world.kedougou = await community(curriculum, 'Kédougou', 'SN0601', ['fuc', 'mnk']);
  world.oussouye = await community(curriculum, 'Oussouye', 'SN1402', ['dyo']);
  world.douentza = await community(curriculum, 'Douentza', 'ML0504', ['ffm', 'taq']);
  const peace = await module(curriculum.owner, 'Peace and Security', 3);
  world.module = peace.id;
  world.plans = peace.plans;
  world.otherModule = (await module(curriculum.owner, 'Community health', 1)).id;
  world.aminata = await facilitator(curriculum.owner, {
    fullName: 'Aminata Diallo',
    languages: ['fuc', 'mnk'],
    certifiedModules: [world.module],
    homeCommunity: world.kedougou,
    phone: '+221 70 000 01 14',
    email: 'aminata@educators.example',
  });
  world.ousmane = await facilitator(curriculum.owner, { fullName: 'Ousmane Sagna', languages: ['dyo'], certifiedModules: [world.module] });
  world.khady = await facilitator(curriculum.owner, { fullName: 'Khady Ndiaye', languages: ['fuc', 'wol'] });

  const created = await cohort(curriculum.owner, {
    name: 'Kédougou class',
    module: world.module,
    community: world.kedougou,
    language: 'fuc',
    facilitators: [world.aminata],
    audiences: ['MEN', 'WOMEN', 'CMC_MEMBERS'],
    enrolmentByAudience: [{ audience: 'CMC_MEMBERS', count: 6 }],
  });
  world.cohort = created.id;
  await start(curriculum.owner, created.id, created.version, '2025-02-10');
  world.delivery = await deliver(curriculum.owner, world.cohort, 1, '2025-02-10');
  world.plannedCohort = (
    await cohort(curriculum.owner, {
      name: 'Oussouye class',
      module: world.module,
      community: world.oussouye,
      language: 'dyo',
      facilitators: [world.ousmane],
    })
  ).id;

  const plan = await ok<{ createCommunityActionPlan: { id: string; actions: { id: string }[] } }>(
    curriculum.owner,
    `mutation ($input: CreateCommunityActionPlanInput!) { createCommunityActionPlan(input: $input) { id actions { id } } }`,
    {
      input: {
        cohort: world.cohort,
        title: 'Kédougou plan',
        adoptedOn: '2025-03-03',
        actions: [
          { description: 'Monthly open meeting on disputes', responsibleGroup: 'Community Management Committee', dueOn: '2025-04-01' },
        ],
      },
    },
  );
  world.actionPlan = plan.createCommunityActionPlan.id;
  world.action = plan.createCommunityActionPlan.actions[0]!.id;

  const mobilisation = await ok<{ recordSocialMobilisation: { id: string } }>(
    curriculum.owner,
    `mutation ($input: RecordSocialMobilisationInput!) { recordSocialMobilisation(input: $input) { id } }`,
    {
      input: {
        cohort: world.cohort,
        heldOn: '2025-03-10',
        activity: 'THEATRE',
        communitiesReached: [world.kedougou],
        peopleReached: { femaleAdults: 40, maleAdults: 35, femaleChildren: 3 },
      },
    },
  );
  world.mobilisation = mobilisation.recordSocialMobilisation.id;

  const training = await ok<{ createStaffTraining: { id: string } }>(
    curriculum.owner,
    `mutation ($input: CreateStaffTrainingInput!) { createStaffTraining(input: $input) { id } }`,
    {
      input: {
        title: 'Conflict resolution and group facilitation',
        topics: ['Mediation', 'Facilitating groups'],
        startsOn: '2025-01-06',
        endsOn: '2025-01-19',
        venue: 'Bamako',
        trainees: [
          { country: 'ML', women: 5, men: 6 },
          { country: 'NE', women: 3, men: 5 },
          { country: 'BF', women: 3, men: 4 },
        ],
      },
    },
  );
  world.training = training.createStaffTraining.id;
  await ok(curriculum.owner, `mutation ($input: RecordCoachingSessionInput!) { recordCoachingSession(input: $input) { id } }`, {
    input: {
      staffTraining: world.training,
      heldOn: '2025-02-20',
      mode: 'REMOTE',
      focus: 'Preparing a first dialogue',
      participantsCoached: 12,
    },
  });
  const dialogue = await ok<{ recordDialogueProcess: { id: string } }>(
    curriculum.owner,
    `mutation ($input: RecordDialogueProcessInput!) { recordDialogueProcess(input: $input) { id } }`,
    {
      input: {
        staffTraining: world.training,
        topic: 'Sharing water points',
        community: world.douentza,
        startedOn: '2025-03-01',
        participants: { femaleAdults: 9, maleAdults: 14, maleYouth: 3 },
      },
    },
  );
  world.dialogue = dialogue.recordDialogueProcess.id;
  return world;
}
