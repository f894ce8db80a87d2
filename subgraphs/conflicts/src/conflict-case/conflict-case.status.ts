import { checkStatusChange } from '@peacegraph/kit/input';
import type { CaseStatus } from '../common/values';

/**
 * The life of a case. A relapse reopens the case (it can go back to mediation or be referred); further
 * follow-up checks after the first are records, not status changes, so FOLLOW_UP_HELD only leads to a
 * relapse. Leaving REFERRED is what the referral body's feedback allows: back to mediation, or resolved.
 */
export const NEXT_STATUSES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  REPORTED: ['UNDER_MEDIATION', 'REFERRED'],
  UNDER_MEDIATION: ['RESOLVED', 'REFERRED', 'UNRESOLVED'],
  REFERRED: ['UNDER_MEDIATION', 'RESOLVED'],
  UNRESOLVED: ['UNDER_MEDIATION', 'REFERRED'],
  RESOLVED: ['FOLLOW_UP_HELD', 'RELAPSED'],
  FOLLOW_UP_HELD: ['RELAPSED'],
  RELAPSED: ['UNDER_MEDIATION', 'REFERRED'],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** Refuses a status change the life of a case does not allow, naming the ones it does. */
export function checkTransition(from: CaseStatus, to: CaseStatus, field = 'id'): void {
  checkStatusChange('A case', NEXT_STATUSES, from, to, field);
}
