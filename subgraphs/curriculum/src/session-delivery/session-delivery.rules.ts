import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, notInFuture, type DateInput, distinct, optionalText, given, Problems } from '@peacegraph/kit/input';
import { type Cohort } from '../cohort/cohort.entity';
import { type SessionPlan } from '../module/module.entity';
import { headcountTotal } from '../common/headcount';
import { readAudienceCounts, readHeadcount, withinEnrolment, type AudienceCountInput } from '../common/headcount.rules';
import type { CorrectSessionDeliveryInput, RecordSessionDeliveryInput } from '../generated/resolvers';
import type { SessionDelivery } from './session-delivery.entity';

/** A plan's re-deliveries per cohort: enough for those who missed it, and a bound on the cohort's list. */
export const MAX_MAKE_UPS_PER_PLAN = 3;

/** Regular sessions need a cohort in progress; make-ups may also follow a completed one. */
export function takesSessions(cohort: Cohort, makeUp: boolean): void {
  switch (cohort.status) {
    case 'IN_PROGRESS':
      return;
    case 'PLANNED':
      throw badInput(
        'input.cohort',
        'The cohort has not started: start it (changeCohortStatus to IN_PROGRESS, with the day it started) before recording its sessions',
      );
    case 'SUSPENDED':
      throw badInput(
        'input.cohort',
        `The cohort is suspended since ${cohort.suspendedOn} (${cohort.suspendedReason}): resume it before recording sessions`,
      );
    case 'COMPLETED':
      if (makeUp) return;
      throw badInput(
        'input.cohort',
        `The cohort received all its sessions by ${cohort.completedOn}; a repeat is a make-up session (makeUp: true)`,
      );
  }
}

/** The session plan delivered: one of the module's, by its number. */
export function sessionPlanOf(plans: readonly SessionPlan[], moduleTitle: string, sessionNumber: number): SessionPlan {
  const plan = plans.find((p) => p.number === sessionNumber);
  if (!plan) {
    throw badInput('input.sessionNumber', `${moduleTitle} has sessions 1 to ${plans.length}; there is no session ${sessionNumber}`);
  }
  return plan;
}

/** Not in the future, not before the cohort started. */
function deliveryDate(field: string, value: DateInput, cohort: Cohort): string {
  const date = notInFuture(field, isoDate(value), 'The delivery date');
  return notBefore(field, date, cohort.startedOn, 'the day the cohort started');
}

/** Among the cohort's facilitators; all of them when not said. */
function deliveredBy(ids: string[] | null | undefined, cohort: Cohort): string[] {
  if (!ids || ids.length === 0) return cohort.facilitatorIds;
  distinct('input.facilitators', ids, (id) => `Facilitator ${id}`);
  ids.forEach((id, i) => {
    if (!cohort.facilitatorIds.includes(id))
      throw badInput(`input.facilitators.${i}`, `Facilitator ${id} is not one of the cohort's facilitators`);
  });
  return ids;
}

/** Attendance within enrolment, cell by cell, and by audience within the total (or the audiences kept). */
function attendanceOf(
  input: { attendance: RecordSessionDeliveryInput['attendance']; attendanceByAudience?: AudienceCountInput[] | null },
  cohort: Cohort,
  keptByAudience?: SessionDelivery['attendanceByAudience'],
) {
  const attendance = readHeadcount('input.attendance', input.attendance, 'The attendance');
  withinEnrolment('input.attendance', attendance, cohort.enrolment);
  const attendanceByAudience =
    keptByAudience ??
    readAudienceCounts(
      'input.attendanceByAudience',
      input.attendanceByAudience,
      cohort.audiences,
      headcountTotal(attendance),
      cohort.enrolmentByAudience,
    );
  return { attendance, attendanceByAudience };
}

/** A delivery's values, every problem at once: its date, attendance, facilitators and notes. */
export function deliveryValues(input: RecordSessionDeliveryInput, cohort: Cohort) {
  const problems = new Problems();
  return problems.done({
    deliveredOn: problems.check('input.deliveredOn', () => deliveryDate('input.deliveredOn', input.deliveredOn, cohort)),
    counts: problems.check('input.attendance', () => attendanceOf(input, cohort)),
    facilitatorIds: problems.check('input.facilitators', () => deliveredBy(input.facilitators, cohort)),
    notes: problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes')),
  });
}

/** A correction's values (fields left out keep theirs), every problem at once. */
export function correctionValues(input: CorrectSessionDeliveryInput, current: SessionDelivery, cohort: Cohort) {
  if (input.attendance === null) throw badInput('input.attendance', 'A delivery needs its attendance');
  const problems = new Problems();
  return problems.done({
    deliveredOn: problems.check('input.deliveredOn', () =>
      given(input.deliveredOn) ? deliveryDate('input.deliveredOn', input.deliveredOn, cohort) : current.deliveredOn,
    ),
    counts: problems.check('input.attendance', () =>
      attendanceOf(
        { attendance: input.attendance ?? current.attendance, attendanceByAudience: input.attendanceByAudience },
        cohort,
        input.attendanceByAudience === undefined ? current.attendanceByAudience : undefined,
      ),
    ),
    facilitatorIds: problems.check('input.facilitators', () =>
      input.facilitators === undefined ? current.facilitatorIds : deliveredBy(input.facilitators, cohort),
    ),
    notes: problems.check('input.notes', () =>
      input.notes === undefined ? current.notes : optionalText('input.notes', input.notes, 'The notes'),
    ),
  });
}

/**
 * Delivered once; make-ups after that delivery, at most one a day and MAX_MAKE_UPS_PER_PLAN in all.
 * `deliveries` are the plan's deliveries to the cohort (read in the write's transaction); `exceptId`
 * the delivery being corrected.
 */
export function checkRepeat(
  plan: Pick<SessionPlan, 'number'>,
  makeUp: boolean,
  deliveredOn: string,
  deliveries: readonly Pick<SessionDelivery, 'id' | 'makeUp' | 'deliveredOn'>[],
  exceptId: string | null,
): void {
  const others = deliveries.filter((d) => d.id !== exceptId);
  const first = others.find((d) => !d.makeUp);
  const makeUps = others.filter((d) => d.makeUp);
  if (!makeUp) {
    if (first) {
      throw badInput(
        'input.sessionNumber',
        `Session ${plan.number} was already delivered to this cohort on ${first.deliveredOn}; record a re-delivery as a make-up session (makeUp: true)`,
      );
    }
    const earliest = makeUps.map((d) => d.deliveredOn).sort()[0];
    if (earliest && deliveredOn >= earliest)
      throw badInput('input.deliveredOn', `Session ${plan.number} had a make-up on ${earliest}: it was delivered before that`);
    return;
  }
  if (!first) {
    throw badInput(
      'input.makeUp',
      `Session ${plan.number} has not been delivered to this cohort yet: a make-up repeats a session already delivered`,
    );
  }
  if (deliveredOn <= first.deliveredOn) {
    throw badInput('input.deliveredOn', `A make-up of session ${plan.number} comes after its delivery on ${first.deliveredOn}`);
  }
  if (makeUps.some((d) => d.deliveredOn === deliveredOn)) {
    throw badInput('input.deliveredOn', `A make-up of session ${plan.number} is already recorded on ${deliveredOn}`);
  }
  if (exceptId === null && makeUps.length >= MAX_MAKE_UPS_PER_PLAN) {
    throw badInput('input.makeUp', `Session ${plan.number} already had ${MAX_MAKE_UPS_PER_PLAN} make-up sessions in this cohort`);
  }
}
