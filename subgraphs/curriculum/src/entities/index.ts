import { CoachingSessionSchema } from './coaching-session';
import { CohortSchema } from './cohort';
import { CommunityActionPlanSchema } from './community-action-plan';
import { DialogueProcessSchema } from './dialogue-process';
import { FacilitatorSchema } from './facilitator';
import { ModuleSchema } from './module';
import { PlannedActionSchema } from './planned-action';
import { SessionDeliverySchema } from './session-delivery';
import { SessionPlanSchema } from './session-plan';
import { SocialMobilisationSchema } from './social-mobilisation';
import { StaffTrainingSchema, TraineeGroupSchema } from './staff-training';

export type { CoachingSession, CoachingMode } from './coaching-session';
export type { Cohort, CohortStatus, Place } from './cohort';
export { placeOf } from './cohort';
export type { CommunityActionPlan } from './community-action-plan';
export type { DialogueProcess } from './dialogue-process';
export type { Facilitator } from './facilitator';
export type { Audience, AudienceCounts, Headcount } from './headcount';
export type { Module } from './module';
export type { PlannedAction, PlannedActionStatus } from './planned-action';
export type { SessionDelivery } from './session-delivery';
export type { SessionPlan, SessionTheme } from './session-plan';
export type { MobilisationActivity, SocialMobilisation } from './social-mobilisation';
export type { StaffTraining, TraineeGroup } from './staff-training';
export {
  CoachingSessionSchema,
  CohortSchema,
  CommunityActionPlanSchema,
  DialogueProcessSchema,
  FacilitatorSchema,
  ModuleSchema,
  PlannedActionSchema,
  SessionDeliverySchema,
  SessionPlanSchema,
  SocialMobilisationSchema,
  StaffTrainingSchema,
  TraineeGroupSchema,
};

/**
 * Plain EntitySchema definitions rather than decorated classes, as in the directory: they load the
 * same under tsx, jest (swc) and a bundle. The headcount and audience column groups are embedded in
 * several of them and are not tables of their own, so they are not listed.
 */
export const entities = [
  ModuleSchema,
  SessionPlanSchema,
  FacilitatorSchema,
  CohortSchema,
  SessionDeliverySchema,
  CommunityActionPlanSchema,
  PlannedActionSchema,
  SocialMobilisationSchema,
  StaffTrainingSchema,
  TraineeGroupSchema,
  CoachingSessionSchema,
  DialogueProcessSchema,
];
