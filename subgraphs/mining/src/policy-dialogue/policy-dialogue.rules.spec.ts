import { COMMITMENT_STATUSES, type CommitmentStatus } from '../common/values';
import { checkStatusChange } from '@peacegraph/kit/input';
import { refusalOf } from '@peacegraph/kit/testing';
import { canMove, NEXT_STATUSES } from './policy-dialogue.rules';

describe('the life of a commitment', () => {
  it('moves forward, may stall and resume, and stops at FULFILLED or ABANDONED', () => {
    expect(canMove('MADE', 'IN_PROGRESS')).toBe(true);
    expect(canMove('IN_PROGRESS', 'STALLED')).toBe(true);
    expect(canMove('STALLED', 'IN_PROGRESS')).toBe(true);
    expect(canMove('STALLED', 'FULFILLED')).toBe(true);
    expect(canMove('MADE', 'STALLED')).toBe(false);
    expect(canMove('IN_PROGRESS', 'MADE')).toBe(false);
    expect(NEXT_STATUSES.FULFILLED).toEqual([]);
    expect(NEXT_STATUSES.ABANDONED).toEqual([]);
  });

  it('never leads back to MADE nor to the status it is in', () => {
    for (const from of COMMITMENT_STATUSES) {
      expect(NEXT_STATUSES[from]).not.toContain('MADE');
      expect(NEXT_STATUSES[from]).not.toContain(from);
    }
  });

  it('explains a refusal in plain words', () => {
    const refusal = (from: CommitmentStatus, to: CommitmentStatus) =>
      refusalOf(() => checkStatusChange('A commitment', NEXT_STATUSES, from, to, 'input.status'));
    expect(refusal('MADE', 'STALLED')).toEqual({
      field: 'input.status',
      message: 'A commitment that is MADE cannot become STALLED; from MADE it can become IN_PROGRESS or FULFILLED or ABANDONED',
    });
    expect(refusal('ABANDONED', 'IN_PROGRESS').message).toBe('A commitment that is ABANDONED is final: it cannot become IN_PROGRESS');
  });
});
