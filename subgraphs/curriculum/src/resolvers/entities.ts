import type { CurriculumContext } from '../context';

type Ref = { id: string };

/**
 * How the gateway turns a reference ({ __typename, id }) into our record. Always through the
 * request's loaders, so a list of 50 references costs one statement per type.
 */
export const entityResolvers = {
  Module: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.module.load(ref.id) },
  SessionPlan: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.sessionPlan.load(ref.id) },
  Facilitator: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.facilitator.load(ref.id) },
  Cohort: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.cohort.load(ref.id) },
  SessionDelivery: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.delivery.load(ref.id) },
  CommunityActionPlan: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.actionPlan.load(ref.id) },
  PlannedAction: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.plannedAction.load(ref.id) },
  SocialMobilisation: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.mobilisation.load(ref.id) },
  StaffTraining: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.staffTraining.load(ref.id) },
  CoachingSession: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.coachingSession.load(ref.id) },
  DialogueProcess: { __resolveReference: (ref: Ref, { loaders }: CurriculumContext) => loaders.dialogueProcess.load(ref.id) },
};
