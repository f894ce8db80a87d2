import type { DataSource, EntityManager } from 'typeorm';
import { DeclarationRepository } from './declaration-repository';
import { ForumRepository } from './forum-repository';
import { ImplementationRepository } from './implementation-repository';
import { RecommendationRepository } from './recommendation-repository';
import { SearchRepository } from './search-repository';
import { TestimonyRepository, WorkingGroupRepository } from './testimony-repository';

export interface Repositories {
  forums: ForumRepository;
  workingGroups: WorkingGroupRepository;
  testimonies: TestimonyRepository;
  declarations: DeclarationRepository;
  recommendations: RecommendationRepository;
  search: SearchRepository;
  implementation: ImplementationRepository;
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
    transaction: (work) => dataSource.transaction(work),
  };
}
