import { isoDate } from '@peacegraph/kit/input';
import { pageSize } from '@peacegraph/kit/sql';
import type { Resolvers } from '../generated/resolvers';
import { stockFigures } from '../statistics/displacement-figures.service';

/**
 * What the displacement half adds to the directory's entities: each field one statement for all the
 * parents of a request, at most `first` per parent.
 */
export const displacementDirectoryFields = {
  Community: {
    awarenessSessions: ({ id }, args, { loaders }) => loaders.awarenessSessionsOfCommunity({ first: pageSize(args.first) }).load(id),
  },
  AdminArea: {
    displacementFigures: async ({ pcode }, args, { loaders, viewer }) => {
      const row = await loaders.displacementFiguresOfArea({ asOf: args.asOf ? isoDate(args.asOf) : null }).load(pcode);
      return row ? stockFigures(row, row.own && viewer.kind === 'partner') : null;
    },
    reintegrationStats: async ({ pcode }, args, { loaders, viewer }) => {
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
    reintegrationProgrammes: async ({ id }, args, { loaders }) => {
      const first = pageSize(args.first);
      return (await loaders.reintegrationProgrammesOf({ first }).load(id)).slice(0, first);
    },
    awarenessSessionsFacilitated: async ({ id }, args, { loaders }) => {
      const first = pageSize(args.first);
      // A session facilitated by several of the organisations asked counts for each of them.
      return (await loaders.awarenessSessionsFacilitatedBy({ first }).load(id)).slice(0, first);
    },
  },
} satisfies Resolvers;
