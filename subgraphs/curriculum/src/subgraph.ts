import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { CommunityActionPlanSchema, PlannedActionSchema } from './action-plan/action-plan.entity';
import { CohortSchema } from './cohort/cohort.entity';
import { createContextFactory } from './context';
import { FacilitatorSchema } from './facilitator/facilitator.entity';
import { migrations } from './migrations';
import { ModuleSchema, SessionPlanSchema } from './module/module.entity';
import { resolvers } from './resolvers';
import { seedDemoData } from './seed/demo';
import { SessionDeliverySchema } from './session-delivery/session-delivery.entity';
import { SocialMobilisationSchema } from './social-mobilisation/social-mobilisation.entity';
import {
  CoachingSessionSchema,
  DialogueProcessSchema,
  StaffTrainingSchema,
  TraineeGroupSchema,
} from './staff-training/staff-training.entity';

/** Community education: the Peace and Security module, cohorts, their deliveries and staff trainings. */
export const subgraph = defineSubgraph({
  name: 'curriculum',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  /**
   * Plain EntitySchema definitions rather than decorated classes, as in every subgraph: they load the
   * same under tsx, jest (swc) and a bundle. The headcount and audience column groups
   * (common/headcount.ts) are embedded in several of them and are not tables of their own.
   */
  entities: [
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
  ],
  migrations,
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, directoryUrl),
  // Figures that depend only on the records, the arguments and the caller: kept until a write commits.
  keptAnswers: ['Query.curriculumReach'],
  demo: { load: seedDemoData },
});
