import { badInput } from '@peacegraph/kit/errors';
import type { CohortStatus } from './cohort.entity';

/**
 * The cohort's life: PLANNED → IN_PROGRESS (it starts) → COMPLETED (automatically, with its last
 * session plan); PLANNED or IN_PROGRESS → SUSPENDED (with a reason) → resumed to where it was.
 * COMPLETED is never asked for: it is a fact the deliveries establish.
 */
export interface StatusSituation {
  status: CohortStatus;
  startedOn: string | null;
}

/** What changeCohortStatus accepts from here. */
export function allowedStatusChanges({ status, startedOn }: StatusSituation): CohortStatus[] {
  switch (status) {
    case 'PLANNED':
      return ['IN_PROGRESS', 'SUSPENDED'];
    case 'IN_PROGRESS':
      return ['SUSPENDED'];
    case 'SUSPENDED':
      // A cohort that never started may resume as planned or start at once.
      return startedOn ? ['IN_PROGRESS'] : ['PLANNED', 'IN_PROGRESS'];
    case 'COMPLETED':
      return [];
  }
}

export type StatusChange =
  { kind: 'start'; on: string } | { kind: 'suspend'; on: string; reason: string } | { kind: 'resume'; to: CohortStatus; on: string };

/** Decides the change or refuses it, naming the statuses that are allowed. */
export function planStatusChange(
  current: StatusSituation,
  requested: CohortStatus,
  on: string,
  reason: string | null,
  sessions: { delivered: number; total: number },
): StatusChange {
  const allowed = allowedStatusChanges(current);
  if (!allowed.includes(requested)) {
    const next = allowed.length ? `it can go to ${allowed.join(' or ')}` : 'it cannot change any more';
    const completion =
      requested === 'COMPLETED' && current.status !== 'COMPLETED'
        ? `; a cohort is completed automatically when all ${sessions.total} session plans are delivered (${sessions.delivered} so far)`
        : '';
    const refusal =
      requested === current.status ? `The cohort is already ${requested}` : `A cohort that is ${current.status} cannot go to ${requested}`;
    throw badInput('input.status', `${refusal}: ${next}${completion}`);
  }
  if (requested === 'SUSPENDED') {
    if (!reason) throw badInput('input.reason', 'Say why the cohort is suspended');
    return { kind: 'suspend', on, reason };
  }
  if (current.status === 'SUSPENDED') return { kind: 'resume', to: requested, on };
  return { kind: 'start', on };
}
