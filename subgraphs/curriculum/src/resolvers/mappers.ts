/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * `npm run codegen` reads every `<GraphQLType>Mapper` exported here into src/generated/resolvers.ts;
 * connections are the kit's `Connection` of their node's type without being listed.
 */
import type { CoachingSession, DialogueProcess, StaffTraining } from '../staff-training/staff-training.entity';
import type { Cohort } from '../cohort/cohort.entity';
import type { CommunityActionPlan, PlannedAction } from '../action-plan/action-plan.entity';
import type { Facilitator } from '../facilitator/facilitator.entity';
import type { Module, SessionPlan } from '../module/module.entity';
import type { SessionDelivery } from '../session-delivery/session-delivery.entity';
import type { SocialMobilisation } from '../social-mobilisation/social-mobilisation.entity';
import type { CohortProgressRow } from '../session-delivery/session-delivery.repository';
import type { Reach } from '../reach/reach.service';

// The directory's entities: community education holds their keys only (references.ts).
export type { CommunityMapper, OrganisationMapper, LanguageMapper, CountryMapper, AdminAreaMapper } from '@peacegraph/kit/input';

export type ModuleMapper = Module;
export type SessionPlanMapper = SessionPlan;
export type FacilitatorMapper = Facilitator;
export type CohortMapper = Cohort;
export type CohortProgressMapper = CohortProgressRow;
export type SessionDeliveryMapper = SessionDelivery;
export type CommunityActionPlanMapper = CommunityActionPlan;
export type PlannedActionMapper = PlannedAction;
export type SocialMobilisationMapper = SocialMobilisation;
export type StaffTrainingMapper = StaffTraining;
export type CoachingSessionMapper = CoachingSession;
export type DialogueProcessMapper = DialogueProcess;

// Figures as the reach service computes them, keyed by what they are about.
export type ReachGroupMapper = Reach['groups'][number];
