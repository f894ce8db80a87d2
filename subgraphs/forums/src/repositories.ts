import { ReadCache } from '@peacegraph/kit/sql';
import type { DataSource, EntityManager } from 'typeorm';
import { DeclarationRepository } from './declaration/declaration.repository';
import { ReadGenerationRepository } from './common/read-generation.repository';
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
  /**
   * Search pages, implementation series and participation figures, kept while the read generation stays
   * (shared by every request of the process; the kit's ReadCache, see the README's Read cache).
   */
  readCache: ReadCache;
  /** One transaction for a write and its audit row. */
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;
}

/** Answers kept per process; past it the least recently used goes. A search page is a few kB, a series or a country's participation some 100 kB: tens of MB at most. */
const READ_CACHE_ENTRIES = 256;

export function createRepositories(dataSource: DataSource): Repositories {
  const generation = new ReadGenerationRepository(dataSource);
  return {
    forums: new ForumRepository(dataSource),
    workingGroups: new WorkingGroupRepository(dataSource),
    testimonies: new TestimonyRepository(dataSource),
    declarations: new DeclarationRepository(dataSource),
    recommendations: new RecommendationRepository(dataSource),
    search: new SearchRepository(dataSource),
    implementation: new ImplementationRepository(dataSource),
    readCache: new ReadCache({ version: () => generation.current(), entries: READ_CACHE_ENTRIES }),
    transaction: (work) => dataSource.transaction(work),
  };
}
