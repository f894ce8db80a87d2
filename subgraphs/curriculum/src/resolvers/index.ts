import { actionPlanMutations, actionPlanQueries, CommunityActionPlan, PlannedAction } from '../action-plan/action-plan.resolvers';
import { Cohort, cohortMutations, cohortQueries, CohortProgress } from '../cohort/cohort.resolvers';
import { Community, Language, Organisation } from '../directory/directory.resolvers';
import { Facilitator, facilitatorMutations, facilitatorQueries } from '../facilitator/facilitator.resolvers';
import type { Resolvers } from '../generated/resolvers';
import { Module, moduleMutations, moduleQueries, SessionPlan } from '../module/module.resolvers';
import { ReachGroup, reachQueries } from '../reach/reach.resolvers';
import { SessionDelivery, sessionDeliveryMutations, sessionDeliveryQueries } from '../session-delivery/session-delivery.resolvers';
import {
  SocialMobilisation,
  socialMobilisationMutations,
  socialMobilisationQueries,
} from '../social-mobilisation/social-mobilisation.resolvers';
import {
  CoachingSession,
  DialogueProcess,
  StaffTraining,
  staffTrainingMutations,
  staffTrainingQueries,
} from '../staff-training/staff-training.resolvers';

/**
 * Every feature's resolvers, merged; the kit adds the scalars and curriculumAuditLog. Each record type's
 * __resolveReference is how the gateway turns a reference ({ __typename, id }) into our record: always
 * through the request's loaders, so a list of 50 references costs one statement per type.
 */
export const resolvers: Resolvers = {
  Query: {
    ...moduleQueries,
    ...facilitatorQueries,
    ...cohortQueries,
    ...sessionDeliveryQueries,
    ...actionPlanQueries,
    ...socialMobilisationQueries,
    ...staffTrainingQueries,
    ...reachQueries,
  },
  Mutation: {
    ...moduleMutations,
    ...facilitatorMutations,
    ...cohortMutations,
    ...sessionDeliveryMutations,
    ...actionPlanMutations,
    ...socialMobilisationMutations,
    ...staffTrainingMutations,
  },
  Community,
  Organisation,
  Language,
  Module,
  SessionPlan,
  Facilitator,
  Cohort,
  CohortProgress,
  SessionDelivery,
  CommunityActionPlan,
  PlannedAction,
  SocialMobilisation,
  StaffTraining,
  CoachingSession,
  DialogueProcess,
  ReachGroup,
};
