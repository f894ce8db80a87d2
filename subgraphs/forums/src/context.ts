import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { ReferenceChecks, type DirectoryClient } from '@peacegraph/kit/input';
import { type PolicyContext } from '@peacegraph/kit/policy';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';
import { DeclarationService } from './declaration/declaration.service';
import { ForumService } from './forum/forum.service';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { RecommendationService } from './recommendation/recommendation.service';
import { createRepositories, type Repositories } from './repositories';
import { SearchService } from './search/search.service';
import { StatsService } from './statistics/statistics.service';
import { TestimonyService } from './testimony/testimony.service';
import { WorkingGroupService } from './working-group/working-group.service';

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
    const places = directory.client ? new ReferenceChecks(directory.client()) : ReferenceChecks.at(directory.url);
    // The kit's one write path (scope forums:write, owner, version, audit, retries). A write clears the
    // request's loaders, so the next mutation of the request validates against what this one wrote.
    const writes = new RecordWrites('forums', dataSource, viewer, audit, () => clearLoaders(loaders));
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
