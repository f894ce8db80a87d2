import { loadExisting } from '@peacegraph/kit';
import type { AdminAreaResolvers } from '../generated/resolvers';

export const AdminArea: AdminAreaResolvers = {
  parent: (area, _, { loaders }) => (area.parentPcode ? loaders.adminArea.load(area.parentPcode) : null),
  children: (area, _, { loaders }) => loaders.adminAreaChildren.load(area.pcode),
  country: (area, _, { loaders }) => loadExisting(loaders.country, area.countryCode),
};
