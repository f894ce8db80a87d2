import { badInput } from '@peacegraph/kit/errors';
import { requireOwner } from '@peacegraph/kit/policy';
import type { RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { SessionDeliverySchema, type SessionDelivery } from './session-delivery.entity';
import { type Cohort } from '../cohort/cohort.entity';
import type { CorrectSessionDeliveryInput, RecordSessionDeliveryInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { checkRepeat, correctionValues, deliveryValues, sessionPlanOf, takesSessions } from './session-delivery.rules';
import { CohortReachChange } from '../reach/reach-rollup';

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
      takesSessions(cohort, makeUp);

      const [plans, module] = await Promise.all([
        this.loaders.sessionPlansOfModule.load(cohort.moduleId),
        this.loaders.module.load(cohort.moduleId),
      ]);
      const plan = sessionPlanOf(plans, module!.title, input.sessionNumber);
      const checked = deliveryValues(input, cohort);
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
      const reach = new CohortReachChange(cohort.id);
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
          takesSessions(locked, makeUp);
          const before = (await this.repositories.deliveries.ofCohorts([cohort.id], manager)).filter((d) => d.sessionPlanId === plan.id);
          checkRepeat(plan, makeUp, deliveredOn, before, null);
          await reach.check(manager);
        },
        after: async (manager) => {
          if (!makeUp) await this.completeIfAllDelivered(manager, cohort, plans.length);
          // The delivery, and the completion it may bring, in the reach figures.
          await reach.after(manager);
        },
      });
    });
  }

  async correct(id: string, version: number, input: CorrectSessionDeliveryInput): Promise<SessionDelivery> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.delivery.load(id), 'SessionDelivery', id, version);
    const cohort = (await this.loaders.cohort.load(current.cohortId))!;
    const checked = correctionValues(input, current, cohort);
    const deliveredOn = checked.deliveredOn;
    const changes: Partial<SessionDelivery> = {
      deliveredOn,
      ...checked.counts,
      facilitatorIds: checked.facilitatorIds,
      notes: checked.notes,
    };
    const plan = (await this.loaders.sessionPlan.load(current.sessionPlanId))!;
    const reach = new CohortReachChange(cohort.id);
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
        checkRepeat(plan, current.makeUp, deliveredOn, others, current.id);
        await reach.check(manager);
      },
      after: async (manager) => {
        if (cohort.status === 'COMPLETED' && !current.makeUp && deliveredOn !== current.deliveredOn) {
          await this.setCompletedOn(manager, cohort, 'correctSessionDelivery');
        }
        // A corrected date moves the delivery (and the completion) to another month.
        await reach.after(manager);
      },
    });
  }

  /** The last plan delivered completes the cohort, on the day of its last regular session. */
  private async completeIfAllDelivered(manager: EntityManager, cohort: Cohort, total: number): Promise<void> {
    if ((await this.repositories.deliveries.regularSessionsDelivered(manager, cohort.id)) < total) return;
    await this.setCompletedOn(manager, cohort, 'recordSessionDelivery');
  }

  /** Completes the cohort (or keeps it completed) on the date of its last regular session. */
  private async setCompletedOn(manager: EntityManager, cohort: Cohort, operation: string): Promise<void> {
    await this.repositories.cohorts.completeOnLastRegularSession(manager, cohort.id);
    await this.writes.recordWrite(manager, operation, 'Cohort', [cohort.id], ['status', 'completedOn'], cohort.ownerOrg);
  }
}
