import { badInput } from '@peacegraph/kit/errors';
import { requireOwner } from '@peacegraph/kit/policy';
import { atMost, type RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { CommunityActionPlanSchema, PlannedActionSchema, type CommunityActionPlan, type PlannedAction } from './action-plan.entity';
import type {
  AddPlannedActionInput,
  CreateCommunityActionPlanInput,
  UpdateCommunityActionPlanInput,
  UpdatePlannedActionInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { startedCohort } from '../cohort/started-cohort';
import { MAX_ACTIONS, actionValues, checkNoPlanYet, newPlanValues, planChanges, type ActionValues } from './action-plan.rules';

/** Community action plans for peace and human security, and the actions the community carries out. */
export class ActionPlanService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateCommunityActionPlanInput): Promise<CommunityActionPlan> {
    return this.writes.once(CommunityActionPlanSchema, input.clientMutationId, async (writer) => {
      const cohort = await startedCohort(this.loaders, writer, input.cohort, 'its action plan');
      checkNoPlanYet(await this.loaders.actionPlanOfCohort.load(cohort.id));
      const { title, adoptedOn, actions } = newPlanValues(input, cohort.startedOn);
      const { communityId, adminPcode, regionPcode, countryCode } = cohort;
      return this.writes.create(
        writer,
        { cohortId: cohort.id, communityId, adminPcode, regionPcode, countryCode, title, adoptedOn },
        input.clientMutationId,
        {
          schema: CommunityActionPlanSchema,
          recordType: 'CommunityActionPlan',
          operation: 'createCommunityActionPlan',
          fields: Object.keys(input),
          duplicates: { community_action_plan_cohort_id_key: () => badInput('input.cohort', 'The cohort already has an action plan') },
          after: (manager, plan) => this.insertActions(manager, plan, actions),
        },
      );
    });
  }

  async update(id: string, version: number, input: UpdateCommunityActionPlanInput): Promise<CommunityActionPlan> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.actionPlan.load(id), 'CommunityActionPlan', id, version);
    const cohort = (await this.loaders.cohort.load(current.cohortId))!;
    const changes = planChanges(input, current, cohort.startedOn, await this.loaders.actionsOfPlan.load(id));
    return this.writes.update(current, version, changes, {
      schema: CommunityActionPlanSchema,
      recordType: 'CommunityActionPlan',
      operation: 'updateCommunityActionPlan',
      fields: Object.keys(input),
    });
  }

  async addAction(input: AddPlannedActionInput): Promise<PlannedAction> {
    return this.writes.once(PlannedActionSchema, input.clientMutationId, async (writer) => {
      const plan = await this.loaders.actionPlan.load(input.actionPlan);
      if (!plan) throw badInput('input.actionPlan', `No community action plan with id "${input.actionPlan}"`);
      requireOwner(writer, plan.ownerOrg, `CommunityActionPlan ${plan.id}`);
      const values = actionValues('input', input, null, plan.adoptedOn);
      return this.writes.create(writer, { ...values, actionPlanId: plan.id }, input.clientMutationId, {
        schema: PlannedActionSchema,
        recordType: 'PlannedAction',
        operation: 'addPlannedAction',
        fields: Object.keys(input),
        duplicates: this.duplicates('input.description', values.description),
        check: (manager) =>
          atMost(manager, {
            parent: { table: 'community_action_plan', id: plan.id },
            children: { table: 'planned_action', column: 'action_plan_id' },
            max: MAX_ACTIONS,
            refusal: () => badInput('input.actionPlan', `The plan already has ${MAX_ACTIONS} actions`),
          }),
      });
    });
  }

  async updateAction(id: string, version: number, input: UpdatePlannedActionInput): Promise<PlannedAction> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.plannedAction.load(id), 'PlannedAction', id, version);
    const plan = (await this.loaders.actionPlan.load(current.actionPlanId))!;
    const values = actionValues('input', input, current, plan.adoptedOn);
    return this.writes.update(current, version, values, {
      schema: PlannedActionSchema,
      recordType: 'PlannedAction',
      operation: 'updatePlannedAction',
      fields: Object.keys(input),
      duplicates: this.duplicates('input.description', values.description),
    });
  }

  private async insertActions(manager: EntityManager, plan: CommunityActionPlan, actions: ActionValues[]): Promise<void> {
    if (actions.length === 0) return;
    const created = await this.repositories.actionPlans.addActionsOfNewPlan(manager, plan, actions);
    await this.writes.recordWrite(
      manager,
      'createCommunityActionPlan',
      'PlannedAction',
      created,
      ['description', 'responsibleGroup', 'dueOn', 'status', 'doneOn'],
      plan.ownerOrg,
    );
  }

  private duplicates(field: string, description: string) {
    return { planned_action_same: () => badInput(field, `The plan already has the action "${description}"`) };
  }
}
