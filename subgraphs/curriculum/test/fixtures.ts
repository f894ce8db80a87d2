import { addDays, today } from '@peacegraph/kit/input';
import { ok } from '@peacegraph/kit/testing';
import type { graphqlClient } from '@peacegraph/kit/testing';
import type { CurriculumUnderTest } from './support';

/** A request that must succeed: its data, or the test fails with the errors (the kit's). */
export { ok };

type Client = ReturnType<typeof graphqlClient>;

export const THEMES = ['COMMUNITY_VISION', 'HUMAN_RIGHTS', 'SOCIAL_NORMS', 'PEACE_AND_HUMAN_SECURITY'];

/** Communities made in the test's directory. */
export async function community(curriculum: CurriculumUnderTest, name: string, adminArea: string, languages: string[]): Promise<string> {
  const { data, errors } = await curriculum.directory.writer<{ createCommunity: { id: string } }>(
    `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
    { input: { name, adminArea, languages } },
  );
  if (errors) throw new Error(errors[0]!.message);
  return data!.createCommunity.id;
}

/** A module with `sessions` numbered plans, written by `client`. */
export async function module(client: Client, title: string, sessions: number): Promise<{ id: string; plans: string[] }> {
  const { createModule } = await ok<{ createModule: { id: string } }>(
    client,
    `mutation ($input: CreateModuleInput!) { createModule(input: $input) { id } }`,
    { input: { title, edition: '2024', summary: 'For the tests' } },
  );
  const plans: string[] = [];
  for (let number = 1; number <= sessions; number += 1) {
    const { addSessionPlan } = await ok<{ addSessionPlan: { id: string } }>(
      client,
      `mutation ($input: AddSessionPlanInput!) { addSessionPlan(input: $input) { id } }`,
      {
        input: {
          module: createModule.id,
          number,
          title: `Session ${number}`,
          theme: THEMES[(number - 1) % THEMES.length],
          objectives: [`Objective of session ${number}`],
          durationMinutes: 120,
          audiences: ['MEN', 'WOMEN'],
        },
      },
    );
    plans.push(addSessionPlan.id);
  }
  return { id: createModule.id, plans };
}

export async function facilitator(client: Client, input: Record<string, unknown>): Promise<string> {
  const { createFacilitator } = await ok<{ createFacilitator: { id: string } }>(
    client,
    `mutation ($input: CreateFacilitatorInput!) { createFacilitator(input: $input) { id } }`,
    { input },
  );
  return createFacilitator.id;
}

export const ENROLMENT = { femaleAdults: 12, femaleYouth: 6, maleAdults: 10, maleYouth: 5, femaleChildren: 0, maleChildren: 0 };

export async function cohort(client: Client, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const { createCohort } = await ok<{ createCohort: { id: string; version: number } }>(
    client,
    `mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id version } }`,
    { input: { audiences: ['MEN', 'WOMEN'], enrolment: ENROLMENT, plannedStart: '2025-01-06', ...input } },
  );
  return createCohort;
}

export async function start(client: Client, id: string, version: number, on: string): Promise<number> {
  const { changeCohortStatus } = await ok<{ changeCohortStatus: { version: number } }>(
    client,
    `mutation ($id: ID!, $version: Int!, $input: CohortStatusChangeInput!) { changeCohortStatus(id: $id, version: $version, input: $input) { version } }`,
    { id, version, input: { status: 'IN_PROGRESS', on } },
  );
  return changeCohortStatus.version;
}

export const RECORD_DELIVERY = `mutation ($input: RecordSessionDeliveryInput!) {
  recordSessionDelivery(input: $input) { id sessionNumber deliveredOn makeUp version }
}`;

export async function deliver(
  client: Client,
  cohortId: string,
  sessionNumber: number,
  deliveredOn: string,
  attendance: Record<string, number> = { femaleAdults: 10, maleAdults: 8, femaleYouth: 4, maleYouth: 3 },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const { recordSessionDelivery } = await ok<{ recordSessionDelivery: { id: string } }>(client, RECORD_DELIVERY, {
    input: { cohort: cohortId, sessionNumber, deliveredOn, attendance, ...extra },
  });
  return recordSessionDelivery.id;
}

/** A date `days` from today as the platform counts it (the kit's today()), as the schema's Date. */
export function daysFromToday(days: number): string {
  return addDays(today(), days);
}
