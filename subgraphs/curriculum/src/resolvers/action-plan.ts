import { loadExisting } from '@peacegraph/kit/sql';
import { communityRef, organisationRef } from './references';
import type { CommunityActionPlanResolvers, PlannedActionResolvers } from '../generated/resolvers';

export const CommunityActionPlan: CommunityActionPlanResolvers = {
  cohort: (plan, _, { loaders }) => loadExisting(loaders.cohort, plan.cohortId),
  community: (plan) => communityRef(plan.communityId),
  actions: (plan, _, { loaders }) => loaders.actionsOfPlan.load(plan.id),
  organisation: (plan) => organisationRef(plan.ownerOrg),
};

export const PlannedAction: PlannedActionResolvers = {
  actionPlan: (action, _, { loaders }) => loadExisting(loaders.actionPlan, action.actionPlanId),
};
