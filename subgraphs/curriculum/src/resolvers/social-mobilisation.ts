import { loadExisting } from '@peacegraph/kit/sql';
import { discloseHeadcount } from '../common/disclosure';
import { communityRef, owns } from './references';
import type { SocialMobilisationResolvers } from '../generated/resolvers';

export const SocialMobilisation: SocialMobilisationResolvers = {
  cohort: (mobilisation, _, { loaders }) => loadExisting(loaders.cohort, mobilisation.cohortId),
  communitiesReached: (mobilisation) => mobilisation.reachedCommunityIds.map(communityRef),
  peopleReached: (mobilisation, _, { viewer }) => discloseHeadcount(mobilisation.peopleReached, owns(viewer, mobilisation.ownerOrg)),
};
