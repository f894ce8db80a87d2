import { wholeNumber } from '@peacegraph/kit/input';
import { loadExisting } from '@peacegraph/kit/sql';
import type { AdminAreaResolvers, QueryResolvers } from '../generated/resolvers';

export const adminAreaQueries: QueryResolvers = {
  adminArea: (_, { pcode }, { loaders }) => loaders.adminArea.load(pcode),
  adminAreas: (_, args, { repositories }) => {
    // The column is a smallint: a level past its range was PostgreSQL's error, not the caller's.
    if (args.level !== null && args.level !== undefined) wholeNumber('level', args.level, 'The admin level', { min: 0, max: 9 });
    return repositories.adminAreas.list(args, args);
  },
};

export const AdminArea: AdminAreaResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.adminArea.load(ref.pcode),
  parent: (area, _, { loaders }) => (area.parentPcode ? loaders.adminArea.load(area.parentPcode) : null),
  children: (area, _, { loaders }) => loaders.adminAreaChildren.load(area.pcode),
  country: (area, _, { loaders }) => loadExisting(loaders.country, area.countryCode),
};
