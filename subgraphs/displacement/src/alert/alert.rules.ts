import { badInput } from '@peacegraph/kit/errors';
import { checkedGeo } from '../common/geo-filters';
import type { AlertStatus } from '../common/transhumance-values';
import type { AlertFilter } from './alert.repository';

/**
 * An alert's life: RAISED → VERIFIED → DISSEMINATED → RESPONSE_RECORDED → CLOSED. It may be closed as
 * dismissed (a false alarm, with a reason) while nobody has been told yet: from RAISED or VERIFIED.
 * Once disseminated, people acted on it: it closes only after their response is recorded.
 */
export type AlertMove = 'VERIFY' | 'DISSEMINATE' | 'RECORD_RESPONSE' | 'CLOSE' | 'DISMISS';

const NEXT: Record<AlertMove, { from: AlertStatus[]; to: AlertStatus }> = {
  VERIFY: { from: ['RAISED'], to: 'VERIFIED' },
  DISSEMINATE: { from: ['VERIFIED'], to: 'DISSEMINATED' },
  RECORD_RESPONSE: { from: ['DISSEMINATED'], to: 'RESPONSE_RECORDED' },
  CLOSE: { from: ['RESPONSE_RECORDED'], to: 'CLOSED' },
  DISMISS: { from: ['RAISED', 'VERIFIED'], to: 'CLOSED' },
};

export function targetOf(move: AlertMove): AlertStatus {
  return NEXT[move].to;
}

export function canMove(from: AlertStatus, move: AlertMove): boolean {
  return NEXT[move].from.includes(from);
}

/** Whether any move leads from one status to the other. */
export function canReach(from: AlertStatus, to: AlertStatus): boolean {
  return (Object.keys(NEXT) as AlertMove[]).some((move) => NEXT[move].to === to && canMove(from, move));
}

const WORDS: Record<AlertMove, string> = {
  VERIFY: 'verified',
  DISSEMINATE: 'disseminated',
  RECORD_RESPONSE: 'given a response',
  CLOSE: 'closed',
  DISMISS: 'dismissed',
};

export function refusal(from: AlertStatus, move: AlertMove): string {
  if (from === 'CLOSED') return 'The alert is closed: nothing more can happen to it';
  const allowed = NEXT[move].from.join(' or ');
  return `An alert ${from.replace('_', ' ').toLowerCase()} cannot be ${WORDS[move]}: only one ${allowed.replace('_', ' ').toLowerCase()} can`;
}

export function isOpen(status: AlertStatus): boolean {
  return status !== 'CLOSED';
}

/** An alert filter, checked: its geography, and a period that ends after it starts. */
export function alertFilter(filter: AlertFilter | null | undefined): AlertFilter {
  const checked = checkedGeo(filter);
  if (checked.from && checked.to && checked.to < checked.from) throw badInput('filter.to', 'The period ends before it starts');
  return checked;
}
