import { pageSize } from '@peacegraph/kit/sql';
import type { CommunityResolvers, LanguageResolvers, OrganisationResolvers } from '../generated/resolvers';

/**
 * What community education adds to the directory's communities, organisations and languages. Each
 * list is one statement for all the parents of a request (see loaders.ts), at most `first` per parent.
 */
export const Community: CommunityResolvers = {
  __resolveReference: (ref) => ref,
  cohorts: ({ id }, args, { loaders }) => loaders.cohortsOfCommunity({ status: args.status ?? null, first: pageSize(args.first) }).load(id),
  actionPlans: ({ id }, args, { loaders }) => loaders.actionPlansOfCommunity({ first: pageSize(args.first) }).load(id),
  socialMobilisationsReached: async ({ id }, args, { loaders }) => {
    const first = pageSize(args.first);
    // One mobilisation can reach several of the communities asked about; each keeps its own first ones.
    return (await loaders.mobilisationsReaching({ first }).load(id)).slice(0, first);
  },
};

export const Organisation: OrganisationResolvers = {
  __resolveReference: (ref) => ref,
  facilitators: ({ id }, args, { loaders }) => loaders.facilitatorsOfOrganisation({ first: pageSize(args.first) }).load(id),
  staffTrainingsRun: ({ id }, args, { loaders }) => loaders.trainingsOfOrganisation({ first: pageSize(args.first) }).load(id),
};

export const Language: LanguageResolvers = {
  __resolveReference: (ref) => ref,
  cohorts: ({ code }, args, { loaders }) =>
    loaders.cohortsInLanguage({ status: args.status ?? null, first: pageSize(args.first) }).load(code),
};
