import { isAdmin } from '@peacegraph/kit/auth';
import { forbidden } from '@peacegraph/kit/errors';
import { requirePartner } from '@peacegraph/kit/policy';
import { loadExisting } from '@peacegraph/kit/sql';
import type { ApiKeyResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';

export const identityQueries: QueryResolvers = {
  apiKeys: (_, args, { viewer, repositories }) => {
    const partner = requirePartner(viewer);
    // Partners see their own organisation's keys (to know which are live); admins anyone's.
    const organisationId = isAdmin(partner) ? (args.organisation ?? null) : partner.organisationId;
    if (!isAdmin(partner) && args.organisation && args.organisation !== partner.organisationId) {
      throw forbidden("Only admins may list another organisation's API keys");
    }
    return repositories.apiKeys.list({ organisationId, includeRevoked: Boolean(args.includeRevoked) }, args);
  },
};

export const identityMutations: MutationResolvers = {
  createApiKey: (_, { input }, { apiKeys }) => apiKeys.create(input),
  revokeApiKey: (_, { id }, { apiKeys }) => apiKeys.revoke(id),
};

export const ApiKey: ApiKeyResolvers = {
  organisation: (key, _, { loaders }) => loadExisting(loaders.organisation, key.organisationId),
};
