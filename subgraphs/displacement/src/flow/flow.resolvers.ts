import { badInput } from '@peacegraph/kit/errors';
import { loadExisting } from '@peacegraph/kit/sql';
import type { FlowObservationResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { checkedGeo } from '../common/geo-filters';
import { optionalAdminAreaRef, organisationRef } from '../common/references';
import { headsOf } from '../common/transhumance-values';
import { discloseOne } from '../common/disclosure';

export const flowQueries: QueryResolvers = {
  flowObservations: (_, args, { repositories }) => {
    const filter = checkedGeo(args.filter);
    if (filter.from && filter.to && filter.to < filter.from) throw badInput('filter.to', 'The period ends before it starts');
    return repositories.flowObservations.list(filter, args);
  },
};

export const flowMutations: MutationResolvers = {
  recordFlowObservations: (_, { input }, { transhumanceFlows }) => transhumanceFlows.record(input),
};

export const FlowObservation: FlowObservationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.transhumanceObservation.load(ref.id),
  countingPoint: (o, _, { loaders }) => loadExisting(loaders.transhumanceCountingPoint, o.countingPointId),
  corridor: (o, _, { loaders }) => loadExisting(loaders.transhumanceCorridor, o.corridorId),
  heads: headsOf,
  // Herders are people: exact for the organisation that counted them.
  herders: (o, _, { viewer }) => discloseOne(o.herders, viewer.kind === 'partner' && viewer.organisationId === o.ownerOrg),
  origin: (o) => optionalAdminAreaRef(o.originPcode),
  destination: (o) => optionalAdminAreaRef(o.destinationPcode),
  recordedBy: (o) => organisationRef(o.ownerOrg),
};
