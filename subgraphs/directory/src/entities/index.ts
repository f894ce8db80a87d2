import { AdminAreaSchema } from '../admin-area/admin-area.entity';
import { ApiKeySchema } from './api-key';
import { CommunitySchema } from '../community/community.entity';
import { CountrySchema } from '../country/country.entity';
import { LanguageSchema } from '../language/language.entity';
import { OrganisationSchema } from '../organisation/organisation.entity';

export type { AdminArea } from '../admin-area/admin-area.entity';
export type { ApiKey } from './api-key';
export type { Community } from '../community/community.entity';
export type { Country } from '../country/country.entity';
export type { Language } from '../language/language.entity';
export type { Organisation } from '../organisation/organisation.entity';
export { AdminAreaSchema, ApiKeySchema, CommunitySchema, CountrySchema, LanguageSchema, OrganisationSchema };

/**
 * Entities are plain EntitySchema definitions rather than decorated classes: they load identically
 * under tsx (esbuild), jest (swc) and any bundler, with no reflect-metadata or decorator settings.
 */
export const entities = [AdminAreaSchema, ApiKeySchema, CommunitySchema, CountrySchema, LanguageSchema, OrganisationSchema];
