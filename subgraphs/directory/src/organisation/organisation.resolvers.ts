import { loadPresent } from '@peacegraph/kit/sql';
import type { MutationResolvers, OrganisationResolvers, QueryResolvers } from '../generated/resolvers';

export const organisationQueries: QueryResolvers = {
  organisation: (_, { id }, { loaders }) => loaders.organisation.load(id),
  organisations: (_, args, { repositories }) => repositories.organisations.list(args, args),
};

export const organisationMutations: MutationResolvers = {
  createOrganisation: (_, { input }, { organisations }) => organisations.create(input),
  updateOrganisation: (_, { id, version, input }, { organisations }) => organisations.update(id, version, input),
};

export const Organisation: OrganisationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.organisation.load(ref.id),
  countries: (organisation, _, { loaders }) => loadPresent(loaders.country, organisation.countryCodes),
};
