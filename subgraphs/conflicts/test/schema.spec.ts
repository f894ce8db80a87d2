import { schemaUnderTest } from '@peacegraph/kit/testing';
import * as values from '../src/common/values';
import { subgraph } from '../src/subgraph';

const { enumValues, sensitiveFields } = schemaUnderTest(subgraph.schemaFile);

describe('schema.graphql', () => {
  it.each([
    ['CommissionRole', values.COMMISSION_ROLES],
    ['ConflictLevel', values.CONFLICT_LEVELS],
    ['ConflictType', values.CONFLICT_TYPES],
    ['CaseStatus', values.CASE_STATUSES],
    ['PartyKind', values.PARTY_KINDS],
    ['PartySex', values.PARTY_SEXES],
    ['PartyAgeGroup', values.PARTY_AGE_GROUPS],
    ['MediationOutcome', values.MEDIATION_OUTCOMES],
    ['ReferralBody', values.REFERRAL_BODIES],
    ['ResolutionOutcome', values.RESOLUTION_OUTCOMES],
    ['ResolutionRoute', values.RESOLUTION_ROUTES],
    ['FollowUpFinding', values.FOLLOW_UP_FINDINGS],
  ])('enum %s holds the values the rules know', (name, known) => {
    expect(enumValues(name)).toEqual([...known]);
  });

  it('classes as SENSITIVE exactly what could identify a person, and every such field is nullable', () => {
    const sensitive = sensitiveFields();
    expect(sensitive.filter((field) => !field.nullable)).toEqual([]);
    expect(sensitive.map((field) => field.name)).toEqual([
      'CaseStatusChange.madeBy',
      'CaseStatusChange.note',
      'ConflictCase.narrative',
      'FollowUpCheck.notes',
      'MediationSession.notes',
      'Party.name',
      'Referral.feedback',
      'Referral.reason',
      'Resolution.termsSummary',
    ]);
  });
});
