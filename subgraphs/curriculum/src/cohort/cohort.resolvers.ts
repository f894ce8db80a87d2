import { loadExisting, loadPresent } from '@peacegraph/kit/sql';
import { dates } from '../common/dates';
import { discloseAudiences, discloseHeadcount, owns } from '../common/disclosure';
import { adminAreaRef, communityRef, countryRef, languageRef, organisationRef } from '../common/references';
import type { CohortProgressResolvers, CohortResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import type { CohortFilter } from './cohort.repository';
import { allowedStatusChanges } from './cohort.rules';

export const cohortQueries: QueryResolvers = {
  cohort: (_, { id }, { loaders }) => loaders.cohort.load(id),
  cohorts: (_, args, { repositories }) => repositories.cohorts.list(dates<CohortFilter>(args.filter), args),
};

export const cohortMutations: MutationResolvers = {
  createCohort: (_, { input }, { cohorts }) => cohorts.create(input),
  updateCohort: (_, { id, version, input }, { cohorts }) => cohorts.update(id, version, input),
  changeCohortStatus: (_, { id, version, input }, { cohorts }) => cohorts.changeStatus(id, version, input),
};

export const Cohort: CohortResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.cohort.load(ref.id),
  module: (cohort, _, { loaders }) => loadExisting(loaders.module, cohort.moduleId),
  community: (cohort) => communityRef(cohort.communityId),
  adminArea: (cohort) => adminAreaRef(cohort.adminPcode),
  country: (cohort) => countryRef(cohort.countryCode),
  language: (cohort) => languageRef(cohort.languageCode),
  facilitators: (cohort, _, { loaders }) => loadPresent(loaders.facilitator, cohort.facilitatorIds),
  enrolment: (cohort, _, { viewer }) => discloseHeadcount(cohort.enrolment, owns(viewer, cohort.ownerOrg)),
  enrolmentByAudience: (cohort, _, { viewer }) =>
    discloseAudiences(cohort.enrolmentByAudience, cohort.audiences, owns(viewer, cohort.ownerOrg)),
  suspension: (cohort) =>
    cohort.suspendedReason && cohort.suspendedOn
      ? { reason: cohort.suspendedReason, since: cohort.suspendedOn, resumedOn: cohort.resumedOn }
      : null,
  allowedStatusChanges: (cohort) => allowedStatusChanges(cohort),
  progress: async (cohort, _, { loaders }) => loadExisting(loaders.progress, cohort.id),
  deliveries: (cohort, _, { loaders }) => loaders.deliveriesOfCohort.load(cohort.id),
  actionPlan: (cohort, _, { loaders }) => loaders.actionPlanOfCohort.load(cohort.id),
  socialMobilisations: (cohort, _, { loaders }) => loaders.mobilisationsOfCohort.load(cohort.id),
  organisation: (cohort) => organisationRef(cohort.ownerOrg),
};

export const CohortProgress: CohortProgressResolvers = {
  ratio: (progress) => (progress.total === 0 ? 0 : progress.delivered / progress.total),
  nextSession: (progress, _, { loaders }) => (progress.nextSessionPlanId ? loaders.sessionPlan.load(progress.nextSessionPlanId) : null),
};
