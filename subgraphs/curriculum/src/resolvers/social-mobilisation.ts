import type { CurriculumContext } from '../context';
import type { SocialMobilisation as SocialMobilisationRow } from '../entities';
import { discloseHeadcount } from '../services/disclosure';
import { communityRef, owns } from './references';

export const SocialMobilisation = {
  cohort: (mobilisation: SocialMobilisationRow, _: unknown, { loaders }: CurriculumContext) => loaders.cohort.load(mobilisation.cohortId),
  communitiesReached: (mobilisation: SocialMobilisationRow) => mobilisation.reachedCommunityIds.map(communityRef),
  peopleReached: (mobilisation: SocialMobilisationRow, _: unknown, { viewer }: CurriculumContext) =>
    discloseHeadcount(mobilisation.peopleReached, owns(viewer, mobilisation.ownerOrg)),
};
