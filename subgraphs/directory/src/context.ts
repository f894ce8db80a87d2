import { perRequest, type RequestContext } from '@peacegraph/kit/server';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { CommunityService } from './community/community.service';
import { ApiKeyService } from './identity/identity.service';
import { OrganisationService } from './organisation/organisation.service';

export interface DirectoryContext extends RequestContext<Repositories, Loaders> {
  communities: CommunityService;
  organisations: OrganisationService;
  apiKeys: ApiKeyService;
}

/**
 * Per request: the kit's basics (caller, fresh loaders, writes), services bound to them. Communities
 * need directory:write, organisations and API keys the admin role.
 */
export function createContextFactory(dataSource: DataSource) {
  return perRequest<DirectoryContext>(
    { name: 'directory', dataSource, repositories: createRepositories(dataSource), loaders: createLoaders },
    ({ repositories, loaders, writes }) => ({
      communities: new CommunityService(repositories, loaders, writes),
      organisations: new OrganisationService(loaders, writes),
      apiKeys: new ApiKeyService(repositories, writes),
    }),
  );
}
