import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, notInFuture, type DateInput, requiredName, given, Problems } from '@peacegraph/kit/input';
import { requireOwner } from '@peacegraph/kit/policy';
import { atMost, type RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import {
  CommunityActionPlanSchema,
  PLANNED_ACTION_STATUSES,
  PlannedActionSchema,
  type CommunityActionPlan,
  type PlannedAction,
} from './action-plan.entity';
import type {
  AddPlannedActionInput,
  CreateCommunityActionPlanInput,
  PlannedActionInput,
  UpdateCommunityActionPlanInput,
  UpdatePlannedActionInput,
} from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { startedCohort } from '../cohort/started-cohort';

/** A plan with more actions than this is several plans. */
export const MAX_ACTIONS = 50;

/** Community action plans for peace and human security, and the actions the community carries out. */
export class ActionPlanService {
  constructor(
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateCommunityActionPlanInput): Promise<CommunityActionPlan> {
    return this.writes.once(CommunityActionPlanSchema, input.clientMutationId, async (writer) => {
      const cohort = await startedCohort(this.loaders, writer, input.cohort, 'its action plan');
      const existing = await this.loaders.actionPlanOfCohort.load(cohort.id);
      if (existing) throw badInput('input.cohort', `The cohort already has an action plan (${existing.id}); add actions to it`);
      const title = requiredName('input.title', input.title, 'The title');
      const adoptedOn = this.adoptedOn(input.adoptedOn, cohort.startedOn);
      const actions = input.actions ?? [];
      if (actions.length > MAX_ACTIONS) throw badInput('input.actions', `At most ${MAX_ACTIONS} actions`);
      const seen = new Set<string>();
      const validated = actions.map((action, i) => {
        const values = this.validateAction(`input.actions.${i}`, action, null, adoptedOn);
        const key = values.description.toLowerCase();
        if (seen.has(key)) throw badInput(`input.actions.${i}.description`, `"${values.description}" is listed twice`);
        seen.add(key);
        return values;
      });
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
          after: (manager, plan) => this.insertActions(manager, plan, validated),
        },
      );
    });
  }

  async update(id: string, version: number, input: UpdateCommunityActionPlanInput): Promise<CommunityActionPlan> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.actionPlan.load(id), 'CommunityActionPlan', id, version);
    const cohort = (await this.loaders.cohort.load(current.cohortId))!;
    if (input.title === null) throw badInput('input.title', 'The title cannot be empty');
    const adoptedOn = given(input.adoptedOn) ? this.adoptedOn(input.adoptedOn, cohort.startedOn) : current.adoptedOn;
    const actions = await this.loaders.actionsOfPlan.load(id);
    const tooEarly = actions.find((a) => a.dueOn < adoptedOn || (a.doneOn !== null && a.doneOn < adoptedOn));
    if (tooEarly) throw badInput('input.adoptedOn', `The action "${tooEarly.description}" is due or done before ${adoptedOn}`);
    return this.writes.update(
      current,
      version,
      { title: given(input.title) ? requiredName('input.title', input.title, 'The title') : current.title, adoptedOn },
      {
        schema: CommunityActionPlanSchema,
        recordType: 'CommunityActionPlan',
        operation: 'updateCommunityActionPlan',
        fields: Object.keys(input),
      },
    );
  }

  async addAction(input: AddPlannedActionInput): Promise<PlannedAction> {
    return this.writes.once(PlannedActionSchema, input.clientMutationId, async (writer) => {
      const plan = await this.loaders.actionPlan.load(input.actionPlan);
      if (!plan) throw badInput('input.actionPlan', `No community action plan with id "${input.actionPlan}"`);
      requireOwner(writer, plan.ownerOrg, `CommunityActionPlan ${plan.id}`);
      const values = this.validateAction('input', input, null, plan.adoptedOn);
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
    const values = this.validateAction('input', input, current, plan.adoptedOn);
    return this.writes.update(current, version, values, {
      schema: PlannedActionSchema,
      recordType: 'PlannedAction',
      operation: 'updatePlannedAction',
      fields: Object.keys(input),
      duplicates: this.duplicates('input.description', values.description),
    });
  }

  private adoptedOn(value: DateInput, startedOn: string | null): string {
    const adoptedOn = notInFuture('input.adoptedOn', isoDate(value), 'The adoption date');
    return notBefore('input.adoptedOn', adoptedOn, startedOn, 'the day the cohort started');
  }

  /** Due on or after adoption; DONE needs the day it was done (not in the future), other statuses have none. */
  private validateAction(
    prefix: string,
    input: PlannedActionInput | AddPlannedActionInput | UpdatePlannedActionInput,
    current: PlannedAction | null,
    adoptedOn: string,
  ) {
    const problems = new Problems();
    for (const field of ['description', 'responsibleGroup', 'dueOn', 'status'] as const) {
      if (input[field] === null && !(field === 'status' && !current)) problems.add(`${prefix}.${field}`, `An action needs its ${field}`);
    }
    problems.throwIfAny();
    const description = problems.check(`${prefix}.description`, () =>
      given(input.description) ? requiredName(`${prefix}.description`, input.description, 'The description', 500) : current!.description,
    );
    const responsibleGroup = problems.check(`${prefix}.responsibleGroup`, () =>
      given(input.responsibleGroup)
        ? requiredName(`${prefix}.responsibleGroup`, input.responsibleGroup, 'The responsible group')
        : current!.responsibleGroup,
    );
    const dueOn = problems.check(`${prefix}.dueOn`, () =>
      given(input.dueOn) ? notBefore(`${prefix}.dueOn`, isoDate(input.dueOn), adoptedOn, 'the day the plan was adopted') : current!.dueOn,
    );
    const status = input.status ?? current?.status ?? 'NOT_STARTED';
    if (!PLANNED_ACTION_STATUSES.includes(status)) problems.add(`${prefix}.status`, `Unknown status ${status}`);
    const doneOn = problems.check(`${prefix}.doneOn`, (): string | null => {
      if (status === 'DONE') {
        const given = input.doneOn ?? (input.doneOn === null ? null : current?.doneOn);
        if (!given) throw badInput(`${prefix}.doneOn`, 'Say when the action was done');
        const done = notInFuture(`${prefix}.doneOn`, isoDate(given), 'The day it was done');
        notBefore(`${prefix}.doneOn`, done, adoptedOn, 'the day the plan was adopted');
        return done;
      }
      if (input.doneOn !== null && input.doneOn !== undefined)
        throw badInput(`${prefix}.doneOn`, `An action that is ${status} has no done date`);
      return null;
    });
    return problems.done({ description, responsibleGroup, dueOn, status, doneOn });
  }

  private async insertActions(
    manager: EntityManager,
    plan: CommunityActionPlan,
    actions: ReturnType<ActionPlanService['validateAction']>[],
  ): Promise<void> {
    if (actions.length === 0) return;
    const rows = manager.getRepository(PlannedActionSchema);
    const created = await rows.save(
      actions.map((action) =>
        rows.create({ ...action, actionPlanId: plan.id, ownerOrg: plan.ownerOrg, createdBy: plan.createdBy, clientMutationId: null }),
      ),
    );
    await this.writes.recordWrite(
      manager,
      'createCommunityActionPlan',
      'PlannedAction',
      created.map((a) => a.id),
      ['description', 'responsibleGroup', 'dueOn', 'status', 'doneOn'],
      plan.ownerOrg,
    );
  }

  private duplicates(field: string, description: string) {
    return { planned_action_same: () => badInput(field, `The plan already has the action "${description}"`) };
  }
}
