import type { MutationResolvers } from '../generated/resolvers';

/** Thin: arguments → service. Rules, ownership and audit are the services'. */
export const Mutation: MutationResolvers = {
  createModule: (_, { input }, { modules }) => modules.create(input),
  updateModule: (_, { id, version, input }, { modules }) => modules.update(id, version, input),
  addSessionPlan: (_, { input }, { modules }) => modules.addSessionPlan(input),
  updateSessionPlan: (_, { id, version, input }, { modules }) => modules.updateSessionPlan(id, version, input),

  createFacilitator: (_, { input }, { facilitators }) => facilitators.create(input),
  updateFacilitator: (_, { id, version, input }, { facilitators }) => facilitators.update(id, version, input),

  createCohort: (_, { input }, { cohorts }) => cohorts.create(input),
  updateCohort: (_, { id, version, input }, { cohorts }) => cohorts.update(id, version, input),
  changeCohortStatus: (_, { id, version, input }, { cohorts }) => cohorts.changeStatus(id, version, input),

  recordSessionDelivery: (_, { input }, { deliveries }) => deliveries.record(input),
  correctSessionDelivery: (_, { id, version, input }, { deliveries }) => deliveries.correct(id, version, input),

  createCommunityActionPlan: (_, { input }, { actionPlans }) => actionPlans.create(input),
  updateCommunityActionPlan: (_, { id, version, input }, { actionPlans }) => actionPlans.update(id, version, input),
  addPlannedAction: (_, { input }, { actionPlans }) => actionPlans.addAction(input),
  updatePlannedAction: (_, { id, version, input }, { actionPlans }) => actionPlans.updateAction(id, version, input),

  recordSocialMobilisation: (_, { input }, { mobilisations }) => mobilisations.record(input),
  updateSocialMobilisation: (_, { id, version, input }, { mobilisations }) => mobilisations.update(id, version, input),

  createStaffTraining: (_, { input }, { staffTrainings }) => staffTrainings.create(input),
  updateStaffTraining: (_, { id, version, input }, { staffTrainings }) => staffTrainings.update(id, version, input),
  recordCoachingSession: (_, { input }, { staffTrainings }) => staffTrainings.recordCoaching(input),
  recordDialogueProcess: (_, { input }, { staffTrainings }) => staffTrainings.recordDialogue(input),
  updateDialogueProcess: (_, { id, version, input }, { staffTrainings }) => staffTrainings.updateDialogue(id, version, input),
};
