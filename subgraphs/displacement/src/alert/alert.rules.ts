import { badInput } from '@peacegraph/kit/errors';
import { optionalText, requiredName, wholeNumber, given, Problems, type AreaRef } from '@peacegraph/kit/input';
import { checkedGeo } from '../common/geo-filters';
import { answerOf, type Lookup } from '@peacegraph/kit/input';
import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_TRIGGERS, MAX_HEADS, RECIPIENT_KINDS, type AlertStatus } from '../common/transhumance-values';
import type { TranshumanceCorridor } from '../corridor/corridor.entity';
import type { SensitiveSpot } from '../place/place.entity';
import type { AlertRecipient, TranshumanceAlert } from './alert.entity';
import type { AlertFilter } from './alert.repository';
import type { RaiseTranshumanceAlertInput, TranshumanceAlertRecipientInput, TranshumanceAlertResponseInput } from '../generated/resolvers';

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

/** Devices' and phones' clocks run a little ahead: up to five minutes "in the future" is taken as now. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** When an alert was raised: now unless given; not in the future, nor more than 90 days ago. */
export function raisedAt(at: Date | null | undefined): Date {
  const now = new Date();
  if (!at) return now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput('input.at', `${at.toISOString()} is in the future`);
  if (now.getTime() - at.getTime() > 90 * 86_400_000)
    throw badInput('input.at', `${at.toISOString()} is more than 90 days ago: record it as an event of the past elsewhere`);
  return at;
}

/** What the service looked up for an alert: the spot and the corridor (null when none has that id), the directory's area. */
export interface RaiseLookups {
  spot: SensitiveSpot | null;
  area?: Lookup<AreaRef>;
  corridor?: TranshumanceCorridor | null;
}

/**
 * A raised alert's values, every problem at once: kind, severity and trigger agree; a summary; a
 * spot or an area (the spot inside the area); a known corridor; herd sizes; when it was raised.
 */
export function alertValues(input: RaiseTranshumanceAlertInput, loaded: RaiseLookups) {
  const problems = new Problems();
  if (!ALERT_KINDS.includes(input.kind)) problems.add('input.kind', `Unknown kind ${input.kind}`);
  if (!ALERT_SEVERITIES.includes(input.severity)) problems.add('input.severity', `Unknown severity ${input.severity}`);
  if (input.kind === 'EVENT' && given(input.trigger))
    problems.add('input.trigger', 'An EVENT alert reports what happened: it has no trigger');
  if (input.kind === 'PREVENTION' && !given(input.trigger))
    problems.add('input.trigger', 'A PREVENTION alert says what triggers it: MASSIVE, APPROACHING, EARLY, LATE or UNEXPECTED');
  if (given(input.trigger) && !ALERT_TRIGGERS.includes(input.trigger)) problems.add('input.trigger', `Unknown trigger ${input.trigger}`);
  const checkedSummary = problems.check('input.summary', () => requiredName('input.summary', input.summary, 'The summary', 2000));
  if (!given(input.spot) && !given(input.adminArea)) problems.add('input.spot', 'Name a sensitive spot, an admin area, or both');
  const { spot } = loaded;
  if (given(input.spot) && !spot) problems.add('input.spot', `No sensitive spot with id "${input.spot}"`);
  const areaGiven = input.adminArea;
  const area = given(areaGiven) ? (problems.check('input.adminArea', () => answerOf(loaded.area!)) ?? null) : null;
  if (spot && area && !spot.adminPcode.startsWith(area.adminPcode)) {
    problems.add('input.adminArea', `The spot "${spot.name}" lies in ${spot.adminPcode}, which is not in ${area.adminPcode}`);
  }
  const corridorId = input.corridor ?? spot?.corridorId ?? null;
  if (given(input.corridor) && !loaded.corridor) problems.add('input.corridor', `No corridor with id "${input.corridor}"`);
  const count = (field: string, value: number | null | undefined, label: string, max: number) =>
    problems.check(field, () => wholeNumber(field, value ?? 0, label, { max })) ?? 0;
  const heads = {
    cattle: count('input.cattle', input.cattle, 'Cattle', MAX_HEADS.CATTLE * 10),
    sheep: count('input.sheep', input.sheep, 'Sheep', MAX_HEADS.SHEEP * 10),
    goats: count('input.goats', input.goats, 'Goats', MAX_HEADS.GOATS * 10),
    camels: count('input.camels', input.camels, 'Camels', MAX_HEADS.CAMELS * 10),
  };
  const checkedNow = problems.check('input.at', () => raisedAt(input.at));
  const { summary, now } = problems.done({ summary: checkedSummary, now: checkedNow });
  // Where the alert is: the area named, else the spot's (one of them was required above).
  const place = area ?? { adminPcode: spot!.adminPcode, countryCode: spot!.countryCode };
  return { summary, now, heads, corridorId, place };
}

