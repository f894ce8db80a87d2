import { loadExisting, loadPresent } from '@peacegraph/kit/sql';
import { allowedStatusChanges } from '../cohort/cohort.rules';
import { discloseAudiences, discloseHeadcount } from '../common/disclosure';
import { adminAreaRef, communityRef, countryRef, languageRef, organisationRef, owns } from './references';
import type { CohortProgressResolvers, CohortResolvers } from '../generated/resolvers';

export const Cohort: CohortResolvers = {
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
