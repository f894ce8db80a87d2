import { ReferenceChecks, type DirectoryClient } from '@peacegraph/kit/input';
import { perRequest, type RequestContext } from '@peacegraph/kit/server';
import type { DataSource } from 'typeorm';
import { DeclarationService } from './declaration/declaration.service';
import { ForumService } from './forum/forum.service';
import { createLoaders, type Loaders } from './loaders';
import { RecommendationService } from './recommendation/recommendation.service';
import { createRepositories, type Repositories } from './repositories';
import { SearchService } from './search/search.service';
import { StatsService } from './statistics/statistics.service';
import { TestimonyService } from './testimony/testimony.service';
import { WorkingGroupService } from './working-group/working-group.service';

export interface ForumsContext extends RequestContext<Repositories, Loaders> {
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

/** Per request: the kit's basics (caller, fresh loaders, writes), directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directory: DirectoryAccess) {
  const repositories = createRepositories(dataSource);
  return perRequest<ForumsContext>({ name: 'forums', dataSource, repositories, loaders: createLoaders }, ({ viewer, loaders, writes }) => {
    const places = directory.client ? new ReferenceChecks(directory.client()) : ReferenceChecks.at(directory.url);
    return {
      forums: new ForumService(repositories, loaders, places, writes),
      workingGroups: new WorkingGroupService(loaders, places, writes),
      testimonies: new TestimonyService(loaders, places, writes),
      declarations: new DeclarationService(repositories, loaders, places, writes),
      recommendations: new RecommendationService(repositories, loaders, places, writes),
      search: new SearchService(repositories, loaders, viewer),
      stats: new StatsService(repositories, loaders, viewer),
    };
  });
}
