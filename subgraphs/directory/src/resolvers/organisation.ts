import { loadPresent } from '@peacegraph/kit';
import type { OrganisationResolvers } from '../generated/resolvers';

export const Organisation: OrganisationResolvers = {
  countries: (organisation, _, { loaders }) => loadPresent(loaders.country, organisation.countryCodes),
};
