import type { DataSource } from 'typeorm';
import { demoSeeder, seedOnce } from '@peacegraph/kit/sql';
import { createContextFactory, type CurriculumContext } from '../context';
import { HEADCOUNT_CELLS } from '../common/headcount';
import {
  attendanceAt,
  COMMUNITIES,
  DEMO_ACTION_PLAN,
  DEMO_COHORTS,
  DEMO_FACILITATORS,
  DEMO_MOBILISATIONS,
  DEMO_STAFF_TRAINING,
  JOKKO,
  type DemoCohort,
} from './demo-data';
import { PEACE_AND_SECURITY, SESSION_PLANS } from './demo-module';

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Loads the demo curriculum once per database, through the same services as partners' writes (so
 * demo data obeys every rule real data does), checking communities and languages against the
 * directory. Every create carries a clientMutationId and every status change looks first, so an
 * interrupted load can run again.
 */
export function seedDemoData(dataSource: DataSource, directoryUrl: string): Promise<boolean> {
  return seedOnce(dataSource, 'curriculum-demo-v1', async () => {
    // The demo loader acts as Jokko's own staff, and its writes are audited like anyone's.
    const { viewer: seeder, audit } = demoSeeder(dataSource, JOKKO, ['curriculum:write']);
    const context = await createContextFactory(dataSource, directoryUrl)(seeder, audit);

    const module = await context.modules.create({ ...PEACE_AND_SECURITY, clientMutationId: 'demo:module' });
    for (const [i, plan] of SESSION_PLANS.entries()) {
      await context.modules.addSessionPlan({ ...plan, module: module.id, number: i + 1, clientMutationId: `demo:plan:${i + 1}` });
    }

    const facilitators = new Map<string, string>();
    for (const { key, home, ...facilitator } of DEMO_FACILITATORS) {
      const created = await context.facilitators.create({
        ...facilitator,
        homeCommunity: COMMUNITIES[home],
        certifiedModules: [module.id],
        clientMutationId: `demo:facilitator:${key}`,
      });
      facilitators.set(key, created.id);
    }

    const cohorts = new Map<string, string>();
    for (const demo of DEMO_COHORTS) cohorts.set(demo.key, await seedCohort(context, demo, module.id, facilitators));

    await seedActionPlan(context, cohorts.get(DEMO_ACTION_PLAN.cohort)!);
    for (const [i, mobilisation] of DEMO_MOBILISATIONS.entries()) {
      await context.mobilisations.record({
        cohort: cohorts.get(mobilisation.cohort)!,
        heldOn: daysAgo(mobilisation.heldDaysAgo),
        activity: mobilisation.activity,
        communitiesReached: mobilisation.reached.map((c) => COMMUNITIES[c]),
        peopleReached: mobilisation.peopleReached,
        notes: mobilisation.notes,
        clientMutationId: `demo:mobilisation:${i + 1}`,
      });
    }
    await seedStaffTraining(context);
  });
}

async function seedCohort(
  context: CurriculumContext,
  demo: DemoCohort,
  moduleId: string,
  facilitators: Map<string, string>,
): Promise<string> {
  const start = daysAgo(demo.startedDaysAgo);
  let cohort = await context.cohorts.create({
    name: demo.name,
    module: moduleId,
    community: COMMUNITIES[demo.community],
    language: demo.language,
    facilitators: demo.facilitators.map((key) => facilitators.get(key)!),
    audiences: demo.audiences,
    enrolment: demo.enrolment,
    plannedStart: start,
    plannedEnd: daysAgo(demo.startedDaysAgo - 7 * 22),
    clientMutationId: `demo:cohort:${demo.key}`,
  });
  if (demo.stage === 'PLANNED') return cohort.id;
  if (cohort.status === 'PLANNED')
    cohort = await context.cohorts.changeStatus(cohort.id, cohort.version, { status: 'IN_PROGRESS', on: start });
  for (let session = 1; session <= demo.delivered; session += 1) {
    await context.deliveries.record({
      cohort: cohort.id,
      sessionNumber: session,
      deliveredOn: daysAgo(demo.startedDaysAgo - 7 * (session - 1)),
      attendance: attendanceAt(demo.enrolment, session),
      clientMutationId: `demo:delivery:${demo.key}:${session}`,
    });
  }
  if (demo.key === 'oussouye') {
    // Session 3 fell on a market day: half the class came back for a make-up the week after.
    const makeUp = Object.fromEntries(HEADCOUNT_CELLS.map((cell) => [cell, Math.ceil(demo.enrolment[cell] / 2)]));
    await context.deliveries.record({
      cohort: cohort.id,
      sessionNumber: 3,
      makeUp: true,
      deliveredOn: daysAgo(demo.startedDaysAgo - 7 * 2 - 3),
      attendance: makeUp,
      notes: 'Repeated for those who were at the weekly market',
      clientMutationId: `demo:delivery:${demo.key}:3:make-up`,
    });
  }
  if (demo.stage === 'SUSPENDED') {
    const current = (await context.repositories.cohorts.byIds([cohort.id]))[0]!;
    if (current.status !== 'SUSPENDED') {
      await context.cohorts.changeStatus(cohort.id, current.version, {
        status: 'SUSPENDED',
        on: daysAgo(demo.startedDaysAgo - 7 * demo.delivered),
        reason: demo.suspension,
      });
    }
  }
  return cohort.id;
}

async function seedActionPlan(context: CurriculumContext, cohortId: string): Promise<void> {
  await context.actionPlans.create({
    cohort: cohortId,
    title: DEMO_ACTION_PLAN.title,
    adoptedOn: daysAgo(DEMO_ACTION_PLAN.adoptedDaysAgo),
    actions: DEMO_ACTION_PLAN.actions.map(({ dueDaysAgo, doneDaysAgo, ...action }) => ({
      ...action,
      dueOn: daysAgo(dueDaysAgo),
      doneOn: doneDaysAgo === undefined ? null : daysAgo(doneDaysAgo),
    })),
    clientMutationId: 'demo:action-plan:kedougou',
  });
}

async function seedStaffTraining(context: CurriculumContext): Promise<void> {
  const { startedDaysAgo, days, coaching, dialogues, ...training } = DEMO_STAFF_TRAINING;
  const created = await context.staffTrainings.create({
    ...training,
    startsOn: daysAgo(startedDaysAgo),
    endsOn: daysAgo(startedDaysAgo - days + 1),
    clientMutationId: 'demo:staff-training',
  });
  for (const [i, session] of coaching.entries()) {
    const { heldDaysAgo, ...rest } = session;
    await context.staffTrainings.recordCoaching({
      ...rest,
      staffTraining: created.id,
      heldOn: daysAgo(heldDaysAgo),
      clientMutationId: `demo:coaching:${i + 1}`,
    });
  }
  for (const [i, dialogue] of dialogues.entries()) {
    const { startedDaysAgo: started, community, ...rest } = dialogue;
    await context.staffTrainings.recordDialogue({
      ...rest,
      staffTraining: created.id,
      community: COMMUNITIES[community],
      startedOn: daysAgo(started),
      endedOn: 'endedDaysAgo' in dialogue && dialogue.endedDaysAgo ? daysAgo(dialogue.endedDaysAgo) : null,
      clientMutationId: `demo:dialogue:${i + 1}`,
    });
  }
}
