import { loadExisting } from '@peacegraph/kit/sql';
import { organisationRef } from './references';
import type { ModuleResolvers, SessionPlanResolvers } from '../generated/resolvers';

export const Module: ModuleResolvers = {
  sessionPlans: (module, _, { loaders }) => loaders.sessionPlansOfModule.load(module.id),
  sessionCount: async (module, _, { loaders }) => (await loaders.sessionPlansOfModule.load(module.id)).length,
  organisation: (module) => organisationRef(module.ownerOrg),
};

export const SessionPlan: SessionPlanResolvers = {
  module: (plan, _, { loaders }) => loadExisting(loaders.module, plan.moduleId),
};
