import { ok } from './fixtures';
import { ORGS, startCurriculum, type CurriculumUnderTest } from './support';
import { buildWorld, type World } from './world';

let curriculum: CurriculumUnderTest;
let world: World;
beforeAll(async () => {
  curriculum = await startCurriculum();
  world = await buildWorld(curriculum);
});
afterAll(() => curriculum.stop());

describe('facilitators', () => {
  it('are found by name ignoring accents and case, and filtered by language, module, organisation and home', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (
        await ok<{ facilitators: { edges: { node: { fullName: string } }[] } }>(
          curriculum.owner,
          `query ($f: FacilitatorFilter) { facilitators(filter: $f) { edges { node { fullName } } } }`,
          { f: filter },
        )
      ).facilitators.edges.map((e) => e.node.fullName);
    expect(await names({})).toEqual(['Aminata Diallo', 'Khady Ndiaye', 'Ousmane Sagna']);
    expect(await names({ search: 'AMINATA' })).toEqual(['Aminata Diallo']);
    expect(await names({ language: 'fuc' })).toEqual(['Aminata Diallo', 'Khady Ndiaye']);
    expect(await names({ module: world.module })).toEqual(['Aminata Diallo', 'Ousmane Sagna']);
    expect(await names({ adminArea: 'SN06' })).toEqual(['Aminata Diallo']);
    expect(await names({ organisation: ORGS.mediators })).toEqual([]);
  });

  it('show their languages, certifications, home community and cohorts', async () => {
    const data = await ok<{ facilitator: unknown }>(
      curriculum.owner,
      `query ($id: ID!) { facilitator(id: $id) { languages { code } certifiedModules { title } homeCommunity { id } organisation { id } cohorts { name } } }`,
      { id: world.aminata },
    );
    expect(data.facilitator).toEqual({
      languages: [{ code: 'fuc' }, { code: 'mnk' }],
      certifiedModules: [{ title: 'Peace and Security' }],
      homeCommunity: { id: world.kedougou },
      organisation: { id: ORGS.educators },
      cohorts: [{ name: 'Kédougou class' }],
    });
  });
});

describe('community action plans', () => {
  const PLAN = `query ($id: ID!) { communityActionPlan(id: $id) { title adoptedOn community { id } cohort { name } actions { description responsibleGroup dueOn status doneOn version } } }`;

  it('follow their actions as the community carries them out', async () => {
    const [action] = (await curriculum.db.dataSource.query(`SELECT version FROM planned_action WHERE id = $1`, [world.action])) as {
      version: number;
    }[];
    await ok(
      curriculum.owner,
      `mutation ($id: ID!, $v: Int!) { updatePlannedAction(id: $id, version: $v, input: { status: DONE, doneOn: "2025-03-28" }) { id } }`,
      { id: world.action, v: action!.version },
    );
    await ok(
      curriculum.owner,
      `mutation ($p: ID!) { addPlannedAction(input: { actionPlan: $p, description: "Football tournament with neighbouring villages", responsibleGroup: "youth association", dueOn: "2025-06-01", status: IN_PROGRESS }) { id } }`,
      {
        p: world.actionPlan,
      },
    );
    const data = await ok<{ communityActionPlan: unknown }>(curriculum.owner, PLAN, { id: world.actionPlan });
    expect(data.communityActionPlan).toEqual({
      title: 'Kédougou plan',
      adoptedOn: '2025-03-03',
      community: { id: world.kedougou },
      cohort: { name: 'Kédougou class' },
      actions: [
        {
          description: 'Monthly open meeting on disputes',
          responsibleGroup: 'Community Management Committee',
          dueOn: '2025-04-01',
          status: 'DONE',
          doneOn: '2025-03-28',
          version: 2,
        },
        {
          description: 'Football tournament with neighbouring villages',
          responsibleGroup: 'youth association',
          dueOn: '2025-06-01',
          status: 'IN_PROGRESS',
          doneOn: null,
          version: 1,
        },
      ],
    });
  });

  it('are listed by country and area', async () => {
    const list = async (filter: Record<string, unknown>) =>
      (
        await ok<{ communityActionPlans: { totalCount: number } }>(
          curriculum.owner,
          `query ($f: ActionPlanFilter) { communityActionPlans(filter: $f) { totalCount } }`,
          { f: filter },
        )
      ).communityActionPlans.totalCount;
    expect(await list({ country: 'SN' })).toBe(1);
    expect(await list({ adminArea: 'SN14' })).toBe(0);
    expect(await list({ community: world.kedougou, from: '2025-03-01', to: '2025-03-31' })).toBe(1);
  });
});

