import type { CommitmentStatus } from '../common/values';

/** Where a commitment may go next; FULFILLED and ABANDONED are final. */
export const NEXT_STATUSES: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  MADE: ['IN_PROGRESS', 'FULFILLED', 'ABANDONED'],
  IN_PROGRESS: ['STALLED', 'FULFILLED', 'ABANDONED'],
  STALLED: ['IN_PROGRESS', 'FULFILLED', 'ABANDONED'],
  FULFILLED: [],
  ABANDONED: [],
};

export function canMove(from: CommitmentStatus, to: CommitmentStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
