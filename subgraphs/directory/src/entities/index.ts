import { AdminAreaSchema } from './admin-area';
import { ApiKeySchema } from './api-key';
import { CommunitySchema } from './community';
import { CountrySchema } from './country';
import { LanguageSchema } from './language';
import { OrganisationSchema } from './organisation';

export type { AdminArea } from './admin-area';
export type { ApiKey } from './api-key';
export type { Community } from './community';
export type { Country } from './country';
export type { Language } from './language';
export type { Organisation } from './organisation';
export { AdminAreaSchema, ApiKeySchema, CommunitySchema, CountrySchema, LanguageSchema, OrganisationSchema };

/**
 * Entities are plain EntitySchema definitions rather than decorated classes: they load identically
 * under tsx (esbuild), jest (swc) and any bundler, with no reflect-metadata or decorator settings.
 */
export const entities = [AdminAreaSchema, ApiKeySchema, CommunitySchema, CountrySchema, LanguageSchema, OrganisationSchema];
