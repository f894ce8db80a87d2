import { loadPresent } from '@peacegraph/kit/sql';
import { communityRef, languageRef, organisationRef } from './references';
import type { FacilitatorResolvers } from '../generated/resolvers';

export const Facilitator: FacilitatorResolvers = {
  organisation: (facilitator) => organisationRef(facilitator.ownerOrg),
  languages: (facilitator) => facilitator.languageCodes.map(languageRef),
  certifiedModules: (facilitator, _, { loaders }) => loadPresent(loaders.module, facilitator.certifiedModuleIds),
  homeCommunity: (facilitator) => (facilitator.homeCommunityId ? communityRef(facilitator.homeCommunityId) : null),
  // The loader keeps the latest 100 per facilitator.
  cohorts: async (facilitator, _, { loaders }) => (await loaders.cohortsOfFacilitator.load(facilitator.id)).slice(0, 100),
};
