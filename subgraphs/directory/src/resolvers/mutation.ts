import type { DirectoryContext } from '../context';
import type { CommunityInput } from '../services/community-service';
import type { OrganisationInput } from '../services/organisation-service';
import type { OrganisationKind } from '../entities/organisation';

export const Mutation = {
  createCommunity: (
    _: unknown,
    { input }: { input: CommunityInput & { name: string; adminArea: string } },
    { communities }: DirectoryContext,
  ) => communities.create(input),
  updateCommunity: (
    _: unknown,
    { id, version, input }: { id: string; version: number; input: CommunityInput },
    { communities }: DirectoryContext,
  ) => communities.update(id, version, input),

  createOrganisation: (
    _: unknown,
    { input }: { input: OrganisationInput & { name: string; kind: OrganisationKind; countries: string[] } },
    { organisations }: DirectoryContext,
  ) => organisations.create(input),
  updateOrganisation: (
    _: unknown,
    { id, version, input }: { id: string; version: number; input: OrganisationInput },
    { organisations }: DirectoryContext,
  ) => organisations.update(id, version, input),

  createApiKey: (_: unknown, { input }: { input: { organisation: string; name: string; scope: string } }, { apiKeys }: DirectoryContext) =>
    apiKeys.create(input),
  revokeApiKey: (_: unknown, { id }: { id: string }, { apiKeys }: DirectoryContext) => apiKeys.revoke(id),
};
