import type { Resolvers } from '../generated/resolvers';

/**
 * How the gateway turns a reference ({ __typename, id }) into our record. Always through the
 * request's loaders, so a list of 50 references costs one statement per type.
 */
export const entityResolvers = {
  Module: { __resolveReference: (ref, { loaders }) => loaders.module.load(ref.id) },
  SessionPlan: { __resolveReference: (ref, { loaders }) => loaders.sessionPlan.load(ref.id) },
  Facilitator: { __resolveReference: (ref, { loaders }) => loaders.facilitator.load(ref.id) },
  Cohort: { __resolveReference: (ref, { loaders }) => loaders.cohort.load(ref.id) },
  SessionDelivery: { __resolveReference: (ref, { loaders }) => loaders.delivery.load(ref.id) },
  CommunityActionPlan: { __resolveReference: (ref, { loaders }) => loaders.actionPlan.load(ref.id) },
  PlannedAction: { __resolveReference: (ref, { loaders }) => loaders.plannedAction.load(ref.id) },
  SocialMobilisation: { __resolveReference: (ref, { loaders }) => loaders.mobilisation.load(ref.id) },
  StaffTraining: { __resolveReference: (ref, { loaders }) => loaders.staffTraining.load(ref.id) },
  CoachingSession: { __resolveReference: (ref, { loaders }) => loaders.coachingSession.load(ref.id) },
  DialogueProcess: { __resolveReference: (ref, { loaders }) => loaders.dialogueProcess.load(ref.id) },
} satisfies Resolvers;
