import type { MutationResolvers, QueryResolvers, TranshumanceCorridorResolvers } from '../generated/resolvers';
import { effectiveSettings } from '../alert/early-action-settings';
import { checkedGeo } from '../common/geo-filters';
import { adminAreaRef, organisationRef } from '../common/references';
import { parseBox } from './corridor-path';

export const corridorQueries: QueryResolvers = {
  transhumanceCorridor: (_, { id }, { loaders }) => loaders.transhumanceCorridor.load(id),
  transhumanceCorridors: (_, args, { repositories }) => repositories.transhumanceCorridors.list(checkedGeo(args.filter), args),
};

export const corridorMutations: MutationResolvers = {
  createTranshumanceCorridor: (_, { input }, { transhumanceCorridors }) => transhumanceCorridors.create(input),
  updateTranshumanceCorridor: (_, { id, version, input }, { transhumanceCorridors }) => transhumanceCorridors.update(id, version, input),
};

export const TranshumanceCorridor: TranshumanceCorridorResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.transhumanceCorridor.load(ref.id),
  bounds: (c) => parseBox(c.bounds),
  countries: (c) => c.countryCodes,
  adminAreas: (c) => c.adminPcodes.map((pcode) => adminAreaRef(pcode)),
  earlyAction: (c) => effectiveSettings(c.earlyAction),
  sensitiveSpots: (c, _, { loaders }) => loaders.transhumanceSpotsOfCorridor.load(c.id),
  countingPoints: (c, _, { loaders }) => loaders.transhumanceCountingPointsOfCorridor.load(c.id),
  recordedBy: (c) => organisationRef(c.ownerOrg),
};
