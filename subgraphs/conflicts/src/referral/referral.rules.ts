import { badInput } from '@peacegraph/kit/errors';
import { notBefore } from '@peacegraph/kit/input';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import type { Referral } from './referral.entity';

/** The referral a REFERRED case waits on: its latest. */
export function openReferral(referrals: readonly Referral[]): Referral | undefined {
  return referrals.at(-1);
}

/**
 * A case leaves REFERRED on the referral body's answer: back to mediation or resolved. The feedback is
 * recorded first, and the change is not dated before it arrived.
 */
export function checkLeavingReferral(current: ConflictCase, referrals: readonly Referral[], field: string, date: string): void {
  if (current.status !== 'REFERRED') return;
  const referral = openReferral(referrals);
  if (!referral?.feedbackOn) {
    throw badInput(
      'id',
      `Case ${current.reference} awaits the referral body's feedback: record it (recordReferralFeedback) before the case leaves REFERRED`,
    );
  }
  notBefore(field, date, referral.feedbackOn, "the referral body's feedback arrived");
}
