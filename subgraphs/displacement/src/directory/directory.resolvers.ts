import { isoDate } from '@peacegraph/kit/input';
import { pageSize } from '@peacegraph/kit/sql';
import type { AdminAreaResolvers, CommunityResolvers, OrganisationResolvers } from '../generated/resolvers';
import { checkRadius } from '../common/geo-filters';
import { placedKey } from '../loaders';
import { stockFigures } from '../statistics/displacement-figures.service';

/*
 * The directory owns communities, admin areas and organisations: a reference carries their key, which
 * is all the fields displacement adds to them need. Each field is one statement for all the parents of
 * a request, at most `first` per parent.
 */

export const Community: CommunityResolvers = {
  __resolveReference: (ref) => ref,
  awarenessSessions: ({ id }, args, { loaders }) => loaders.awarenessSessionsOfCommunity({ first: pageSize(args.first) }).load(id),
  transhumanceAlertsNearby: async (community, args, { loaders }) => {
    // The gateway sends the directory's coordinates (@requires); a community without them has nothing "nearby".
    const { id, latitude, longitude } = community;
    if (latitude === null || latitude === undefined || longitude === null || longitude === undefined) return [];
    const radiusKm = checkRadius('radiusKm', args.radiusKm ?? 30);
    const first = pageSize(args.first);
    const found = await loaders
      .transhumanceAlertsNearCommunity({ radiusKm, status: args.status?.length ? args.status : null, first })
      .load(placedKey({ id, latitude, longitude }));
    return found.map((f) => f.alert);
  },
};

export const AdminArea: AdminAreaResolvers = {
  __resolveReference: (ref) => ref,
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
  transhumanceAlerts: ({ pcode }, args, { loaders }) =>
    loaders.transhumanceAlertsInArea({ status: args.status?.length ? args.status : null, first: pageSize(args.first) }).load(pcode),
  sensitiveSpots: ({ pcode }, args, { loaders }) =>
    loaders.transhumanceSpotsInArea({ kind: args.kind ?? null, first: pageSize(args.first) }).load(pcode),
};

export const Organisation: OrganisationResolvers = {
  __resolveReference: (ref) => ref,
  reintegrationProgrammes: async ({ id }, args, { loaders }) => {
    const first = pageSize(args.first);
    return (await loaders.reintegrationProgrammesOf({ first }).load(id)).slice(0, first);
  },
  awarenessSessionsFacilitated: async ({ id }, args, { loaders }) => {
    const first = pageSize(args.first);
    // A session facilitated by several of the organisations asked counts for each of them.
    return (await loaders.awarenessSessionsFacilitatedBy({ first }).load(id)).slice(0, first);
  },
  transhumanceAlertsReceived: ({ id }, args, { loaders }) => loaders.transhumanceAlertsReceived({ first: pageSize(args.first) }).load(id),
};
