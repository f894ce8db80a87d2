import { loadExisting } from '@peacegraph/kit/sql';
import type { CountingPointResolvers, MutationResolvers, QueryResolvers, SensitiveSpotResolvers } from '../generated/resolvers';
import { checkedGeo } from '../common/geo-filters';
import { adminAreaRef, organisationRef } from '../common/references';

export const placeQueries: QueryResolvers = {
  sensitiveSpot: (_, { id }, { loaders }) => loaders.transhumanceSpot.load(id),
  sensitiveSpots: (_, args, { repositories }) => repositories.sensitiveSpots.list(checkedGeo(args.filter), args),
  countingPoint: (_, { id }, { loaders }) => loaders.transhumanceCountingPoint.load(id),
  countingPoints: (_, args, { repositories }) => repositories.countingPoints.list(checkedGeo(args.filter), args),
};

export const placeMutations: MutationResolvers = {
  createSensitiveSpot: (_, { input }, { transhumancePlaces }) => transhumancePlaces.createSpot(input),
  updateSensitiveSpot: (_, { id, version, input }, { transhumancePlaces }) => transhumancePlaces.updateSpot(id, version, input),
  createCountingPoint: (_, { input }, { transhumancePlaces }) => transhumancePlaces.createCountingPoint(input),
};

export const SensitiveSpot: SensitiveSpotResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.transhumanceSpot.load(ref.id),
  adminArea: (s) => adminAreaRef(s.adminPcode),
  country: (s) => s.countryCode,
  corridor: (s, _, { loaders }) => (s.corridorId ? loaders.transhumanceCorridor.load(s.corridorId) : null),
  kmAlongCorridor: (s) => (s.kmAlong === null ? null : round(s.kmAlong)),
  distanceFromCorridorKm: (s) => (s.distanceFromPathKm === null ? null : round(s.distanceFromPathKm)),
  recordedBy: (s) => organisationRef(s.ownerOrg),
};

export const CountingPoint: CountingPointResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.transhumanceCountingPoint.load(ref.id),
  adminArea: (p) => adminAreaRef(p.adminPcode),
  country: (p) => p.countryCode,
  corridor: (p, _, { loaders }) => loadExisting(loaders.transhumanceCorridor, p.corridorId),
  kmAlongCorridor: (p) => round(p.kmAlong),
  distanceFromCorridorKm: (p) => round(p.distanceFromPathKm),
  recordedBy: (p) => organisationRef(p.ownerOrg),
};

function round(km: number): number {
  return Math.round(km * 100) / 100;
}