describe('social mobilisation', () => {
  it('is found by the communities it reached, and its reach is disclosure-controlled for other partners', async () => {
    const [row] = (await curriculum.db.dataSource.query(`SELECT version FROM social_mobilisation WHERE id = $1`, [world.mobilisation])) as {
      version: number;
    }[];
    await ok(
      curriculum.owner,
      `mutation ($id: ID!, $v: Int!, $c: [ID!]) { updateSocialMobilisation(id: $id, version: $v, input: { communitiesReached: $c }) { id } }`,
      {
        id: world.mobilisation,
        v: row!.version,
        c: [world.kedougou, world.oussouye],
      },
    );
    const QUERY = `query ($c: ID!) { socialMobilisations(filter: { community: $c }) { edges { node { activity heldOn communitiesReached { id } peopleReached { total { count } bySexAndAgeGroup { sex ageGroup count suppressed } } } } } }`;
    type Result = {
      socialMobilisations: {
        edges: {
          node: {
            communitiesReached: { id: string }[];
            peopleReached: {
              total: { count: number };
              bySexAndAgeGroup: { sex: string; ageGroup: string; count: number | null; suppressed: boolean }[];
            };
          };
        }[];
      };
    };
    const owner = await ok<Result>(curriculum.owner, QUERY, { c: world.oussouye });
    const node = owner.socialMobilisations.edges[0]!.node;
    expect(node.communitiesReached).toEqual([{ id: world.kedougou }, { id: world.oussouye }]);
    expect(node.peopleReached.total.count).toBe(78);
    expect(node.peopleReached.bySexAndAgeGroup.find((c) => c.sex === 'FEMALE' && c.ageGroup === 'CHILDREN')).toEqual({
      sex: 'FEMALE',
      ageGroup: 'CHILDREN',
      count: 3,
      suppressed: false,
    });

    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:read');
    const other = await ok<Result>(mediators, QUERY, { c: world.oussouye });
    const cells = other.socialMobilisations.edges[0]!.node.peopleReached.bySexAndAgeGroup.filter((c) => c.suppressed).map(
      (c) => `${c.sex} ${c.ageGroup}`,
    );
    // 3 girls, and the smallest other count of the line with them (35 men), so that the total does not give them away.
    expect(cells).toEqual(['FEMALE CHILDREN', 'MALE ADULTS']);
    expect(other.socialMobilisations.edges[0]!.node.peopleReached.total.count).toBe(78);

    const reached = await ok<{ _entities: { socialMobilisationsReached: { activity: string }[] }[] }>(
      curriculum.owner,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { socialMobilisationsReached { activity } } } }`,
      {
        r: [
          { __typename: 'Community', id: world.oussouye },
          { __typename: 'Community', id: world.douentza },
        ],
      },
    );
    expect(reached._entities).toEqual([{ socialMobilisationsReached: [{ activity: 'THEATRE' }] }, { socialMobilisationsReached: [] }]);
  });
});

describe('staff trainings', () => {
  const TRAINING = `query ($f: StaffTrainingFilter) { staffTrainings(filter: $f) { totalCount edges { node {
    title startsOn endsOn venue organisation { id }
    trainees { total { count suppressed } byCountry { country { code } count suppressed } bySex { sex count suppressed } byCountryAndSex { country { code } sex count suppressed } }
    coachingSessions { heldOn mode focus participantsCoached { count suppressed } }
    dialogueProcesses { topic status startedOn endedOn community { id } country { code } participants { total { count } } }
  } } } }`;
  type Training = {
    staffTrainings: {
      totalCount: number;
      edges: {
        node: {
          trainees: {
            total: { count: number | null };
            byCountry: { country: { code: string }; count: number | null; suppressed: boolean }[];
            bySex: { sex: string; count: number | null }[];
            byCountryAndSex: { country: { code: string }; sex: string; count: number | null; suppressed: boolean }[];
          };
          coachingSessions: { participantsCoached: { count: number | null; suppressed: boolean } }[];
          dialogueProcesses: { status: string; country: { code: string }; participants: { total: { count: number } } }[];
        };
      }[];
    };
  };

  it('counts 26 staff by country and sex for the trainer, with coaching and dialogues led afterwards', async () => {
    const { staffTrainings } = await ok<Training>(curriculum.owner, TRAINING, {
      f: { traineeCountry: 'NE', organisation: ORGS.educators },
    });
    expect(staffTrainings.totalCount).toBe(1);
    const training = staffTrainings.edges[0]!.node;
    expect(training.trainees.total.count).toBe(26);
    expect(training.trainees.byCountry.map((c) => [c.country.code, c.count])).toEqual([
      ['BF', 7],
      ['ML', 11],
      ['NE', 8],
    ]);
    expect(training.trainees.bySex).toEqual([
      { sex: 'FEMALE', count: 11, suppressed: false },
      { sex: 'MALE', count: 15, suppressed: false },
    ]);
    expect(training.coachingSessions[0]!.participantsCoached).toEqual({ count: 12, suppressed: false });
    expect(training.dialogueProcesses).toEqual([
      expect.objectContaining({ status: 'ONGOING', country: { code: 'ML' }, participants: { total: { count: 26 } } }),
    ]);
    expect((await ok<Training>(curriculum.owner, TRAINING, { f: { traineeCountry: 'SN' } })).staffTrainings.totalCount).toBe(0);
  });

  it('withholds the small groups of trainees from other partners', async () => {
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:read');
    const training = (await ok<Training>(mediators, TRAINING, {})).staffTrainings.edges[0]!.node;
    expect(training.trainees.total.count).toBe(26);
    const withheld = training.trainees.byCountryAndSex.filter((c) => c.suppressed).map((c) => `${c.country.code} ${c.sex}`);
    // 3 women from Burkina Faso and 4 men, 3 women from Niger: all small, withheld.
    expect(withheld).toEqual(expect.arrayContaining(['BF FEMALE', 'BF MALE', 'NE FEMALE']));
    expect(training.trainees.byCountryAndSex.every((c) => c.suppressed || (c.count ?? 0) >= 5 || c.count === 0)).toBe(true);
  });

  it('closes a dialogue process with its end date and outcome', async () => {
    const [row] = (await curriculum.db.dataSource.query(`SELECT version FROM dialogue_process WHERE id = $1`, [world.dialogue])) as {
      version: number;
    }[];
    const data = await ok<{ updateDialogueProcess: { status: string; endedOn: string; outcome: string; version: number } }>(
      curriculum.owner,
      `mutation ($id: ID!, $v: Int!) { updateDialogueProcess(id: $id, version: $v, input: { endedOn: "2025-04-15", outcome: "A calendar for the two wells" }) { status endedOn outcome version } }`,
      { id: world.dialogue, v: row!.version },
    );
    expect(data.updateDialogueProcess).toEqual({
      status: 'CONCLUDED',
      endedOn: '2025-04-15',
      outcome: 'A calendar for the two wells',
      version: row!.version + 1,
    });
  });
});
