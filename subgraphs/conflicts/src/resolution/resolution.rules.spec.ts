import { problemsIn, refusalOf } from '@peacegraph/kit/testing';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import type { ResolutionInput } from '../generated/resolvers';
import type { Referral } from '../referral/referral.entity';
import { MAX_FOLLOW_UPS, resolutionValues, statusAfter } from './resolution.rules';

const underMediation = {
  id: 'c0000000-0000-4000-8000-000000000001',
  reference: 'ML-2025-0007',
  status: 'UNDER_MEDIATION',
  reportedOn: '2025-01-10',
  statusSince: '2025-01-20',
  resolvedOn: null,
} as unknown as ConflictCase;
const agreement: ResolutionInput = {
  outcome: 'FULL_AGREEMENT',
  reachedOn: '2025-03-01',
  followUpsDue: ['2025-04-01', '2025-06-01'],
} as ResolutionInput;

describe('a resolution', () => {
  it('accepts an agreement with its follow-up checks', () => {
    expect(resolutionValues({ ...agreement, termsSummary: ' Shared well ' }, underMediation, [])).toEqual({
      to: 'RESOLVED',
      reachedOn: '2025-03-01',
      due: ['2025-04-01', '2025-06-01'],
      termsSummary: 'Shared well',
    });
    expect(statusAfter('NO_AGREEMENT')).toBe('UNRESOLVED');
  });

  it('refuses the case’s state at once, naming the outcome when another would fit', () => {
    const resolved = { ...underMediation, status: 'RESOLVED' } as ConflictCase;
    expect(refusalOf(() => resolutionValues(agreement, resolved, [])).field).toBe('id');
    const referred = { ...underMediation, status: 'REFERRED' } as ConflictCase;
    expect(refusalOf(() => resolutionValues({ ...agreement, outcome: 'NO_AGREEMENT' }, referred, [])).field).toBe('input.outcome');
  });

  it('reports every problem of the input at once, each on its field', () => {
    const input = {
      ...agreement,
      reachedOn: '2025-01-15',
      followUpsDue: ['2025-01-01', '2025-04-01', '2025-04-01'],
      termsSummary: 'x'.repeat(4001),
    } as ResolutionInput;
    expect(problemsIn(() => resolutionValues(input, underMediation, []))).toEqual([
      ['input.reachedOn', "2025-01-15 is before the case's last status change (UNDER_MEDIATION) (2025-01-20)"],
      ['input.followUpsDue.0', '2025-01-01 is before the resolution (2025-01-15)'],
      ['input.followUpsDue.2', '2025-04-01 is listed twice'],
      ['input.termsSummary', 'The summary is longer than 4000 characters (got 4001)'],
    ]);
  });

  it('refuses follow-ups of an unresolved case, too many follow-ups, and a resolution before the referral’s feedback', () => {
    const noAgreement = { ...agreement, outcome: 'NO_AGREEMENT' } as ResolutionInput;
    expect(problemsIn(() => resolutionValues(noAgreement, underMediation, []))).toEqual([
      ['input.followUpsDue', 'Follow-up checks are for resolved cases'],
    ]);
    const many = { ...agreement, followUpsDue: Array.from({ length: MAX_FOLLOW_UPS + 1 }, () => '2025-04-01') } as ResolutionInput;
    expect(problemsIn(() => resolutionValues(many, underMediation, []))).toEqual([
      ['input.followUpsDue', `At most ${MAX_FOLLOW_UPS} follow-up checks at once`],
    ]);
    const referred = { ...underMediation, status: 'REFERRED', statusSince: '2025-02-01' } as ConflictCase;
    const answered = [{ feedbackOn: '2025-03-10' }] as Referral[];
    expect(problemsIn(() => resolutionValues({ ...agreement, followUpsDue: [] }, referred, answered))).toEqual([
      ['input.reachedOn', "2025-03-01 is before the referral body's feedback arrived (2025-03-10)"],
    ]);
  });
});
