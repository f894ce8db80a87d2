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
    // The kit's one write path for communities (scope directory:write, one transaction with the audit
    // row, a retry answered with the first result). Organisations and API keys are the admins' and
    // keep their own transaction (see their services).
    const writes = new RecordWrites('directory', dataSource, viewer, audit);
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      communities: new CommunityService(repositories, loaders, writes),
      organisations: new OrganisationService(repositories, loaders, viewer, audit),
      apiKeys: new ApiKeyService(repositories, viewer, audit),
    };
  };
}
