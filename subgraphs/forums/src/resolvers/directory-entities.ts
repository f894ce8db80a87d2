import { pageSize } from '@peacegraph/kit';
import type { ForumsContext } from '../context';

type FirstArgs = { first?: number | null };

/**
 * What forums add to the directory's communities, admin areas and organisations. Each list is one
 * statement for all the parents of a request (see loaders.ts), at most `first` per parent: a row can
 * belong to several parents asked about (an area and its region), so each parent keeps its own first.
 */
export const Community = {
  __resolveReference: (ref: { id: string }) => ref,
  forums: async ({ id }: { id: string }, args: FirstArgs, { loaders }: ForumsContext) => {
    const first = pageSize(args.first);
    return (await loaders.forumsInCommunity({ first }).load(id)).slice(0, first);
  },
  forumRecommendations: async ({ id }: { id: string }, args: FirstArgs, { loaders }: ForumsContext) => {
    const first = pageSize(args.first);
    return (await loaders.recommendationsAddressingCommunity({ first }).load(id)).slice(0, first);
  },
};

export const AdminArea = {
  __resolveReference: (ref: { pcode: string }) => ref,
  forums: async ({ pcode }: { pcode: string }, args: FirstArgs, { loaders }: ForumsContext) => {
    const first = pageSize(args.first);
    return (await loaders.forumsInArea({ first }).load(pcode)).slice(0, first);
  },
  forumRecommendations: async ({ pcode }: { pcode: string }, args: FirstArgs, { loaders }: ForumsContext) => {
    const first = pageSize(args.first);
    return (await loaders.recommendationsAddressingArea({ first }).load(pcode)).slice(0, first);
  },
};

export const Organisation = {
  __resolveReference: (ref: { id: string }) => ref,
  forumsConvened: async ({ id }: { id: string }, args: FirstArgs, { loaders }: ForumsContext) => {
    const first = pageSize(args.first);
    return (await loaders.forumsConvenedBy({ first }).load(id)).slice(0, first);
  },
};
