import type { CurriculumContext } from '../context';
import type { Module as ModuleRow, SessionPlan as SessionPlanRow } from '../entities';
import { organisationRef } from './references';

export const Module = {
  sessionPlans: (module: ModuleRow, _: unknown, { loaders }: CurriculumContext) => loaders.sessionPlansOfModule.load(module.id),
  sessionCount: async (module: ModuleRow, _: unknown, { loaders }: CurriculumContext) =>
    (await loaders.sessionPlansOfModule.load(module.id)).length,
  organisation: (module: ModuleRow) => organisationRef(module.ownerOrg),
};

export const SessionPlan = {
  module: (plan: SessionPlanRow, _: unknown, { loaders }: CurriculumContext) => loaders.module.load(plan.moduleId),
};
