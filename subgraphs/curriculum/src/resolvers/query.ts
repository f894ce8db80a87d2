import { isoDate } from '@peacegraph/kit';
import type { PageArgs } from '@peacegraph/kit';
import type { CurriculumContext } from '../context';
import type { ActionPlanFilter } from '../repositories/action-plan-repository';
import type { CohortFilter } from '../repositories/cohort-repository';
import type { FacilitatorFilter } from '../repositories/facilitator-repository';
import type { SocialMobilisationFilter } from '../repositories/mobilisation-repository';
import type { ReachGrouping } from '../repositories/reach-repository';
import type { SessionDeliveryFilter } from '../repositories/session-delivery-repository';
import type { StaffTrainingFilter } from '../repositories/staff-training-repository';
import type { ReachFilterInput } from '../services/reach-service';

type Dated<F> = Omit<F, 'from' | 'to'> & { from?: Date | null; to?: Date | null };
type ById = { id: string };

/** Date filters arrive as Dates from the scalar; lists compare SQL dates. */
function dates<F extends object>(filter: Dated<F> | null | undefined): F {
  const { from, to, ...rest } = filter ?? ({} as Dated<F>);
  return { ...rest, from: from ? isoDate(from) : null, to: to ? isoDate(to) : null } as unknown as F;
}

export const Query = {
  module: (_: unknown, { id }: ById, { loaders }: CurriculumContext) => loaders.module.load(id),
  modules: (_: unknown, args: PageArgs, { repositories }: CurriculumContext) => repositories.modules.list(args),

  facilitator: (_: unknown, { id }: ById, { loaders }: CurriculumContext) => loaders.facilitator.load(id),
  facilitators: (_: unknown, args: { filter?: FacilitatorFilter | null } & PageArgs, { repositories }: CurriculumContext) =>
    repositories.facilitators.list(args.filter ?? {}, args),

  cohort: (_: unknown, { id }: ById, { loaders }: CurriculumContext) => loaders.cohort.load(id),
  cohorts: (_: unknown, args: { filter?: Dated<CohortFilter> | null } & PageArgs, { repositories }: CurriculumContext) =>
    repositories.cohorts.list(dates<CohortFilter>(args.filter), args),

  sessionDeliveries: (_: unknown, args: { filter?: Dated<SessionDeliveryFilter> | null } & PageArgs, { repositories }: CurriculumContext) =>
    repositories.deliveries.list(dates<SessionDeliveryFilter>(args.filter), args),

  communityActionPlan: (_: unknown, { id }: ById, { loaders }: CurriculumContext) => loaders.actionPlan.load(id),
  communityActionPlans: (_: unknown, args: { filter?: Dated<ActionPlanFilter> | null } & PageArgs, { repositories }: CurriculumContext) =>
    repositories.actionPlans.list(dates<ActionPlanFilter>(args.filter), args),

  socialMobilisations: (
    _: unknown,
    args: { filter?: Dated<SocialMobilisationFilter> | null } & PageArgs,
    { repositories }: CurriculumContext,
  ) => repositories.mobilisations.list(dates<SocialMobilisationFilter>(args.filter), args),

  staffTraining: (_: unknown, { id }: ById, { loaders }: CurriculumContext) => loaders.staffTraining.load(id),
  staffTrainings: (_: unknown, args: { filter?: Dated<StaffTrainingFilter> | null } & PageArgs, { repositories }: CurriculumContext) =>
    repositories.staffTrainings.list(dates<StaffTrainingFilter>(args.filter), args),

  curriculumReach: (_: unknown, args: { filter?: ReachFilterInput | null; groupBy?: ReachGrouping | null }, { reach }: CurriculumContext) =>
    reach.reach(args.filter, args.groupBy),
};