/** A step's move, refused (under `id`, naming the alert's status) when the alert's status does not allow it. */
export function checkMove(from: AlertStatus, move: AlertMove): void {
  if (!canMove(from, move)) throw badInput('id', refusal(from, move), { status: from });
}

/**
 * When a step happened: `now` unless given; never in the future (beyond CLOCK_SKEW_MS) nor before the
 * alert's previous step.
 */
export function stepTime(at: Date | null | undefined, alert: TranshumanceAlert, now: Date): Date {
  if (!at) return now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput('input.at', `${at.toISOString()} is in the future`);
  const previous = [alert.raisedAt, alert.verifiedAt, alert.disseminatedAt, alert.responseAt]
    .filter((d): d is Date => !!d)
    .sort((a, b) => b.getTime() - a.getTime())[0]!;
  if (at < previous) throw badInput('input.at', `${at.toISOString()} is before the alert's previous step (${previous.toISOString()})`);
  return at;
}

/** A step's note: optional, at most 1000 characters. */
export function stepNote(note: string | null | undefined): string | null {
  return optionalText('input.note', note, 'The note', 1000);
}

/** Most recipients of one dissemination. */
export const MAX_RECIPIENTS = 30;

/** Whom an alert is disseminated to: at least one recipient, at most MAX_RECIPIENTS (checked before the alert is loaded). */
export function recipientsCounted(recipients: readonly unknown[]): void {
  if (recipients.length === 0) throw badInput('input.recipients', 'Name at least one recipient');
  if (recipients.length > MAX_RECIPIENTS) throw badInput('input.recipients', `At most ${MAX_RECIPIENTS} recipients`);
}

/**
 * The `i`th recipient, told `at`: a known kind, then a name; the first problem refuses at once. Its
 * organisation is the directory's to confirm, after this and before the next recipient.
 */
export function recipientValues(i: number, r: TranshumanceAlertRecipientInput, at: Date): Omit<AlertRecipient, 'alertId'> {
  if (!RECIPIENT_KINDS.includes(r.kind)) throw badInput(`input.recipients.${i}.kind`, `Unknown kind ${r.kind}`);
  const name = requiredName(`input.recipients.${i}.name`, r.name, 'The name', 200);
  return { position: i + 1, kind: r.kind, name, organisationId: r.organisation ?? null, disseminatedAt: at };
}

/** A response: what was done, then who did it; the first problem refuses at once. */
export function responseValues(input: TranshumanceAlertResponseInput): { response: string; respondedBy: string } {
  return {
    response: requiredName('input.response', input.response, 'What was done', 2000),
    respondedBy: requiredName('input.respondedBy', input.respondedBy, 'Who did it', 300),
  };
}

/** Why an alert closes: required when it is dismissed, optional otherwise. */
export function closeReason(dismissed: boolean, reason: string | null | undefined): string | null {
  return dismissed
    ? requiredName('input.reason', reason ?? '', 'The reason for dismissing the alert', 1000)
    : optionalText('input.reason', reason, 'The reason', 1000);
}
