import { AdminArea, adminAreaQueries } from '../admin-area/admin-area.resolvers';
import { Community, communityMutations, communityQueries } from '../community/community.resolvers';
import { Country, countryQueries } from '../country/country.resolvers';
import type { Resolvers } from '../generated/resolvers';
import { ApiKey, identityMutations, identityQueries } from '../identity/identity.resolvers';
import { Language, languageQueries } from '../language/language.resolvers';
import { Organisation, organisationMutations, organisationQueries } from '../organisation/organisation.resolvers';
import { Viewer, viewerQueries } from '../viewer/viewer.resolvers';

/**
 * Every feature's resolvers, merged; the kit adds the scalars and directoryAuditLog. Each entity's
 * __resolveReference is how the gateway turns another subgraph's reference ({ __typename, key }) into
 * our record: always through the request's loaders, so a list of 50 references costs one statement per type.
 */
export const resolvers: Resolvers = {
  Query: {
    ...viewerQueries,
    ...countryQueries,
    ...adminAreaQueries,
    ...communityQueries,
    ...organisationQueries,
    ...languageQueries,
    ...identityQueries,
  },
  Mutation: { ...communityMutations, ...organisationMutations, ...identityMutations },
  Country,
  AdminArea,
  Community,
  Organisation,
  Language,
  ApiKey,
  Viewer,
};
