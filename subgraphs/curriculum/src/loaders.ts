import { groupedLoader, keyedLoader, perArguments } from '@peacegraph/kit/sql';
import type { CohortStatus } from './cohort/cohort.entity';
import type { Repositories } from './repositories';

type CohortListArgs = { status?: CohortStatus | null; first?: number | null };
type FirstArgs = { first?: number | null };

/** Fresh per request: a loader's cache must never outlive the caller it was filled for. */
export function createLoaders(repositories: Repositories) {
  const { modules, sessionPlans, facilitators, cohorts, deliveries, actionPlans, mobilisations, staffTrainings } = repositories;
  return {
    module: keyedLoader(
      (ids: readonly string[]) => modules.byIds(ids),
      (m) => m.id,
    ),
    sessionPlan: keyedLoader(
      (ids: readonly string[]) => sessionPlans.byIds(ids),
      (p) => p.id,
    ),
    sessionPlansOfModule: groupedLoader(
      (ids: readonly string[]) => sessionPlans.ofModules(ids),
      (p) => p.moduleId,
    ),
    facilitator: keyedLoader(
      (ids: readonly string[]) => facilitators.byIds(ids),
      (f) => f.id,
    ),
    cohort: keyedLoader(
      (ids: readonly string[]) => cohorts.byIds(ids),
      (c) => c.id,
    ),
    cohortsOfFacilitator: groupedLoader(
      (ids: readonly string[]) => cohorts.ofFacilitators(ids),
      (c) => c.facilitatorIds,
    ),
    progress: keyedLoader(
      (ids: readonly string[]) => deliveries.progressOf(ids),
      (p) => p.cohortId,
    ),
    delivery: keyedLoader(
      (ids: readonly string[]) => deliveries.byIds(ids),
      (d) => d.id,
    ),
    deliveriesOfCohort: groupedLoader(
      (ids: readonly string[]) => deliveries.ofCohorts(ids),
      (d) => d.cohortId,
    ),
    actionPlan: keyedLoader(
      (ids: readonly string[]) => actionPlans.byIds(ids),
      (p) => p.id,
    ),
    actionPlanOfCohort: keyedLoader(
      (ids: readonly string[]) => actionPlans.ofCohorts(ids),
      (p) => p.cohortId,
    ),
    plannedAction: keyedLoader(
      (ids: readonly string[]) => actionPlans.actionsByIds(ids),
      (a) => a.id,
    ),
    actionsOfPlan: groupedLoader(
      (ids: readonly string[]) => actionPlans.actionsOfPlans(ids),
      (a) => a.actionPlanId,
    ),
    mobilisation: keyedLoader(
      (ids: readonly string[]) => mobilisations.byIds(ids),
      (m) => m.id,
    ),
    mobilisationsOfCohort: groupedLoader(
      (ids: readonly string[]) => mobilisations.ofCohorts(ids),
      (m) => m.cohortId,
    ),
    staffTraining: keyedLoader(
      (ids: readonly string[]) => staffTrainings.byIds(ids),
      (t) => t.id,
    ),
    traineesOfTraining: groupedLoader(
      (ids: readonly string[]) => staffTrainings.traineesOf(ids),
      (t) => t.staffTrainingId,
    ),
    coachingSession: keyedLoader(
      (ids: readonly string[]) => staffTrainings.coachingByIds(ids),
      (c) => c.id,
    ),
    coachingOfTraining: groupedLoader(
      (ids: readonly string[]) => staffTrainings.coachingOf(ids),
      (c) => c.staffTrainingId,
    ),
    dialogueProcess: keyedLoader(
      (ids: readonly string[]) => staffTrainings.dialoguesByIds(ids),
      (d) => d.id,
    ),
    dialoguesOfTraining: groupedLoader(
      (ids: readonly string[]) => staffTrainings.dialoguesOf(ids),
      (d) => d.staffTrainingId,
    ),

    // Lists under the directory's entities, one statement per field and argument set.
    cohortsOfCommunity: perArguments((args: CohortListArgs) =>
      groupedLoader(
        (ids: readonly string[]) => cohorts.ofCommunities(ids, args),
        (c) => c.communityId,
      ),
    ),
    cohortsInLanguage: perArguments((args: CohortListArgs) =>
      groupedLoader(
        (codes: readonly string[]) => cohorts.inLanguages(codes, args),
        (c) => c.languageCode,
      ),
    ),
    actionPlansOfCommunity: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => actionPlans.ofCommunities(ids, first),
        (p) => p.communityId,
      ),
    ),
    mobilisationsReaching: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => mobilisations.reaching(ids, first),
        (m) => m.reachedCommunityIds,
      ),
    ),
    facilitatorsOfOrganisation: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => facilitators.ofOrganisations(ids, first),
        (f) => f.ownerOrg,
      ),
    ),
    trainingsOfOrganisation: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => staffTrainings.ofOrganisations(ids, first),
        (t) => t.ownerOrg,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
