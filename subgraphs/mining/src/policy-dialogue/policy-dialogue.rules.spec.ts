import { COMMITMENT_STATUSES, type CommitmentStatus } from '../common/values';
import { checkStatusChange } from '@peacegraph/kit/input';
import { problemsIn, refusalOf } from '@peacegraph/kit/testing';
import type { PolicyCommitmentStatusInput } from '../generated/resolvers';
import {
  canMove,
  commitmentChange,
  commitmentsOfDialogue,
  convenersToAsk,
  heldBeforeCommitments,
  MAX_COMMITMENTS,
  MAX_CONVENERS,
  NEXT_STATUSES,
} from './policy-dialogue.rules';

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

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const promise = (description: string) => ({ description, madeBy: 'The governor', dueOn: '2024-06-01' });

describe("a dialogue's commitments and conveners", () => {
  it('accepts good commitments and conveners', () => {
    expect(commitmentsOfDialogue([promise('Publish the permits'), promise('Open a desk')], '2024-05-01')).toEqual([
      { description: 'Publish the permits', madeBy: 'The governor', dueOn: '2024-06-01' },
      { description: 'Open a desk', madeBy: 'The governor', dueOn: '2024-06-01' },
    ]);
    expect(commitmentsOfDialogue(null, '2024-05-01')).toEqual([]);
    expect(convenersToAsk([A, B])).toEqual([A, B]);
    expect(convenersToAsk([])).toEqual([]);
  });

  it('refuses the first bad commitment with all its problems, at once', () => {
    const bad = [promise('Fine'), { description: ' ', madeBy: ' ', dueOn: '2024-04-01' }, { description: ' ', madeBy: 'x' }];
    expect(problemsIn(() => commitmentsOfDialogue(bad, '2024-05-01'))).toEqual([
      ['input.commitments.1.description', expect.any(String)],
      ['input.commitments.1.madeBy', expect.any(String)],
      ['input.commitments.1.dueOn', '2024-04-01 is before the dialogue (2024-05-01)'],
    ]);
  });

  it(`wants at most ${MAX_COMMITMENTS} commitments, then no description twice`, () => {
    const many = Array.from({ length: MAX_COMMITMENTS + 1 }, () => promise('Same'));
    expect(refusalOf(() => commitmentsOfDialogue(many, '2024-05-01'))).toEqual({
      field: 'input.commitments',
      message: `At most ${MAX_COMMITMENTS} commitments`,
    });
    expect(refusalOf(() => commitmentsOfDialogue([promise('Open a desk'), promise('OPEN A DESK')], '2024-05-01'))).toEqual({
      field: 'input.commitments.1',
      message: '"open a desk" is listed twice',
    });
  });

  it('keeps a dialogue from moving after its commitments', () => {
    const made = [{ madeOn: '2024-05-01', dueOn: '2024-04-20' }];
    expect(() => heldBeforeCommitments('2024-04-20', made)).not.toThrow();
    expect(() => heldBeforeCommitments('2024-03-01', [])).not.toThrow();
    expect(refusalOf(() => heldBeforeCommitments('2024-04-25', made))).toEqual({
      field: 'input.heldOn',
      message: 'A commitment of this dialogue is dated 2024-04-20, before 2024-04-25',
    });
  });

  it(`refuses a convener listed twice, and more than ${MAX_CONVENERS}`, () => {
    expect(refusalOf(() => convenersToAsk([A, B, A]))).toEqual({
      field: 'input.convenedWith.2',
      message: `Organisation ${A} is listed twice`,
    });
    const many = Array.from({ length: MAX_CONVENERS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(convenersToAsk(many.slice(0, MAX_CONVENERS))).toHaveLength(MAX_CONVENERS);
    expect(refusalOf(() => convenersToAsk(many))).toEqual({
      field: 'input.convenedWith',
      message: `At most ${MAX_CONVENERS} organisations`,
    });
  });
});

describe("a commitment's change of status", () => {
  const current = { status: 'MADE' as const, statusSince: '2024-05-01' };
  const change = (input: Partial<PolicyCommitmentStatusInput>) =>
    refusalOf(() => commitmentChange(current, { status: 'IN_PROGRESS', on: '2024-05-10', ...input } as PolicyCommitmentStatusInput));

  it('accepts a known next status on a good date, with its note', () => {
    expect(commitmentChange(current, { status: 'IN_PROGRESS', on: '2024-05-10', note: ' Started ' })).toEqual({
      on: '2024-05-10',
      note: 'Started',
    });
    expect(commitmentChange(current, { status: 'FULFILLED', on: '2024-05-01' })).toEqual({ on: '2024-05-01', note: null });
  });

  it('refuses one problem at a time: status, move, date, note', () => {
    expect(change({ status: 'DONE' as never, on: '2999-01-01' })).toEqual({ field: 'input.status', message: 'Unknown status DONE' });
    expect(change({ status: 'STALLED', on: '2999-01-01' }).field).toBe('input.status');
    expect(change({ on: '2999-01-01' })).toEqual({
      field: 'input.on',
      message: expect.stringMatching(/^The date 2999-01-01 is in the future/),
    });
    expect(change({ on: '2024-04-30' })).toEqual({
      field: 'input.on',
      message: "2024-04-30 is before the commitment's last change (2024-05-01)",
    });
    expect(change({ note: 'x'.repeat(1001) })).toEqual({
      field: 'input.note',
      message: 'The note is longer than 1000 characters (got 1001)',
    });
  });
});
