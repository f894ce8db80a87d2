import { loadExisting, loadPresent } from '@peacegraph/kit/sql';
import { discloseAudiences, discloseHeadcount } from '../common/disclosure';
import { owns } from './references';
import type { SessionDeliveryResolvers } from '../generated/resolvers';

export const SessionDelivery: SessionDeliveryResolvers = {
  cohort: (delivery, _, { loaders }) => loadExisting(loaders.cohort, delivery.cohortId),
  sessionPlan: (delivery, _, { loaders }) => loadExisting(loaders.sessionPlan, delivery.sessionPlanId),
  facilitators: (delivery, _, { loaders }) => loadPresent(loaders.facilitator, delivery.facilitatorIds),
  attendance: (delivery, _, { viewer }) => discloseHeadcount(delivery.attendance, owns(viewer, delivery.ownerOrg)),
  attendanceByAudience: async (delivery, _, { viewer, loaders }) => {
    const cohort = await loaders.cohort.load(delivery.cohortId);
    return discloseAudiences(delivery.attendanceByAudience, cohort?.audiences ?? [], owns(viewer, delivery.ownerOrg));
  },
};
