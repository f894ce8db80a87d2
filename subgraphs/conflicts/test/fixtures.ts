import { addDays, today } from '@peacegraph/kit/input';
import { COMMUNITIES, type ConflictsUnderTest } from './support';

type Client = ConflictsUnderTest['owner'];

/** A date `n` days before today, as the rules count today. */
export function daysAgo(n: number): string {
  return addDays(today(), -n);
}

export const MEMBERSHIP = [
  { role: 'CHAIR', women: 0, men: 1 },
  { role: 'VICE_CHAIR', women: 1, men: 0 },
  { role: 'SECRETARY', women: 0, men: 1 },
  { role: 'MEDIATOR', women: 2, men: 3 },
  { role: 'WOMENS_REPRESENTATIVE', women: 1, men: 0 },
  { role: 'YOUTH_REPRESENTATIVE', women: 1, men: 1 },
  { role: 'RELIGIOUS_LEADER', women: 0, men: 1 },
];

export const TWO_PARTIES = [
  { kind: 'FAMILY', sex: 'MIXED', ageGroup: 'MIXED' },
  { kind: 'INDIVIDUAL', sex: 'MALE', ageGroup: 'ADULT' },
];

export const CASE_FIELDS = `id reference version status statusSince reportedOn level type
  parties { label kind sex ageGroup } history { from to changedOn }`;

export interface CaseRef {
  id: string;
  reference: string;
  version: number;
  status: string;
}

export async function createCommission(client: Client, community: string = COMMUNITIES.kalana, input: Record<string, unknown> = {}) {
  const { data, errors } = await client<{ createPeaceCommission: { id: string; version: number } }>(
    `mutation ($input: CreatePeaceCommissionInput!) { createPeaceCommission(input: $input) { id version } }`,
    { input: { community, managementCommittee: 'CGC', establishedOn: daysAgo(900), membership: MEMBERSHIP, ...input } },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.createPeaceCommission;
}

export async function reportCase(client: Client, peaceCommission: string, input: Record<string, unknown> = {}): Promise<CaseRef> {
  const { data, errors } = await client<{ reportConflictCase: CaseRef }>(
    `mutation ($input: ReportConflictCaseInput!) { reportConflictCase(input: $input) { id reference version status } }`,
    {
      input: {
        peaceCommission,
        reportedOn: daysAgo(60),
        level: 'COMMUNITY',
        type: 'LAND',
        parties: TWO_PARTIES,
        narrative: 'Two families claim the same field.',
        ...input,
      },
    },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.reportConflictCase;
}

/** Runs one case mutation (id, version, input) and returns the case's new version and status, or the errors. */
export async function change(client: Client, mutation: string, kase: { id: string; version: number }, input: Record<string, unknown>) {
  return client<Record<string, CaseRef>>(
    `mutation ($id: ID!, $version: Int!, $input: ${INPUT_TYPES[mutation]}!) { ${mutation}(id: $id, version: $version, input: $input) { id reference version status } }`,
    { id: kase.id, version: kase.version, input },
  );
}

/** Like change, but fails the test on errors and returns the case. */
export async function changed(
  client: Client,
  mutation: string,
  kase: { id: string; version: number },
  input: Record<string, unknown>,
): Promise<CaseRef> {
  const { data, errors } = await change(client, mutation, kase, input);
  if (errors) throw new Error(`${mutation}: ${JSON.stringify(errors)}`);
  return data![mutation]!;
}

export const INPUT_TYPES: Record<string, string> = {
  updateConflictCase: 'UpdateConflictCaseInput',
  startMediation: 'StatusChangeInput',
  recordMediationSession: 'MediationSessionInput',
  referConflictCase: 'ReferralInput',
  recordReferralFeedback: 'ReferralFeedbackInput',
  recordResolution: 'ResolutionInput',
  scheduleFollowUp: 'ScheduleFollowUpInput',
  recordFollowUp: 'FollowUpInput',
  reportRelapse: 'StatusChangeInput',
};

export const SESSION = {
  mediators: { women: 1, men: 2 },
  attendance: { women: 4, men: 6 },
  outcome: 'PROGRESS',
  notes: 'Both sides heard.',
};
