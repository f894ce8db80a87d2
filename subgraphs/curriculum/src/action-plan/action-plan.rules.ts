import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, notInFuture, type DateInput, requiredName, given, Problems } from '@peacegraph/kit/input';
import { PLANNED_ACTION_STATUSES, type CommunityActionPlan, type PlannedAction } from './action-plan.entity';
import type {
  AddPlannedActionInput,
  CreateCommunityActionPlanInput,
  PlannedActionInput,
  UpdateCommunityActionPlanInput,
  UpdatePlannedActionInput,
} from '../generated/resolvers';

/** A plan with more actions than this is several plans. */
export const MAX_ACTIONS = 50;

export type ActionValues = ReturnType<typeof actionValues>;

/** A cohort has one action plan: actions are added to it. */
export function checkNoPlanYet(existing: Pick<CommunityActionPlan, 'id'> | null | undefined): void {
  if (existing) throw badInput('input.cohort', `The cohort already has an action plan (${existing.id}); add actions to it`);
}

/** Not in the future, not before the cohort started. */
function adoptedOnOf(value: DateInput, startedOn: string | null): string {
  const adoptedOn = notInFuture('input.adoptedOn', isoDate(value), 'The adoption date');
  return notBefore('input.adoptedOn', adoptedOn, startedOn, 'the day the cohort started');
}

/** A new plan's title, adoption date and actions (at most MAX_ACTIONS, each description once). */
export function newPlanValues(input: CreateCommunityActionPlanInput, startedOn: string | null) {
  const title = requiredName('input.title', input.title, 'The title');
  const adoptedOn = adoptedOnOf(input.adoptedOn, startedOn);
  const actions = input.actions ?? [];
  if (actions.length > MAX_ACTIONS) throw badInput('input.actions', `At most ${MAX_ACTIONS} actions`);
  const seen = new Set<string>();
  const validated = actions.map((action, i) => {
    const values = actionValues(`input.actions.${i}`, action, null, adoptedOn);
    const key = values.description.toLowerCase();
    if (seen.has(key)) throw badInput(`input.actions.${i}.description`, `"${values.description}" is listed twice`);
    seen.add(key);
    return values;
  });
  return { title, adoptedOn, actions: validated };
}

/** A plan's changes (fields left out keep theirs): its actions may not fall due or be done before its adoption. */
export function planChanges(
  input: UpdateCommunityActionPlanInput,
  current: Pick<CommunityActionPlan, 'title' | 'adoptedOn'>,
  startedOn: string | null,
  actions: readonly Pick<PlannedAction, 'description' | 'dueOn' | 'doneOn'>[],
): Pick<CommunityActionPlan, 'title' | 'adoptedOn'> {
  if (input.title === null) throw badInput('input.title', 'The title cannot be empty');
  const adoptedOn = given(input.adoptedOn) ? adoptedOnOf(input.adoptedOn, startedOn) : current.adoptedOn;
  const tooEarly = actions.find((a) => a.dueOn < adoptedOn || (a.doneOn !== null && a.doneOn < adoptedOn));
  if (tooEarly) throw badInput('input.adoptedOn', `The action "${tooEarly.description}" is due or done before ${adoptedOn}`);
  return { title: given(input.title) ? requiredName('input.title', input.title, 'The title') : current.title, adoptedOn };
}

/**
 * An action's values (fields left out keep theirs), every problem at once: due on or after adoption;
 * DONE needs the day it was done (not in the future), other statuses have none.
 */
export function actionValues(
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
