import { loadPresent } from '@peacegraph/kit';
import type { CurriculumContext } from '../context';
import type { Facilitator as FacilitatorRow } from '../entities';
import { communityRef, languageRef, organisationRef } from './references';

export const Facilitator = {
  organisation: (facilitator: FacilitatorRow) => organisationRef(facilitator.ownerOrg),
  languages: (facilitator: FacilitatorRow) => facilitator.languageCodes.map(languageRef),
  certifiedModules: (facilitator: FacilitatorRow, _: unknown, { loaders }: CurriculumContext) =>
    loadPresent(loaders.module, facilitator.certifiedModuleIds),
  homeCommunity: (facilitator: FacilitatorRow) => (facilitator.homeCommunityId ? communityRef(facilitator.homeCommunityId) : null),
  // The loader keeps the latest 100 per facilitator.
  cohorts: async (facilitator: FacilitatorRow, _: unknown, { loaders }: CurriculumContext) =>
    (await loaders.cohortsOfFacilitator.load(facilitator.id)).slice(0, 100),
};
