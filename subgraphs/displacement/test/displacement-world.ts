import { daysAgo, ok } from './fixtures';
import type { DisplacementUnderTest } from './support';

type Client = DisplacementUnderTest['owner'];

export const M = {
  recordDisplacementReport: `mutation ($input: RecordDisplacementReportInput!) { recordDisplacementReport(input: $input) { id version } }`,
  updateDisplacementReport: `mutation ($id: ID!, $version: Int!, $input: UpdateDisplacementReportInput!) { updateDisplacementReport(id: $id, version: $version, input: $input) { id version } }`,
  createReintegrationProgramme: `mutation ($input: CreateReintegrationProgrammeInput!) { createReintegrationProgramme(input: $input) { id version } }`,
  updateReintegrationProgramme: `mutation ($id: ID!, $version: Int!, $input: UpdateReintegrationProgrammeInput!) { updateReintegrationProgramme(id: $id, version: $version, input: $input) { id version } }`,
  registerReintegrationCase: `mutation ($input: RegisterReintegrationCaseInput!) { registerReintegrationCase(input: $input) { id version beneficiaryCode } }`,
  recordReintegrationAssistance: `mutation ($id: ID!, $version: Int!, $input: ReintegrationAssistanceInput!) { recordReintegrationAssistance(case: $id, version: $version, input: $input) { id version status } }`,
  changeReintegrationCaseStatus: `mutation ($id: ID!, $version: Int!, $input: ReintegrationStatusInput!) { changeReintegrationCaseStatus(id: $id, version: $version, input: $input) { id version status } }`,
  recordAwarenessSession: `mutation ($input: RecordAwarenessSessionInput!) { recordAwarenessSession(input: $input) { id version } }`,
  updateAwarenessSession: `mutation ($id: ID!, $version: Int!, $input: UpdateAwarenessSessionInput!) { updateAwarenessSession(id: $id, version: $version, input: $input) { id version } }`,
} as const;

export type Written = { id: string; version: number };

export async function write<K extends keyof typeof M>(
  client: Client,
  mutation: K,
  variables: Record<string, unknown>,
): Promise<Written & { beneficiaryCode?: string; status?: string }> {
  const data = await ok<Record<string, Written>>(client, M[mutation], variables);
  return data[mutation]!;
}

/** A valid report each test may spoil one field of. */
export const report = (over: Record<string, unknown> = {}) => ({
  adminArea: 'BF5602',
  roundNumber: 1,
  roundName: 'Round 1',
  dataDate: daysAgo(100),
  idpIndividuals: 1200,
  idpHouseholds: 210,
  returneeIndividuals: 80,
  returneeHouseholds: 15,
  idpsBySexAndAge: [
    { sex: 'FEMALE', ageGroup: 'AGE_0_5', individuals: 150 },
    { sex: 'FEMALE', ageGroup: 'AGE_6_17', individuals: 230 },
    { sex: 'FEMALE', ageGroup: 'AGE_18_59', individuals: 220 },
    { sex: 'FEMALE', ageGroup: 'AGE_60_PLUS', individuals: 30 },
    { sex: 'MALE', ageGroup: 'AGE_0_5', individuals: 140 },
    { sex: 'MALE', ageGroup: 'AGE_6_17', individuals: 220 },
    { sex: 'MALE', ageGroup: 'AGE_18_59', individuals: 180 },
    { sex: 'MALE', ageGroup: 'AGE_60_PLUS', individuals: 30 },
  ],
  reasons: [
    { reason: 'CONFLICT', individuals: 1150 },
    { reason: 'DISASTER', individuals: 50 },
  ],
  origins: [
    { adminArea: 'BF5603', individuals: 700 },
    { adminArea: 'BF5601', individuals: 300 },
  ],
  ...over,
});

export const programme = (over: Record<string, unknown> = {}) => ({
  code: 'CVRSAHEL',
  kind: 'COMMUNITY_VIOLENCE_REDUCTION',
  name: 'Community violence reduction in the Sahel region',
  adminAreas: ['BF56', 'NE006011'],
  startsOn: daysAgo(400),
  ...over,
});

export const beneficiary = (programmeId: string, over: Record<string, unknown> = {}) => ({
  programme: programmeId,
  category: 'FORMER_COMBATANT',
  sex: 'MALE',
  ageGroup: 'AGE_18_24',
  adminArea: 'BF5602',
  registeredOn: daysAgo(200),
  ...over,
});
