import { loadPresent } from '@peacegraph/kit/sql';
import { communityRef, languageRef, organisationRef } from '../common/references';
import type { FacilitatorResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';

export const facilitatorQueries: QueryResolvers = {
  facilitator: (_, { id }, { loaders }) => loaders.facilitator.load(id),
  facilitators: (_, args, { repositories }) => repositories.facilitators.list(args.filter ?? {}, args),
};

export const facilitatorMutations: MutationResolvers = {
  createFacilitator: (_, { input }, { facilitators }) => facilitators.create(input),
  updateFacilitator: (_, { id, version, input }, { facilitators }) => facilitators.update(id, version, input),
};

export const Facilitator: FacilitatorResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.facilitator.load(ref.id),
  organisation: (facilitator) => organisationRef(facilitator.ownerOrg),
  languages: (facilitator) => facilitator.languageCodes.map(languageRef),
  certifiedModules: (facilitator, _, { loaders }) => loadPresent(loaders.module, facilitator.certifiedModuleIds),
  homeCommunity: (facilitator) => (facilitator.homeCommunityId ? communityRef(facilitator.homeCommunityId) : null),
  // The loader keeps the latest 100 per facilitator.
  cohorts: async (facilitator, _, { loaders }) => (await loaders.cohortsOfFacilitator.load(facilitator.id)).slice(0, 100),
};
