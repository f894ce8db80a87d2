import type { CommitmentStatus } from '../entities';

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

/** The plain-words refusal for a change the rules do not allow. */
export function refusal(from: CommitmentStatus, to: CommitmentStatus): string {
  const next = NEXT_STATUSES[from];
  if (next.length === 0) return `A commitment that is ${from} is final: it cannot become ${to}`;
  return `A commitment that is ${from} cannot become ${to}; from ${from} it can become ${next.join(', ')}`;
}
