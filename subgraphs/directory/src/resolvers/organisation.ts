import { loadPresent } from '@peacegraph/kit';
import type { DirectoryContext } from '../context';
import type { Organisation as OrganisationRow } from '../entities';

export const Organisation = {
  countries: (organisation: OrganisationRow, _: unknown, { loaders }: DirectoryContext) =>
    loadPresent(loaders.country, organisation.countryCodes),
};
