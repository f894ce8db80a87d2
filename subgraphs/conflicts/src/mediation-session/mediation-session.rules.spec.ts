import { problemsIn, refusalOf } from '@peacegraph/kit/testing';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import type { MediationSessionInput } from '../generated/resolvers';
import type { PeaceCommission } from '../peace-commission/peace-commission.entity';
import type { Referral } from '../referral/referral.entity';
import { MAX_ATTENDANCE, checkSessionsOpen, mediationStart, sessionValues } from './mediation-session.rules';

const underMediation = {
  id: 'c0000000-0000-4000-8000-000000000001',
  reference: 'ML-2025-0007',
  status: 'UNDER_MEDIATION',
  reportedOn: '2025-01-10',
  statusSince: '2025-01-20',
  resolvedOn: null,
} as unknown as ConflictCase;
const commission = {
  membership: [
    { role: 'CHAIR', women: 1, men: 1 },
    { role: 'MEMBER', women: 2, men: 3 },
  ],
} as unknown as PeaceCommission;
const session: MediationSessionInput = {
  heldOn: '2025-02-03',
  mediators: { women: 2, men: 1 },
  attendance: { women: 14, men: 20 },
  outcome: 'PROGRESS',
} as MediationSessionInput;

describe('opening mediation', () => {
  const reported = { ...underMediation, status: 'REPORTED', statusSince: '2025-01-10' } as ConflictCase;

  it('accepts a reported case, on a day in its life', () => {
    expect(mediationStart(reported, [], { on: '2025-01-15', note: '  At the chief’s house ' })).toEqual({
      on: '2025-01-15',
      note: 'At the chief’s house',
    });
  });

  it('refuses a case that cannot go to mediation, a date before the report, and a referral with no feedback', () => {
    expect(refusalOf(() => mediationStart(underMediation, [], { on: '2025-01-25' })).field).toBe('id');
    expect(refusalOf(() => mediationStart(reported, [], { on: '2025-01-05' }))).toEqual({
      field: 'input.on',
      message: '2025-01-05 is before the case was reported (2025-01-10)',
    });
    const referred = { ...reported, status: 'REFERRED', statusSince: '2025-01-12' } as ConflictCase;
    const waiting = [{ feedbackOn: null }] as Referral[];
    expect(refusalOf(() => mediationStart(referred, waiting, { on: '2025-01-15' })).field).toBe('id');
  });
});

describe('a mediation session', () => {
  it('accepts a good session while mediation lasts', () => {
    expect(() => checkSessionsOpen(underMediation)).not.toThrow();
    expect(sessionValues(session, underMediation, commission)).toEqual({ heldOn: '2025-02-03', notes: null });
  });

  it('refuses a session on a case not under mediation, at once', () => {
    expect(refusalOf(() => checkSessionsOpen({ reference: 'ML-2025-0007', status: 'RESOLVED' }))).toEqual({
      field: 'id',
      message: 'Mediation sessions are recorded while a case is UNDER_MEDIATION; case ML-2025-0007 is RESOLVED',
    });
  });

  it('reports every problem of the input at once, each on its field', () => {
    const input = {
      ...session,
      heldOn: '2025-01-15',
      mediators: { women: 4, men: -1 },
      attendance: { women: MAX_ATTENDANCE + 1, men: 1.5 },
      notes: 'x'.repeat(4001),
    };
    expect(problemsIn(() => sessionValues(input, underMediation, commission))).toEqual([
      ['input.heldOn', "2025-01-15 is before the case's last status change (UNDER_MEDIATION) (2025-01-20)"],
      ['input.mediators.women', 'Mediators are commission members: the commission has 3 women, not 4'],
      ['input.mediators.men', 'men must be a whole number of at least 0'],
      ['input.attendance.women', `women must be a whole number from 0 to ${MAX_ATTENDANCE}`],
      ['input.attendance.men', `men must be a whole number from 0 to ${MAX_ATTENDANCE}`],
      ['input.notes', 'The notes is longer than 4000 characters (got 4001)'],
    ]);
  });

  it('refuses a session without a mediator', () => {
    const input = { ...session, mediators: { women: 0, men: 0 } };
    expect(problemsIn(() => sessionValues(input, underMediation, commission))).toEqual([
      ['input.mediators', 'A session has at least one mediator'],
    ]);
  });
});
