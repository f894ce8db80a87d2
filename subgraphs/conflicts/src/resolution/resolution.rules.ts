import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, optionalText, Problems } from '@peacegraph/kit/input';
import { RESOLUTION_OUTCOMES, type CaseStatus, type ResolutionOutcome } from '../common/values';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import { checkCaseDate } from '../conflict-case/conflict-case.dates';
import { canMove, checkTransition } from '../conflict-case/conflict-case.status';
import type { ResolutionInput } from '../generated/resolvers';
import type { Referral } from '../referral/referral.entity';
import { checkLeavingReferral } from '../referral/referral.rules';

export const MAX_FOLLOW_UPS = 12;

/** An agreement or a withdrawal resolves the case; no agreement leaves it unresolved. */
export function statusAfter(outcome: ResolutionOutcome): CaseStatus {
  return outcome === 'NO_AGREEMENT' ? 'UNRESOLVED' : 'RESOLVED';
}

/**
 * A resolution's status, date, follow-up dates and summary. The outcome and the case's state are
 * refused at once; then every problem of the input together.
 */
export function resolutionValues(input: ResolutionInput, current: ConflictCase, referrals: readonly Referral[]) {
  if (!RESOLUTION_OUTCOMES.includes(input.outcome)) throw badInput('input.outcome', `Unknown outcome ${input.outcome}`);
  const to = statusAfter(input.outcome);
  // When another outcome would fit the case's status, it is the outcome that is wrong, not the case.
  const otherFits = canMove(current.status, to === 'RESOLVED' ? 'UNRESOLVED' : 'RESOLVED');
  checkTransition(current.status, to, otherFits ? 'input.outcome' : 'id');
  const problems = new Problems();
  const reachedOn = isoDate(input.reachedOn);
  problems.check('input.reachedOn', () => {
    checkCaseDate('input.reachedOn', reachedOn, 'The resolution date', current);
    checkLeavingReferral(current, referrals, 'input.reachedOn', reachedOn);
  });
  const due = (input.followUpsDue ?? []).map(isoDate);
  if (due.length > 0 && to !== 'RESOLVED') problems.add('input.followUpsDue', 'Follow-up checks are for resolved cases');
  if (due.length > MAX_FOLLOW_UPS) problems.add('input.followUpsDue', `At most ${MAX_FOLLOW_UPS} follow-up checks at once`);
  else {
    due.forEach((date, n) => {
      problems.check(`input.followUpsDue.${n}`, () => notBefore(`input.followUpsDue.${n}`, date, reachedOn, 'the resolution'));
      if (due.indexOf(date) !== n) problems.add(`input.followUpsDue.${n}`, `${date} is listed twice`);
    });
  }
  const { termsSummary } = problems.done({
    termsSummary: problems.check('input.termsSummary', () => optionalText('input.termsSummary', input.termsSummary, 'The summary', 4000)),
  });
  return { to, reachedOn, due, termsSummary };
}
