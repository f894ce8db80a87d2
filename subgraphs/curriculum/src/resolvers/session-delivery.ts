import { loadPresent } from '@peacegraph/kit';
import type { CurriculumContext } from '../context';
import type { SessionDelivery as SessionDeliveryRow } from '../entities';
import { discloseAudiences, discloseHeadcount } from '../services/disclosure';
import { owns } from './references';

export const SessionDelivery = {
  cohort: (delivery: SessionDeliveryRow, _: unknown, { loaders }: CurriculumContext) => loaders.cohort.load(delivery.cohortId),
  sessionPlan: (delivery: SessionDeliveryRow, _: unknown, { loaders }: CurriculumContext) =>
    loaders.sessionPlan.load(delivery.sessionPlanId),
  facilitators: (delivery: SessionDeliveryRow, _: unknown, { loaders }: CurriculumContext) =>
    loadPresent(loaders.facilitator, delivery.facilitatorIds),
  attendance: (delivery: SessionDeliveryRow, _: unknown, { viewer }: CurriculumContext) =>
    discloseHeadcount(delivery.attendance, owns(viewer, delivery.ownerOrg)),
  attendanceByAudience: async (delivery: SessionDeliveryRow, _: unknown, { viewer, loaders }: CurriculumContext) => {
    const cohort = await loaders.cohort.load(delivery.cohortId);
    return discloseAudiences(delivery.attendanceByAudience, cohort?.audiences ?? [], owns(viewer, delivery.ownerOrg));
  },
};
