import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, notInFuture, type DateInput, distinct, optionalText, given, Problems } from '@peacegraph/kit/input';
import { requireOwner } from '@peacegraph/kit/policy';
import type { RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { SessionDeliverySchema, type SessionDelivery } from './session-delivery.entity';
import { type Cohort } from '../cohort/cohort.entity';
import { type SessionPlan } from '../module/module.entity';
import { headcountTotal } from '../common/headcount';
import type { CorrectSessionDeliveryInput, RecordSessionDeliveryInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { readAudienceCounts, readHeadcount, withinEnrolment, type AudienceCountInput } from '../common/headcount.rules';

/** A plan's re-deliveries per cohort: enough for those who missed it, and a bound on the cohort's list. */
export const MAX_MAKE_UPS_PER_PLAN = 3;

/**
 * Session delivery and attendance. A plan is delivered once per cohort; a re-delivery is a make-up.
 * Deliveries to one cohort are recorded one at a time (its row is locked), so two clients cannot both
 * deliver session 5, and the delivery of the last plan completes the cohort in the same transaction.
 */
export class DeliveryService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordSessionDeliveryInput): Promise<SessionDelivery> {
    return this.writes.once(SessionDeliverySchema, input.clientMutationId, async (writer) => {
      const cohort = await this.loaders.cohort.load(input.cohort);
      if (!cohort) throw badInput('input.cohort', `No cohort with id "${input.cohort}"`);
      requireOwner(writer, cohort.ownerOrg, `Cohort ${cohort.id}`);
      const makeUp = input.makeUp ?? false;
      this.takesSessions(cohort, makeUp);

      const [plans, module] = await Promise.all([
        this.loaders.sessionPlansOfModule.load(cohort.moduleId),
        this.loaders.module.load(cohort.moduleId),
      ]);
      const plan = plans.find((p) => p.number === input.sessionNumber);
      if (!plan) {
        throw badInput(
          'input.sessionNumber',
          `${module!.title} has sessions 1 to ${plans.length}; there is no session ${input.sessionNumber}`,
        );
      }
      const problems = new Problems();
      const checked = problems.done({
        deliveredOn: problems.check('input.deliveredOn', () => this.date('input.deliveredOn', input.deliveredOn, cohort)),
        counts: problems.check('input.attendance', () => this.attendance(input, cohort)),
        facilitatorIds: problems.check('input.facilitators', () => this.deliveredBy(input.facilitators, cohort)),
        notes: problems.check('input.notes', () => optionalText('input.notes', input.notes, 'The notes')),
      });
      const deliveredOn = checked.deliveredOn;
      const values = {
        cohortId: cohort.id,
        sessionPlanId: plan.id,
        sessionNumber: plan.number,
        deliveredOn,
        makeUp,
        ...checked.counts,
        facilitatorIds: checked.facilitatorIds,
        notes: checked.notes,
      };
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: SessionDeliverySchema,
        recordType: 'SessionDelivery',
        operation: 'recordSessionDelivery',
        fields: Object.keys(input),
        duplicates: {
          session_delivery_once: () => badInput('input.sessionNumber', `Session ${plan.number} was already delivered to this cohort`),
          session_delivery_make_up_day: () =>
            badInput('input.deliveredOn', `A make-up of session ${plan.number} is already recorded on ${deliveredOn}`),
        },
        check: async (manager) => {
          // The locked row is the truth: the cohort may have changed since it was read.
          const locked = await this.repositories.cohorts.lock(manager, cohort.id);
          this.takesSessions(locked, makeUp);
          const before = (await this.repositories.deliveries.ofCohorts([cohort.id], manager)).filter((d) => d.sessionPlanId === plan.id);
          this.checkRepeat(plan, makeUp, deliveredOn, before, null);
        },
        after: async (manager) => {
          if (!makeUp) await this.completeIfAllDelivered(manager, cohort, plans.length);
        },
      });
    });
  }

  async correct(id: string, version: number, input: CorrectSessionDeliveryInput): Promise<SessionDelivery> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.delivery.load(id), 'SessionDelivery', id, version);
    const cohort = (await this.loaders.cohort.load(current.cohortId))!;
    if (input.attendance === null) throw badInput('input.attendance', 'A delivery needs its attendance');
    const problems = new Problems();
    const checked = problems.done({
      deliveredOn: problems.check('input.deliveredOn', () =>
        given(input.deliveredOn) ? this.date('input.deliveredOn', input.deliveredOn, cohort) : current.deliveredOn,
      ),
      counts: problems.check('input.attendance', () =>
        this.attendance(
          { attendance: input.attendance ?? current.attendance, attendanceByAudience: input.attendanceByAudience },
          cohort,
          input.attendanceByAudience === undefined ? current.attendanceByAudience : undefined,
        ),
      ),
      facilitatorIds: problems.check('input.facilitators', () =>
        input.facilitators === undefined ? current.facilitatorIds : this.deliveredBy(input.facilitators, cohort),
      ),
      notes: problems.check('input.notes', () =>
        input.notes === undefined ? current.notes : optionalText('input.notes', input.notes, 'The notes'),
      ),
    });
    const deliveredOn = checked.deliveredOn;
    const changes: Partial<SessionDelivery> = {
      deliveredOn,
      ...checked.counts,
      facilitatorIds: checked.facilitatorIds,
      notes: checked.notes,
    };
    const plan = (await this.loaders.sessionPlan.load(current.sessionPlanId))!;
    return this.writes.update(current, version, changes, {
      schema: SessionDeliverySchema,
      recordType: 'SessionDelivery',
      operation: 'correctSessionDelivery',
      fields: Object.keys(input),
      duplicates: {
        session_delivery_make_up_day: () =>
          badInput('input.deliveredOn', `A make-up of session ${plan.number} is already recorded on ${deliveredOn}`),
      },
      check: async (manager) => {
        await this.repositories.cohorts.lock(manager, cohort.id);
        const others = (await this.repositories.deliveries.ofCohorts([cohort.id], manager)).filter((d) => d.sessionPlanId === plan.id);
        this.checkRepeat(plan, current.makeUp, deliveredOn, others, current.id);
      },
      after: async (manager) => {
        if (cohort.status === 'COMPLETED' && !current.makeUp && deliveredOn !== current.deliveredOn) {
          await this.setCompletedOn(manager, cohort, 'correctSessionDelivery');
        }
      },
    });
  }

  /** Regular sessions need a cohort in progress; make-ups may also follow a completed one. */
  private takesSessions(cohort: Cohort, makeUp: boolean): void {
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

  /** Not in the future, not before the cohort started. */
  private date(field: string, value: DateInput, cohort: Cohort): string {
    const date = notInFuture(field, isoDate(value), 'The delivery date');
    return notBefore(field, date, cohort.startedOn, 'the day the cohort started');
  }

  /** Delivered once; make-ups after that delivery, at most one a day and three in all. */
  private checkRepeat(
    plan: SessionPlan,
    makeUp: boolean,
    deliveredOn: string,
    deliveries: SessionDelivery[],
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

  /** Among the cohort's facilitators; all of them when not said. */
  private deliveredBy(ids: string[] | null | undefined, cohort: Cohort): string[] {
    if (!ids || ids.length === 0) return cohort.facilitatorIds;
    distinct('input.facilitators', ids, (id) => `Facilitator ${id}`);
    ids.forEach((id, i) => {
      if (!cohort.facilitatorIds.includes(id))
        throw badInput(`input.facilitators.${i}`, `Facilitator ${id} is not one of the cohort's facilitators`);
    });
    return ids;
  }

  private attendance(
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

  /** The last plan delivered completes the cohort, on the day of its last regular session. */
  private async completeIfAllDelivered(manager: EntityManager, cohort: Cohort, total: number): Promise<void> {
    const [row] = (await manager.query(`SELECT count(*)::int AS delivered FROM session_delivery WHERE cohort_id = $1 AND NOT make_up`, [
      cohort.id,
    ])) as { delivered: number }[];
    if (row!.delivered < total) return;
    await this.setCompletedOn(manager, cohort, 'recordSessionDelivery');
  }

  /** Completes the cohort (or keeps it completed) on the date of its last regular session. */
  private async setCompletedOn(manager: EntityManager, cohort: Cohort, operation: string): Promise<void> {
    await manager.query(
      `UPDATE cohort SET status = 'COMPLETED',
         completed_on = (SELECT max(delivered_on) FROM session_delivery WHERE cohort_id = $1 AND NOT make_up),
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [cohort.id],
    );
    await this.writes.recordWrite(manager, operation, 'Cohort', [cohort.id], ['status', 'completedOn'], cohort.ownerOrg);
  }
}
