import type { AuditRecorder } from '@peacegraph/kit/audit';
import type { Viewer } from '@peacegraph/kit/auth';
import type { PolicyContext } from '@peacegraph/kit/policy';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { CommunityService } from './community/community.service';
import { ApiKeyService } from './identity/identity.service';
import { OrganisationService } from './organisation/organisation.service';

export interface DirectoryContext extends PolicyContext {
  dataSource: DataSource;
  loaders: Loaders;
  repositories: Repositories;
  communities: CommunityService;
  organisations: OrganisationService;
  apiKeys: ApiKeyService;
}

/** Per request: the verified caller, fresh loaders (no cache shared between callers), services bound to both. */
export function createContextFactory(dataSource: DataSource) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<DirectoryContext> => {
    const loaders = createLoaders(repositories);
    // The kit's one write path: communities need directory:write, organisations and API keys the admin
    // role; one transaction with the audit row, a retry answered with the first result.
    const writes = new RecordWrites('directory', dataSource, viewer, audit);
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      communities: new CommunityService(repositories, loaders, writes),
      organisations: new OrganisationService(loaders, writes),
      apiKeys: new ApiKeyService(repositories, writes),
    };
  };
}
