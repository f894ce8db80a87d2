import { refusalOf } from '@peacegraph/kit/testing';
import { allowedStatusChanges, planStatusChange } from './cohort.rules';

const sessions = { delivered: 7, total: 21 };

describe('the cohort status machine', () => {
  it('allows, from each status, only the changes the partners described', () => {
    expect(allowedStatusChanges({ status: 'PLANNED', startedOn: null })).toEqual(['IN_PROGRESS', 'SUSPENDED']);
    expect(allowedStatusChanges({ status: 'IN_PROGRESS', startedOn: '2025-01-06' })).toEqual(['SUSPENDED']);
    expect(allowedStatusChanges({ status: 'SUSPENDED', startedOn: '2025-01-06' })).toEqual(['IN_PROGRESS']);
    expect(allowedStatusChanges({ status: 'SUSPENDED', startedOn: null })).toEqual(['PLANNED', 'IN_PROGRESS']);
    expect(allowedStatusChanges({ status: 'COMPLETED', startedOn: '2025-01-06' })).toEqual([]);
  });

  it('starts, suspends with a reason, and resumes', () => {
    expect(planStatusChange({ status: 'PLANNED', startedOn: null }, 'IN_PROGRESS', '2025-01-06', null, sessions)).toEqual({
      kind: 'start',
      on: '2025-01-06',
    });
    expect(planStatusChange({ status: 'IN_PROGRESS', startedOn: '2025-01-06' }, 'SUSPENDED', '2025-03-01', 'Floods', sessions)).toEqual({
      kind: 'suspend',
      on: '2025-03-01',
      reason: 'Floods',
    });
    expect(planStatusChange({ status: 'SUSPENDED', startedOn: '2025-01-06' }, 'IN_PROGRESS', '2025-04-01', null, sessions)).toEqual({
      kind: 'resume',
      to: 'IN_PROGRESS',
      on: '2025-04-01',
    });
  });

  it('refuses a suspension without a reason', () => {
    expect(refusalOf(() => planStatusChange({ status: 'PLANNED', startedOn: null }, 'SUSPENDED', '2025-03-01', null, sessions))).toEqual({
      field: 'input.reason',
      message: 'Say why the cohort is suspended',
    });
  });

  it('refuses completion by request, saying how many sessions remain', () => {
    expect(
      refusalOf(() => planStatusChange({ status: 'IN_PROGRESS', startedOn: '2025-01-06' }, 'COMPLETED', '2025-03-01', null, sessions)),
    ).toEqual({
      field: 'input.status',
      message:
        'A cohort that is IN_PROGRESS cannot go to COMPLETED: it can go to SUSPENDED; a cohort is completed automatically when all 21 session plans are delivered (7 so far)',
    });
  });

  it('refuses going back, or to the status the cohort already has', () => {
    expect(
      refusalOf(() => planStatusChange({ status: 'IN_PROGRESS', startedOn: '2025-01-06' }, 'PLANNED', '2025-03-01', null, sessions))
        .message,
    ).toBe('A cohort that is IN_PROGRESS cannot go to PLANNED: it can go to SUSPENDED');
    expect(
      refusalOf(() => planStatusChange({ status: 'SUSPENDED', startedOn: null }, 'SUSPENDED', '2025-03-01', 'x', sessions)).message,
    ).toBe('The cohort is already SUSPENDED: it can go to PLANNED or IN_PROGRESS');
  });
});
