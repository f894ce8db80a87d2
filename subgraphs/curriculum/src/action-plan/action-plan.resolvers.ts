import { loadExisting } from '@peacegraph/kit/sql';
import { dates } from '../common/dates';
import { communityRef, organisationRef } from '../common/references';
import type { CommunityActionPlanResolvers, MutationResolvers, PlannedActionResolvers, QueryResolvers } from '../generated/resolvers';
import type { ActionPlanFilter } from './action-plan.repository';

export const actionPlanQueries: QueryResolvers = {
  communityActionPlan: (_, { id }, { loaders }) => loaders.actionPlan.load(id),
  communityActionPlans: (_, args, { repositories }) => repositories.actionPlans.list(dates<ActionPlanFilter>(args.filter), args),
};

export const actionPlanMutations: MutationResolvers = {
  createCommunityActionPlan: (_, { input }, { actionPlans }) => actionPlans.create(input),
  updateCommunityActionPlan: (_, { id, version, input }, { actionPlans }) => actionPlans.update(id, version, input),
  addPlannedAction: (_, { input }, { actionPlans }) => actionPlans.addAction(input),
  updatePlannedAction: (_, { id, version, input }, { actionPlans }) => actionPlans.updateAction(id, version, input),
};

export const CommunityActionPlan: CommunityActionPlanResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.actionPlan.load(ref.id),
  cohort: (plan, _, { loaders }) => loadExisting(loaders.cohort, plan.cohortId),
  community: (plan) => communityRef(plan.communityId),
  actions: (plan, _, { loaders }) => loaders.actionsOfPlan.load(plan.id),
  organisation: (plan) => organisationRef(plan.ownerOrg),
};

export const PlannedAction: PlannedActionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.plannedAction.load(ref.id),
  actionPlan: (action, _, { loaders }) => loadExisting(loaders.actionPlan, action.actionPlanId),
};
