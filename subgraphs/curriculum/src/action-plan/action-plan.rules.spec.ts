import { problemsIn, refusalOf } from '@peacegraph/kit/testing';
import type { CreateCommunityActionPlanInput } from '../generated/resolvers';
import type { PlannedAction } from './action-plan.entity';
import { MAX_ACTIONS, actionValues, checkNoPlanYet, newPlanValues, planChanges } from './action-plan.rules';

const plan: CreateCommunityActionPlanInput = {
  cohort: 'c0000000-0000-4000-8000-000000000001',
  title: '  Peace in Kalana  ',
  adoptedOn: '2025-02-01',
  actions: [
    { description: 'Hold a dialogue with the herders', responsibleGroup: 'Youth group', dueOn: '2025-03-01' },
    { description: 'Repair the well', responsibleGroup: "Women's association", dueOn: '2025-04-01', status: 'DONE', doneOn: '2025-02-15' },
  ],
};

describe('a new community action plan', () => {
  it('accepts a good plan with its actions', () => {
    expect(newPlanValues(plan, '2025-01-06')).toEqual({
      title: 'Peace in Kalana',
      adoptedOn: '2025-02-01',
      actions: [
        {
          description: 'Hold a dialogue with the herders',
          responsibleGroup: 'Youth group',
          dueOn: '2025-03-01',
          status: 'NOT_STARTED',
          doneOn: null,
        },
        {
          description: 'Repair the well',
          responsibleGroup: "Women's association",
          dueOn: '2025-04-01',
          status: 'DONE',
          doneOn: '2025-02-15',
        },
      ],
    });
    expect(() => checkNoPlanYet(null)).not.toThrow();
  });

  it('refuses a second plan for the cohort, an adoption before the cohort started and an action listed twice', () => {
    expect(refusalOf(() => checkNoPlanYet({ id: 'p1' }))).toEqual({
      field: 'input.cohort',
      message: 'The cohort already has an action plan (p1); add actions to it',
    });
    expect(refusalOf(() => newPlanValues(plan, '2025-03-01')).field).toBe('input.adoptedOn');
    const twice = { ...plan, actions: [plan.actions![0]!, { ...plan.actions![0]!, description: 'HOLD A DIALOGUE WITH THE HERDERS' }] };
    expect(refusalOf(() => newPlanValues(twice, null))).toEqual({
      field: 'input.actions.1.description',
      message: '"HOLD A DIALOGUE WITH THE HERDERS" is listed twice',
    });
    const many = { ...plan, actions: Array.from({ length: MAX_ACTIONS + 1 }, () => plan.actions![0]!) };
    expect(refusalOf(() => newPlanValues(many, null))).toEqual({ field: 'input.actions', message: `At most ${MAX_ACTIONS} actions` });
  });
});

describe('a planned action', () => {
  it('reports every problem of an action at once, each on its field', () => {
    const input = { description: ' ', responsibleGroup: 'Youth group', dueOn: '2025-01-15', status: 'DONE' as const };
    expect(problemsIn(() => actionValues('input.actions.0', input, null, '2025-02-01'))).toEqual([
      ['input.actions.0.description', expect.stringMatching(/description/i)],
      ['input.actions.0.dueOn', expect.stringMatching(/before the day the plan was adopted/)],
      ['input.actions.0.doneOn', 'Say when the action was done'],
    ]);
  });

  it('refuses null required fields together, and a done date on an action not done', () => {
    const nulls = { description: null, responsibleGroup: null, dueOn: '2025-03-01' } as never;
    expect(problemsIn(() => actionValues('input', nulls, null, '2025-02-01'))).toEqual([
      ['input.description', 'An action needs its description'],
      ['input.responsibleGroup', 'An action needs its responsibleGroup'],
    ]);
    const current = {
      description: 'Repair the well',
      responsibleGroup: 'Youth group',
      dueOn: '2025-03-01',
      status: 'IN_PROGRESS',
      doneOn: null,
    } as PlannedAction;
    expect(problemsIn(() => actionValues('input', { doneOn: '2025-02-10' }, current, '2025-02-01'))).toEqual([
      ['input.doneOn', 'An action that is IN_PROGRESS has no done date'],
    ]);
    // An update keeps what it leaves out.
    expect(actionValues('input', { status: 'DONE', doneOn: '2025-02-10' }, current, '2025-02-01')).toEqual({
      description: 'Repair the well',
      responsibleGroup: 'Youth group',
      dueOn: '2025-03-01',
      status: 'DONE',
      doneOn: '2025-02-10',
    });
  });
});

describe('changing a plan', () => {
  const current = { title: 'Peace in Kalana', adoptedOn: '2025-02-01' };
  const actions = [{ description: 'Repair the well', dueOn: '2025-03-01', doneOn: '2025-02-15' }];

  it('keeps what the change leaves out', () => {
    expect(planChanges({ adoptedOn: '2025-02-10' }, current, '2025-01-06', actions)).toEqual({
      title: 'Peace in Kalana',
      adoptedOn: '2025-02-10',
    });
  });

  it('refuses an empty title, and an adoption after an action was due or done', () => {
    expect(refusalOf(() => planChanges({ title: null }, current, '2025-01-06', actions))).toEqual({
      field: 'input.title',
      message: 'The title cannot be empty',
    });
    expect(refusalOf(() => planChanges({ adoptedOn: '2025-02-20' }, current, '2025-01-06', actions))).toEqual({
      field: 'input.adoptedOn',
      message: 'The action "Repair the well" is due or done before 2025-02-20',
    });
  });
});
