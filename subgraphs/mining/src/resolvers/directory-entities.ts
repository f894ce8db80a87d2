import { pageSize, isoDate } from '@peacegraph/kit';
import type { MiningContext } from '../context';
import type { TrainingKind } from '../entities';
import { areaReach } from '../services/aggregate-service';

type TrainingArgs = { kind?: TrainingKind | null; first?: number | null };
type FirstArgs = { first?: number | null };
type C = MiningContext;

/**
 * What mining adds to the directory's communities, admin areas and organisations. Each field is one
 * statement for all the parents of a request (see loaders.ts), at most `first` per parent.
 */
export const Community = {
  __resolveReference: (ref: { id: string }) => ref,
  miningSites: ({ id }: { id: string }, args: FirstArgs, { loaders }: C) =>
    loaders.sitesOfCommunity({ first: pageSize(args.first) }).load(id),
  miningTrainings: ({ id }: { id: string }, args: TrainingArgs, { loaders }: C) =>
    loaders.trainingsOfCommunity({ kind: args.kind ?? null, first: pageSize(args.first) }).load(id),
  miningConsultations: ({ id }: { id: string }, args: FirstArgs, { loaders }: C) =>
    loaders.consultationsOfCommunity({ first: pageSize(args.first) }).load(id),
};

export const AdminArea = {
  __resolveReference: (ref: { pcode: string }) => ref,
  miningTrainings: async ({ pcode }: { pcode: string }, args: TrainingArgs, { loaders }: C) => {
    const first = pageSize(args.first);
    // A training in a province is also in its region: each area asked keeps its own first ones.
    return (await loaders.trainingsInArea({ kind: args.kind ?? null, first }).load(pcode)).slice(0, first).map((found) => found.training);
  },
  miningReach: async ({ pcode }: { pcode: string }, args: { from?: Date | null; to?: Date | null }, { loaders }: C) => {
    const row = await loaders
      .reachOfArea({ from: args.from ? isoDate(args.from) : null, to: args.to ? isoDate(args.to) : null })
      .load(pcode);
    return row ? areaReach(row) : null;
  },
};

export const Organisation = {
  __resolveReference: (ref: { id: string }) => ref,
  miningTrainingsGiven: async ({ id }: { id: string }, args: FirstArgs, { loaders }: C) => {
    const first = pageSize(args.first);
    // A training given by several of the organisations asked counts for each of them.
    return (await loaders.trainingsGivenBy({ first }).load(id)).slice(0, first);
  },
  miningSitesOperated: ({ id }: { id: string }, args: FirstArgs, { loaders }: C) =>
    loaders.sitesOperatedBy({ first: pageSize(args.first) }).load(id),
};
