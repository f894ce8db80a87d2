import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { CommunityService } from './services/community-service';

export interface DirectoryContext {
  loaders: Loaders;
  repositories: Repositories;
  communities: CommunityService;
}

/** Per request: fresh loaders (no cache shared between callers), services bound to them. */
export function createContextFactory(dataSource: DataSource) {
  const repositories = createRepositories(dataSource);
  return async (): Promise<DirectoryContext> => {
    const loaders = createLoaders(repositories);
    return { loaders, repositories, communities: new CommunityService(repositories, loaders) };
  };
}
