import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { AdminAreaSchema } from './admin-area/admin-area.entity';
import { CommunitySchema } from './community/community.entity';
import { createContextFactory } from './context';
import { CountrySchema } from './country/country.entity';
import { ApiKeySchema } from './identity/identity.entity';
import { identityRoutes, localIdentityStore } from './identity/identity.store';
import { LanguageSchema } from './language/language.entity';
import { migrations } from './migrations';
import { OrganisationSchema } from './organisation/organisation.entity';
import { importReferenceData } from './reference/import';
import { createRepositories } from './repositories';
import { resolvers } from './resolvers';
import { seedDemoData } from './seed/demo';

/** The directory: places, languages and organisations, and the identity store every subgraph asks. */
export const subgraph = defineSubgraph({
  name: 'directory',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  // Plain EntitySchema definitions rather than decorated classes: they load identically under tsx
  // (esbuild), jest (swc) and any bundler, with no reflect-metadata or decorator settings.
  entities: [AdminAreaSchema, ApiKeySchema, CommunitySchema, CountrySchema, LanguageSchema, OrganisationSchema],
  migrations,
  // Countries, OCHA admin areas, languages and the platform operator: the product cannot work without them.
  reference: async (dataSource, logger) => logger.info(await importReferenceData(dataSource), 'reference data up to date'),
  resolvers,
  context: ({ dataSource }) => createContextFactory(dataSource),
  identity: (dataSource) => {
    const store = localIdentityStore(createRepositories(dataSource));
    return { store, routes: identityRoutes(store) };
  },
  // The search and the area pickers every client loads: kept until a write commits.
  keptAnswers: ['Query.communities', 'Query.adminAreas'],
  demo: { load: (dataSource) => seedDemoData(dataSource) },
});
