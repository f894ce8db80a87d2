import { problemsIn, refusalOf } from '@peacegraph/kit/testing';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import type { FollowUpInput } from '../generated/resolvers';
import type { Resolution } from '../resolution/resolution.entity';
import type { FollowUpCheck } from './follow-up.entity';
import { checkResolved, followUpValues, relapseOf, scheduleValues } from './follow-up.rules';

const resolved = {
  id: 'c0000000-0000-4000-8000-000000000001',
  reference: 'ML-2025-0007',
  status: 'RESOLVED',
  reportedOn: '2025-01-10',
  statusSince: '2025-03-01',
  resolvedOn: '2025-03-01',
} as unknown as ConflictCase;
const resolutions = [{ id: 'r1' }, { id: 'r2' }] as Resolution[];
const checks = [
  { id: 'f1', resolutionId: 'r1', heldOn: null },
  { id: 'f2', resolutionId: 'r2', heldOn: null },
  { id: 'f3', resolutionId: 'r2', heldOn: '2025-04-02' },
] as FollowUpCheck[];
const holding: FollowUpInput = { heldOn: '2025-04-01', finding: 'HOLDING', followUp: 'f2' } as FollowUpInput;

describe('scheduling a follow-up check', () => {
  it('schedules a check of the current resolution, not before it', () => {
    expect(scheduleValues({ dueOn: '2025-04-01' }, resolved, resolutions)).toEqual({ dueOn: '2025-04-01', resolution: resolutions[1] });
    expect(refusalOf(() => scheduleValues({ dueOn: '2025-02-01' }, resolved, resolutions))).toEqual({
      field: 'input.dueOn',
      message: '2025-02-01 is before the resolution (2025-03-01)',
    });
  });

  it('refuses a case that is not resolved', () => {
    expect(refusalOf(() => checkResolved({ reference: 'ML-2025-0007', status: 'UNDER_MEDIATION' }))).toEqual({
      field: 'id',
      message: 'Follow-up checks are for resolved cases; case ML-2025-0007 is UNDER_MEDIATION',
    });
  });
});

describe('a follow-up check held', () => {
  it('answers the scheduled check, and the first check of a resolved case moves it', () => {
    expect(followUpValues(holding, resolved, resolutions, checks)).toEqual({
      heldOn: '2025-04-01',
      resolution: resolutions[1],
      scheduled: checks[1],
      status: { to: 'FOLLOW_UP_HELD', on: '2025-04-01', note: null },
      notes: null,
    });
    // A later check is a record only.
    const held = { ...resolved, status: 'FOLLOW_UP_HELD', statusSince: '2025-04-01' } as ConflictCase;
    expect(followUpValues({ heldOn: '2025-03-20', finding: 'HOLDING' } as FollowUpInput, held, resolutions, checks).status).toBeUndefined();
  });

  it('reports every problem of the input at once, each on its field', () => {
    const input = { ...holding, followUp: 'f1', heldOn: '2025-02-01', notes: 'x'.repeat(4001) } as FollowUpInput;
    expect(problemsIn(() => followUpValues(input, resolved, resolutions, checks))).toEqual([
      ['input.followUp', 'No follow-up check "f1" is scheduled for the current resolution of ML-2025-0007'],
      ['input.heldOn', "2025-02-01 is before the case's last status change (RESOLVED) (2025-03-01)"],
      ['input.notes', 'The notes is longer than 4000 characters (got 4001)'],
    ]);
    const again = { ...holding, followUp: 'f3' } as FollowUpInput;
    expect(problemsIn(() => followUpValues(again, resolved, resolutions, checks))).toEqual([
      ['input.followUp', 'That follow-up check was already held on 2025-04-02'],
    ]);
  });
});

describe('a relapse', () => {
  it('reopens a resolved case on a day in its life', () => {
    expect(relapseOf(resolved, { on: '2025-05-01' })).toEqual({ on: '2025-05-01', note: null });
    expect(refusalOf(() => relapseOf(resolved, { on: '2025-02-01' })).field).toBe('input.on');
    expect(refusalOf(() => relapseOf({ ...resolved, status: 'UNDER_MEDIATION' } as ConflictCase, { on: '2025-05-01' })).field).toBe('id');
  });
});
