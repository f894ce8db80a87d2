import { loadExisting } from '@peacegraph/kit/sql';
import { organisationRef } from '../common/references';
import type { ModuleResolvers, MutationResolvers, QueryResolvers, SessionPlanResolvers } from '../generated/resolvers';

export const moduleQueries: QueryResolvers = {
  module: (_, { id }, { loaders }) => loaders.module.load(id),
  modules: (_, args, { repositories }) => repositories.modules.list(args),
};

/** Thin: arguments → service. Rules, ownership and audit are the services'. */
export const moduleMutations: MutationResolvers = {
  createModule: (_, { input }, { modules }) => modules.create(input),
  updateModule: (_, { id, version, input }, { modules }) => modules.update(id, version, input),
  addSessionPlan: (_, { input }, { modules }) => modules.addSessionPlan(input),
  updateSessionPlan: (_, { id, version, input }, { modules }) => modules.updateSessionPlan(id, version, input),
};

export const Module: ModuleResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.module.load(ref.id),
  sessionPlans: (module, _, { loaders }) => loaders.sessionPlansOfModule.load(module.id),
  sessionCount: async (module, _, { loaders }) => (await loaders.sessionPlansOfModule.load(module.id)).length,
  organisation: (module) => organisationRef(module.ownerOrg),
};

export const SessionPlan: SessionPlanResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.sessionPlan.load(ref.id),
  module: (plan, _, { loaders }) => loadExisting(loaders.module, plan.moduleId),
};
