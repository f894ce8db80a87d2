import { CommunityActionPlan, PlannedAction } from './action-plan';
import { Cohort, CohortProgress } from './cohort';
import { Community, Language, Organisation } from './directory-entities';
import { entityResolvers } from './entities';
import { Facilitator } from './facilitator';
import { Module, SessionPlan } from './module';
import { Mutation } from './mutation';
import { Query } from './query';
import { ReachGroup } from './reach';
import { SessionDelivery } from './session-delivery';
import { SocialMobilisation } from './social-mobilisation';
import { CoachingSession, DialogueProcess, StaffTraining } from './staff-training';
import type { Resolvers } from '../generated/resolvers';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Community,
  Organisation,
  Language,
  Module: { ...Module, ...entityResolvers.Module },
  SessionPlan: { ...SessionPlan, ...entityResolvers.SessionPlan },
  Facilitator: { ...Facilitator, ...entityResolvers.Facilitator },
  Cohort: { ...Cohort, ...entityResolvers.Cohort },
  CohortProgress,
  SessionDelivery: { ...SessionDelivery, ...entityResolvers.SessionDelivery },
  CommunityActionPlan: { ...CommunityActionPlan, ...entityResolvers.CommunityActionPlan },
  PlannedAction: { ...PlannedAction, ...entityResolvers.PlannedAction },
  SocialMobilisation: { ...SocialMobilisation, ...entityResolvers.SocialMobilisation },
  StaffTraining: { ...StaffTraining, ...entityResolvers.StaffTraining },
  CoachingSession: { ...CoachingSession, ...entityResolvers.CoachingSession },
  DialogueProcess: { ...DialogueProcess, ...entityResolvers.DialogueProcess },
  ReachGroup,
};
