import { loadPresent } from '@peacegraph/kit';
import type { CurriculumContext } from '../context';
import type { Cohort as CohortRow } from '../entities';
import type { CohortProgressRow } from '../repositories/session-delivery-repository';
import { allowedStatusChanges } from '../services/cohort-status';
import { discloseAudiences, discloseHeadcount } from '../services/disclosure';
import { adminAreaRef, communityRef, countryRef, languageRef, organisationRef, owns } from './references';

export const Cohort = {
  module: (cohort: CohortRow, _: unknown, { loaders }: CurriculumContext) => loaders.module.load(cohort.moduleId),
  community: (cohort: CohortRow) => communityRef(cohort.communityId),
  adminArea: (cohort: CohortRow) => adminAreaRef(cohort.adminPcode),
  country: (cohort: CohortRow) => countryRef(cohort.countryCode),
  language: (cohort: CohortRow) => languageRef(cohort.languageCode),
  facilitators: (cohort: CohortRow, _: unknown, { loaders }: CurriculumContext) => loadPresent(loaders.facilitator, cohort.facilitatorIds),
  enrolment: (cohort: CohortRow, _: unknown, { viewer }: CurriculumContext) =>
    discloseHeadcount(cohort.enrolment, owns(viewer, cohort.ownerOrg)),
  enrolmentByAudience: (cohort: CohortRow, _: unknown, { viewer }: CurriculumContext) =>
    discloseAudiences(cohort.enrolmentByAudience, cohort.audiences, owns(viewer, cohort.ownerOrg)),
  suspension: (cohort: CohortRow) =>
    cohort.suspendedReason && cohort.suspendedOn
      ? { reason: cohort.suspendedReason, since: cohort.suspendedOn, resumedOn: cohort.resumedOn }
      : null,
  allowedStatusChanges: (cohort: CohortRow) => allowedStatusChanges(cohort),
  progress: async (cohort: CohortRow, _: unknown, { loaders }: CurriculumContext) => loaders.progress.load(cohort.id),
  deliveries: (cohort: CohortRow, _: unknown, { loaders }: CurriculumContext) => loaders.deliveriesOfCohort.load(cohort.id),
  actionPlan: (cohort: CohortRow, _: unknown, { loaders }: CurriculumContext) => loaders.actionPlanOfCohort.load(cohort.id),
  socialMobilisations: (cohort: CohortRow, _: unknown, { loaders }: CurriculumContext) => loaders.mobilisationsOfCohort.load(cohort.id),
  organisation: (cohort: CohortRow) => organisationRef(cohort.ownerOrg),
};

export const CohortProgress = {
  ratio: (progress: CohortProgressRow) => (progress.total === 0 ? 0 : progress.delivered / progress.total),
  nextSession: (progress: CohortProgressRow, _: unknown, { loaders }: CurriculumContext) =>
    progress.nextSessionPlanId ? loaders.sessionPlan.load(progress.nextSessionPlanId) : null,
};
