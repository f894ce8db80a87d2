import type { CurriculumContext } from '../context';

/** The argument a service method takes: the input object as the SDL declares it. */
type InputOf<F> = F extends (input: infer I, ...rest: never[]) => unknown ? I : never;
type UpdateInputOf<F> = F extends (id: string, version: number, input: infer I) => unknown ? I : never;

type Create<F> = { input: InputOf<F> };
type Update<F> = { id: string; version: number; input: UpdateInputOf<F> };
type C = CurriculumContext;

/** Thin: arguments → service. Rules, ownership and audit are the services'. */
export const Mutation = {
  createModule: (_: unknown, { input }: Create<C['modules']['create']>, { modules }: C) => modules.create(input),
  updateModule: (_: unknown, { id, version, input }: Update<C['modules']['update']>, { modules }: C) => modules.update(id, version, input),
  addSessionPlan: (_: unknown, { input }: Create<C['modules']['addSessionPlan']>, { modules }: C) => modules.addSessionPlan(input),
  updateSessionPlan: (_: unknown, { id, version, input }: Update<C['modules']['updateSessionPlan']>, { modules }: C) =>
    modules.updateSessionPlan(id, version, input),

  createFacilitator: (_: unknown, { input }: Create<C['facilitators']['create']>, { facilitators }: C) => facilitators.create(input),
  updateFacilitator: (_: unknown, { id, version, input }: Update<C['facilitators']['update']>, { facilitators }: C) =>
    facilitators.update(id, version, input),

  createCohort: (_: unknown, { input }: Create<C['cohorts']['create']>, { cohorts }: C) => cohorts.create(input),
  updateCohort: (_: unknown, { id, version, input }: Update<C['cohorts']['update']>, { cohorts }: C) => cohorts.update(id, version, input),
  changeCohortStatus: (_: unknown, { id, version, input }: Update<C['cohorts']['changeStatus']>, { cohorts }: C) =>
    cohorts.changeStatus(id, version, input),

  recordSessionDelivery: (_: unknown, { input }: Create<C['deliveries']['record']>, { deliveries }: C) => deliveries.record(input),
  correctSessionDelivery: (_: unknown, { id, version, input }: Update<C['deliveries']['correct']>, { deliveries }: C) =>
    deliveries.correct(id, version, input),

  createCommunityActionPlan: (_: unknown, { input }: Create<C['actionPlans']['create']>, { actionPlans }: C) => actionPlans.create(input),
  updateCommunityActionPlan: (_: unknown, { id, version, input }: Update<C['actionPlans']['update']>, { actionPlans }: C) =>
    actionPlans.update(id, version, input),
  addPlannedAction: (_: unknown, { input }: Create<C['actionPlans']['addAction']>, { actionPlans }: C) => actionPlans.addAction(input),
  updatePlannedAction: (_: unknown, { id, version, input }: Update<C['actionPlans']['updateAction']>, { actionPlans }: C) =>
    actionPlans.updateAction(id, version, input),

  recordSocialMobilisation: (_: unknown, { input }: Create<C['mobilisations']['record']>, { mobilisations }: C) =>
    mobilisations.record(input),
  updateSocialMobilisation: (_: unknown, { id, version, input }: Update<C['mobilisations']['update']>, { mobilisations }: C) =>
    mobilisations.update(id, version, input),

  createStaffTraining: (_: unknown, { input }: Create<C['staffTrainings']['create']>, { staffTrainings }: C) =>
    staffTrainings.create(input),
  updateStaffTraining: (_: unknown, { id, version, input }: Update<C['staffTrainings']['update']>, { staffTrainings }: C) =>
    staffTrainings.update(id, version, input),
  recordCoachingSession: (_: unknown, { input }: Create<C['staffTrainings']['recordCoaching']>, { staffTrainings }: C) =>
    staffTrainings.recordCoaching(input),
  recordDialogueProcess: (_: unknown, { input }: Create<C['staffTrainings']['recordDialogue']>, { staffTrainings }: C) =>
    staffTrainings.recordDialogue(input),
  updateDialogueProcess: (_: unknown, { id, version, input }: Update<C['staffTrainings']['updateDialogue']>, { staffTrainings }: C) =>
    staffTrainings.updateDialogue(id, version, input),
};
