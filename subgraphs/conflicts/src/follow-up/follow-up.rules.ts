import { badInput } from '@peacegraph/kit/errors';
import { given, isoDate, notBefore, notInFuture, optionalText, Problems } from '@peacegraph/kit/input';
import type { StatusMove } from '../conflict-case/conflict-case.change';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import { checkCaseDate } from '../conflict-case/conflict-case.dates';
import { checkTransition } from '../conflict-case/conflict-case.status';
import type { FollowUpInput, ScheduleFollowUpInput, StatusChangeInput } from '../generated/resolvers';
import type { Resolution } from '../resolution/resolution.entity';
import type { FollowUpCheck } from './follow-up.entity';

const FOLLOWED_UP = ['RESOLVED', 'FOLLOW_UP_HELD'];

/** Follow-up checks are for resolved cases (and those whose agreement held at a first check). */
export function checkResolved(current: Pick<ConflictCase, 'status' | 'reference'>): void {
  if (!FOLLOWED_UP.includes(current.status)) {
    throw badInput('id', `Follow-up checks are for resolved cases; case ${current.reference} is ${current.status}`);
  }
}

/** The resolution follow-up checks belong to: the case's latest. */
export function currentResolution(current: Pick<ConflictCase, 'id'>, resolutions: readonly Resolution[]): Resolution {
  const resolution = resolutions.at(-1);
  if (!resolution) throw new Error(`Resolved case ${current.id} has no resolution`);
  return resolution;
}

/** A check scheduled for the current resolution, due not before it. */
export function scheduleValues(input: ScheduleFollowUpInput, current: ConflictCase, resolutions: readonly Resolution[]) {
  checkResolved(current);
  const dueOn = notBefore('input.dueOn', isoDate(input.dueOn), current.resolvedOn, 'the resolution');
  return { dueOn, resolution: currentResolution(current, resolutions) };
}

/**
 * A check held: the scheduled one it answers (of the current resolution, not held yet) or a new one;
 * the first check of a resolved case, or a relapse, moves the case, dated in its life; a later check
 * only not before the resolution. Every problem of the input at once, the case's state at once.
 */
export function followUpValues(
  input: FollowUpInput,
  current: ConflictCase,
  resolutions: readonly Resolution[],
  checks: readonly FollowUpCheck[],
): { heldOn: string; resolution: Resolution; scheduled: FollowUpCheck | undefined; status: StatusMove | undefined; notes: string | null } {
  checkResolved(current);
  const heldOn = isoDate(input.heldOn);
  const resolution = currentResolution(current, resolutions);
  const problems = new Problems();
  let scheduled: FollowUpCheck | undefined;
  if (given(input.followUp)) {
    scheduled = checks.find((check) => check.id === input.followUp);
    if (!scheduled || scheduled.resolutionId !== resolution.id) {
      problems.add(
        'input.followUp',
        `No follow-up check "${input.followUp}" is scheduled for the current resolution of ${current.reference}`,
      );
    } else if (scheduled.heldOn) problems.add('input.followUp', `That follow-up check was already held on ${scheduled.heldOn}`);
  }
  // A status change may not be dated before the last one; a later check only not before the resolution.
  let status: StatusMove | undefined;
  if (input.finding === 'RELAPSED' || current.status === 'RESOLVED') {
    const to = input.finding === 'RELAPSED' ? 'RELAPSED' : 'FOLLOW_UP_HELD';
    checkTransition(current.status, to);
    problems.check('input.heldOn', () => checkCaseDate('input.heldOn', heldOn, 'The check date', current));
    status = { to, on: heldOn, note: null };
  } else {
    problems.check('input.heldOn', () => {
      notInFuture('input.heldOn', heldOn, 'The check date');
      notBefore('input.heldOn', heldOn, current.resolvedOn, 'the resolution');
    });
  }
  const { notes } = problems.done({
    notes: problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes', 4000)),
  });
  return { heldOn, resolution, scheduled, status, notes };
}

/** A relapse reopens a case that may go RELAPSED, on a date in its life. */
export function relapseOf(current: ConflictCase, input: StatusChangeInput) {
  checkTransition(current.status, 'RELAPSED');
  const on = isoDate(input.on);
  checkCaseDate('input.on', on, 'The relapse date', current);
  return { on, note: optionalText('input.note', input.note, 'The note', 2000) };
}
