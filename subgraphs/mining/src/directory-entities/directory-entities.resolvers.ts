import { isoDate } from '@peacegraph/kit/input';
import { pageSize } from '@peacegraph/kit/sql';
import type { AdminAreaResolvers, CommunityResolvers, OrganisationResolvers } from '../generated/resolvers';
import { areaReach } from '../statistics/statistics.service';

/**
 * What mining adds to the directory's communities, admin areas and organisations. Each field is one
 * statement for all the parents of a request (see loaders.ts), at most `first` per parent.
 */
export const Community: CommunityResolvers = {
  __resolveReference: (ref) => ref,
  miningSites: ({ id }, args, { loaders }) => loaders.sitesOfCommunity({ first: pageSize(args.first) }).load(id),
  miningTrainings: ({ id }, args, { loaders }) =>
    loaders.trainingsOfCommunity({ kind: args.kind ?? null, first: pageSize(args.first) }).load(id),
  miningConsultations: ({ id }, args, { loaders }) => loaders.consultationsOfCommunity({ first: pageSize(args.first) }).load(id),
};

export const AdminArea: AdminAreaResolvers = {
  __resolveReference: (ref) => ref,
  miningTrainings: async ({ pcode }, args, { loaders }) => {
    const first = pageSize(args.first);
    // A training in a province is also in its region: each area asked keeps its own first ones.
    return (await loaders.trainingsInArea({ kind: args.kind ?? null, first }).load(pcode)).slice(0, first).map((found) => found.training);
  },
  miningReach: async ({ pcode }, args, { loaders }) => {
    const row = await loaders
      .reachOfArea({ from: args.from ? isoDate(args.from) : null, to: args.to ? isoDate(args.to) : null })
      .load(pcode);
    return row ? areaReach(row) : null;
  },
};

export const Organisation: OrganisationResolvers = {
  __resolveReference: (ref) => ref,
  miningTrainingsGiven: async ({ id }, args, { loaders }) => {
    const first = pageSize(args.first);
    // A training given by several of the organisations asked counts for each of them.
    return (await loaders.trainingsGivenBy({ first }).load(id)).slice(0, first);
  },
  miningSitesOperated: ({ id }, args, { loaders }) => loaders.sitesOperatedBy({ first: pageSize(args.first) }).load(id),
};
