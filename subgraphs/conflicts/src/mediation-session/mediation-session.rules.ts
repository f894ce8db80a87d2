import { badInput } from '@peacegraph/kit/errors';
import { isoDate, optionalText, Problems } from '@peacegraph/kit/input';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import { checkCaseDate } from '../conflict-case/conflict-case.dates';
import { checkTransition } from '../conflict-case/conflict-case.status';
import type { MediationSessionInput, StatusChangeInput } from '../generated/resolvers';
import type { PeaceCommission } from '../peace-commission/peace-commission.entity';
import { membersOf } from '../peace-commission/peace-commission.rules';
import type { Referral } from '../referral/referral.entity';
import { checkLeavingReferral } from '../referral/referral.rules';

export const MAX_ATTENDANCE = 2000;

/** Mediation opens on a case that may go UNDER_MEDIATION, on a date in its life (after any referral's feedback). */
export function mediationStart(current: ConflictCase, referrals: readonly Referral[], input: StatusChangeInput) {
  checkTransition(current.status, 'UNDER_MEDIATION');
  const on = isoDate(input.on);
  checkCaseDate('input.on', on, 'The start of mediation', current);
  checkLeavingReferral(current, referrals, 'input.on', on);
  return { on, note: optionalText('input.note', input.note, 'The note', 2000) };
}

/** Sessions are held while mediation lasts: refused at once, before the input is looked at. */
export function checkSessionsOpen(current: Pick<ConflictCase, 'status' | 'reference'>): void {
  if (current.status !== 'UNDER_MEDIATION') {
    throw badInput('id', `Mediation sessions are recorded while a case is UNDER_MEDIATION; case ${current.reference} is ${current.status}`);
  }
}

/**
 * A session's date and notes, every problem at once: mediators are members of the case's commission
 * (at least one), attendance whole numbers up to MAX_ATTENDANCE.
 */
export function sessionValues(input: MediationSessionInput, current: ConflictCase, commission: Pick<PeaceCommission, 'membership'>) {
  const problems = new Problems();
  const heldOn = isoDate(input.heldOn);
  problems.check('input.heldOn', () => checkCaseDate('input.heldOn', heldOn, 'The session date', current));
  const members = membersOf(commission.membership);
  for (const [sex, have] of [
    ['women', members.women],
    ['men', members.men],
  ] as const) {
    const count = input.mediators[sex];
    if (!Number.isInteger(count) || count < 0) problems.add(`input.mediators.${sex}`, `${sex} must be a whole number of at least 0`);
    else if (count > have)
      problems.add(`input.mediators.${sex}`, `Mediators are commission members: the commission has ${have} ${sex}, not ${count}`);
  }
  if (input.mediators.women + input.mediators.men === 0) problems.add('input.mediators', 'A session has at least one mediator');
  for (const sex of ['women', 'men'] as const) {
    const count = input.attendance[sex];
    if (!Number.isInteger(count) || count < 0 || count > MAX_ATTENDANCE) {
      problems.add(`input.attendance.${sex}`, `${sex} must be a whole number from 0 to ${MAX_ATTENDANCE}`);
    }
  }
  const { notes } = problems.done({
    notes: problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes', 4000)),
  });
  return { heldOn, notes };
}
