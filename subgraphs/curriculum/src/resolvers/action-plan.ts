import type { CurriculumContext } from '../context';
import type { CommunityActionPlan as ActionPlanRow, PlannedAction as PlannedActionRow } from '../entities';
import { communityRef, organisationRef } from './references';

export const CommunityActionPlan = {
  cohort: (plan: ActionPlanRow, _: unknown, { loaders }: CurriculumContext) => loaders.cohort.load(plan.cohortId),
  community: (plan: ActionPlanRow) => communityRef(plan.communityId),
  actions: (plan: ActionPlanRow, _: unknown, { loaders }: CurriculumContext) => loaders.actionsOfPlan.load(plan.id),
  organisation: (plan: ActionPlanRow) => organisationRef(plan.ownerOrg),
};

export const PlannedAction = {
  actionPlan: (action: PlannedActionRow, _: unknown, { loaders }: CurriculumContext) => loaders.actionPlan.load(action.actionPlanId),
};
