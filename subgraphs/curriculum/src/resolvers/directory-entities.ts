import { pageSize } from '@peacegraph/kit';
import type { CurriculumContext } from '../context';
import type { CohortStatus } from '../entities';

type CohortArgs = { status?: CohortStatus | null; first?: number | null };
type FirstArgs = { first?: number | null };

/**
 * What community education adds to the directory's communities, organisations and languages. Each
 * list is one statement for all the parents of a request (see loaders.ts), at most `first` per parent.
 */
export const Community = {
  __resolveReference: (ref: { id: string }) => ref,
  cohorts: ({ id }: { id: string }, args: CohortArgs, { loaders }: CurriculumContext) =>
    loaders.cohortsOfCommunity({ status: args.status ?? null, first: pageSize(args.first) }).load(id),
  actionPlans: ({ id }: { id: string }, args: FirstArgs, { loaders }: CurriculumContext) =>
    loaders.actionPlansOfCommunity({ first: pageSize(args.first) }).load(id),
  socialMobilisationsReached: async ({ id }: { id: string }, args: FirstArgs, { loaders }: CurriculumContext) => {
    const first = pageSize(args.first);
    // One mobilisation can reach several of the communities asked about; each keeps its own first ones.
    return (await loaders.mobilisationsReaching({ first }).load(id)).slice(0, first);
  },
};

export const Organisation = {
  __resolveReference: (ref: { id: string }) => ref,
  facilitators: ({ id }: { id: string }, args: FirstArgs, { loaders }: CurriculumContext) =>
    loaders.facilitatorsOfOrganisation({ first: pageSize(args.first) }).load(id),
  staffTrainingsRun: ({ id }: { id: string }, args: FirstArgs, { loaders }: CurriculumContext) =>
    loaders.trainingsOfOrganisation({ first: pageSize(args.first) }).load(id),
};

export const Language = {
  __resolveReference: (ref: { code: string }) => ref,
  cohorts: ({ code }: { code: string }, args: CohortArgs, { loaders }: CurriculumContext) =>
    loaders.cohortsInLanguage({ status: args.status ?? null, first: pageSize(args.first) }).load(code),
};
