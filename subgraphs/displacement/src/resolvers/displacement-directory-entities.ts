import { isoDate, pageSize, type DateInput } from '@peacegraph/kit';
import type { DisplacementContext as C } from '../context';
import type { ReintegrationBreakdown } from '../repositories/displacement-aggregates';
import { stockFigures } from '../services/displacement-figures-service';

type FirstArgs = { first?: number | null };

/**
 * What the displacement half adds to the directory's entities: each field one statement for all the
 * parents of a request, at most `first` per parent.
 */
export const displacementDirectoryFields = {
  Community: {
    awarenessSessions: ({ id }: { id: string }, args: FirstArgs, { loaders }: C) =>
      loaders.awarenessSessionsOfCommunity({ first: pageSize(args.first) }).load(id),
  },
  AdminArea: {
    displacementFigures: async ({ pcode }: { pcode: string }, args: { asOf?: DateInput | null }, { loaders, viewer }: C) => {
      const row = await loaders.displacementFiguresOfArea({ asOf: args.asOf ? isoDate(args.asOf) : null }).load(pcode);
      return row ? stockFigures(row, row.own && viewer.kind === 'partner') : null;
    },
    reintegrationStats: async ({ pcode }: { pcode: string }, args: { breakdown: ReintegrationBreakdown }, { loaders, viewer }: C) => {
      const caseload = await loaders.caseloadOfAll();
      // Nobody owns what is not there: an area without cases is exact zeros for every partner.
      const exact = viewer.kind === 'partner' && caseload.ownsAll(pcode);
      return {
        exact,
        breakdown: args.breakdown,
        ...(exact ? caseload.exact(pcode, args.breakdown) : caseload.disclosed(pcode, args.breakdown)),
      };
    },
  },
  Organisation: {
    reintegrationProgrammes: async ({ id }: { id: string }, args: FirstArgs, { loaders }: C) => {
      const first = pageSize(args.first);
      return (await loaders.reintegrationProgrammesOf({ first }).load(id)).slice(0, first);
    },
    awarenessSessionsFacilitated: async ({ id }: { id: string }, args: FirstArgs, { loaders }: C) => {
      const first = pageSize(args.first);
      // A session facilitated by several of the organisations asked counts for each of them.
      return (await loaders.awarenessSessionsFacilitatedBy({ first }).load(id)).slice(0, first);
    },
  },
};
