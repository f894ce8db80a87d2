import { loadExisting, loadPresent } from '@peacegraph/kit/sql';
import { dates } from '../common/dates';
import { discloseAudiences, discloseHeadcount, owns } from '../common/disclosure';
import type { MutationResolvers, QueryResolvers, SessionDeliveryResolvers } from '../generated/resolvers';
import type { SessionDeliveryFilter } from './session-delivery.repository';

export const sessionDeliveryQueries: QueryResolvers = {
  sessionDeliveries: (_, args, { repositories }) => repositories.deliveries.list(dates<SessionDeliveryFilter>(args.filter), args),
};

export const sessionDeliveryMutations: MutationResolvers = {
  recordSessionDelivery: (_, { input }, { deliveries }) => deliveries.record(input),
  correctSessionDelivery: (_, { id, version, input }, { deliveries }) => deliveries.correct(id, version, input),
};

export const SessionDelivery: SessionDeliveryResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.delivery.load(ref.id),
  cohort: (delivery, _, { loaders }) => loadExisting(loaders.cohort, delivery.cohortId),
  sessionPlan: (delivery, _, { loaders }) => loadExisting(loaders.sessionPlan, delivery.sessionPlanId),
  facilitators: (delivery, _, { loaders }) => loadPresent(loaders.facilitator, delivery.facilitatorIds),
  attendance: (delivery, _, { viewer }) => discloseHeadcount(delivery.attendance, owns(viewer, delivery.ownerOrg)),
  attendanceByAudience: async (delivery, _, { viewer, loaders }) => {
    const cohort = await loaders.cohort.load(delivery.cohortId);
    return discloseAudiences(delivery.attendanceByAudience, cohort?.audiences ?? [], owns(viewer, delivery.ownerOrg));
  },
};
