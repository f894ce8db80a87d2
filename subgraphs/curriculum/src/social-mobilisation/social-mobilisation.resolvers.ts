import { loadExisting } from '@peacegraph/kit/sql';
import { dates } from '../common/dates';
import { discloseHeadcount, owns } from '../common/disclosure';
import { communityRef } from '../common/references';
import type { MutationResolvers, QueryResolvers, SocialMobilisationResolvers } from '../generated/resolvers';
import type { SocialMobilisationFilter } from './social-mobilisation.repository';

export const socialMobilisationQueries: QueryResolvers = {
  socialMobilisations: (_, args, { repositories }) => repositories.mobilisations.list(dates<SocialMobilisationFilter>(args.filter), args),
};

export const socialMobilisationMutations: MutationResolvers = {
  recordSocialMobilisation: (_, { input }, { mobilisations }) => mobilisations.record(input),
  updateSocialMobilisation: (_, { id, version, input }, { mobilisations }) => mobilisations.update(id, version, input),
};

export const SocialMobilisation: SocialMobilisationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.mobilisation.load(ref.id),
  cohort: (mobilisation, _, { loaders }) => loadExisting(loaders.cohort, mobilisation.cohortId),
  communitiesReached: (mobilisation) => mobilisation.reachedCommunityIds.map(communityRef),
  peopleReached: (mobilisation, _, { viewer }) => discloseHeadcount(mobilisation.peopleReached, owns(viewer, mobilisation.ownerOrg)),
};
