import type { AuditRecorder, DirectoryClient, PolicyContext, Viewer } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { DeclarationService } from './services/declaration-service';
import { Directory } from './services/directory';
import { ForumService } from './services/forum-service';
import { RecommendationService } from './services/recommendation-service';
import { SearchService } from './services/search-service';
import { StatsService } from './services/stats-service';
import { TestimonyService } from './services/testimony-service';
import { WorkingGroupService } from './services/working-group-service';
import { Writes } from './services/writes';

export interface ForumsContext extends PolicyContext {
  dataSource: DataSource;
  loaders: Loaders;
  repositories: Repositories;
  forums: ForumService;
  workingGroups: WorkingGroupService;
  testimonies: TestimonyService;
  declarations: DeclarationService;
  recommendations: RecommendationService;
  search: SearchService;
  stats: StatsService;
}

export interface DirectoryAccess {
  url: string;
  /** A directory client for the request; by default a fresh one, so no cache is shared between callers. */
  client?: () => DirectoryClient;
}

/** Per request: the verified caller, fresh loaders and directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directory: DirectoryAccess) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<ForumsContext> => {
    const loaders = createLoaders(repositories, viewer);
    const places = new Directory(directory.url, directory.client?.());
    const writes = new Writes(dataSource, viewer, audit, () => clearLoaders(loaders));
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      forums: new ForumService(repositories, loaders, places, writes),
      workingGroups: new WorkingGroupService(loaders, places, writes),
      testimonies: new TestimonyService(loaders, places, writes),
      declarations: new DeclarationService(loaders, places, writes),
      recommendations: new RecommendationService(repositories, loaders, places, writes),
      search: new SearchService(repositories, loaders, viewer),
      stats: new StatsService(repositories, loaders, viewer),
    };
  };
}
