import type { DataSource, EntityManager } from 'typeorm';
import { DeclarationRepository } from './declaration/declaration.repository';
import { ReadCache } from './common/read-cache';
import { ForumRepository } from './forum/forum.repository';
import { RecommendationRepository } from './recommendation/recommendation.repository';
import { SearchRepository } from './search/search.repository';
import { ImplementationRepository } from './statistics/statistics.repository';
import { TestimonyRepository } from './testimony/testimony.repository';
import { WorkingGroupRepository } from './working-group/working-group.repository';

/**
 * Every feature's repository, made once per data source (they hold no caller's state): the loaders and
 * the services take them together.
 */
export interface Repositories {
  forums: ForumRepository;
  workingGroups: WorkingGroupRepository;
  testimonies: TestimonyRepository;
  declarations: DeclarationRepository;
  recommendations: RecommendationRepository;
  search: SearchRepository;
  implementation: ImplementationRepository;
  /** Search pages and implementation series, kept while nothing they read changes (shared by every request of the process). */
  readCache: ReadCache;
  /** One transaction for a write and its audit row. */
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    forums: new ForumRepository(dataSource),
    workingGroups: new WorkingGroupRepository(dataSource),
    testimonies: new TestimonyRepository(dataSource),
    declarations: new DeclarationRepository(dataSource),
    recommendations: new RecommendationRepository(dataSource),
    search: new SearchRepository(dataSource),
    implementation: new ImplementationRepository(dataSource),
    readCache: new ReadCache(dataSource),
    transaction: (work) => dataSource.transaction(work),
  };
}
