import { isoDate, type DateInput } from '@peacegraph/kit/input';
import type { QueryResolvers } from '../generated/resolvers';
import type { ActionPlanFilter } from '../action-plan/action-plan.repository';
import type { CohortFilter } from '../cohort/cohort.repository';
import type { SocialMobilisationFilter } from '../social-mobilisation/social-mobilisation.repository';
import type { SessionDeliveryFilter } from '../session-delivery/session-delivery.repository';
import type { StaffTrainingFilter } from '../staff-training/staff-training.repository';

type Dated<F> = Omit<F, 'from' | 'to'> & { from?: DateInput | null; to?: DateInput | null };

/** Date filters arrive as Dates from the scalar (DateInput in the generated types); lists compare SQL dates. */
function dates<F extends object>(filter: Dated<F> | null | undefined): F {
  const { from, to, ...rest } = filter ?? ({} as Dated<F>);
  return { ...rest, from: from ? isoDate(from) : null, to: to ? isoDate(to) : null } as unknown as F;
}

export const Query: QueryResolvers = {
  module: (_, { id }, { loaders }) => loaders.module.load(id),
  modules: (_, args, { repositories }) => repositories.modules.list(args),

  facilitator: (_, { id }, { loaders }) => loaders.facilitator.load(id),
  facilitators: (_, args, { repositories }) => repositories.facilitators.list(args.filter ?? {}, args),

  cohort: (_, { id }, { loaders }) => loaders.cohort.load(id),
  cohorts: (_, args, { repositories }) => repositories.cohorts.list(dates<CohortFilter>(args.filter), args),

  sessionDeliveries: (_, args, { repositories }) => repositories.deliveries.list(dates<SessionDeliveryFilter>(args.filter), args),

  communityActionPlan: (_, { id }, { loaders }) => loaders.actionPlan.load(id),
  communityActionPlans: (_, args, { repositories }) => repositories.actionPlans.list(dates<ActionPlanFilter>(args.filter), args),

  socialMobilisations: (_, args, { repositories }) => repositories.mobilisations.list(dates<SocialMobilisationFilter>(args.filter), args),

  staffTraining: (_, { id }, { loaders }) => loaders.staffTraining.load(id),
  staffTrainings: (_, args, { repositories }) => repositories.staffTrainings.list(dates<StaffTrainingFilter>(args.filter), args),

  curriculumReach: (_, args, { reach }) => reach.reach(args.filter, args.groupBy),
};
