import type { DataSource } from 'typeorm';
import { AdminAreaRepository } from './admin-area-repository';
import { CommunityRepository } from './community-repository';
import { CountryRepository } from './country-repository';
import { LanguageRepository } from './language-repository';
import { OrganisationRepository } from './organisation-repository';

export interface Repositories {
  adminAreas: AdminAreaRepository;
  communities: CommunityRepository;
  countries: CountryRepository;
  languages: LanguageRepository;
  organisations: OrganisationRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    adminAreas: new AdminAreaRepository(dataSource),
    communities: new CommunityRepository(dataSource),
    countries: new CountryRepository(dataSource),
    languages: new LanguageRepository(dataSource),
    organisations: new OrganisationRepository(dataSource),
  };
}
