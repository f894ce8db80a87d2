import type { DataSource, EntityManager } from 'typeorm';
import { ApiKeyRepository } from './identity/identity.repository';
import { AdminAreaRepository } from './admin-area/admin-area.repository';
import { CommunityRepository } from './community/community.repository';
import { CountryRepository } from './country/country.repository';
import { LanguageRepository } from './language/language.repository';
import { OrganisationRepository } from './organisation/organisation.repository';

/**
 * Every feature's repository, made once per data source (they hold no caller's state): the loaders,
 * the services and the identity store take them together, with the one transaction of a write.
 */
export interface Repositories {
  apiKeys: ApiKeyRepository;
  adminAreas: AdminAreaRepository;
  communities: CommunityRepository;
  countries: CountryRepository;
  languages: LanguageRepository;
  organisations: OrganisationRepository;
  /** One transaction for a write and its audit row. */
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    apiKeys: new ApiKeyRepository(dataSource),
    adminAreas: new AdminAreaRepository(dataSource),
    communities: new CommunityRepository(dataSource),
    countries: new CountryRepository(dataSource),
    languages: new LanguageRepository(dataSource),
    organisations: new OrganisationRepository(dataSource),
    transaction: (work) => dataSource.transaction(work),
  };
}
