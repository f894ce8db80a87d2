import type { DirectoryContext } from '../context';
import type { AdminArea as AdminAreaRow } from '../entities';

export const AdminArea = {
  parent: (area: AdminAreaRow, _: unknown, { loaders }: DirectoryContext) =>
    area.parentPcode ? loaders.adminArea.load(area.parentPcode) : null,
  children: (area: AdminAreaRow, _: unknown, { loaders }: DirectoryContext) => loaders.adminAreaChildren.load(area.pcode),
  country: (area: AdminAreaRow, _: unknown, { loaders }: DirectoryContext) => loaders.country.load(area.countryCode),
};
