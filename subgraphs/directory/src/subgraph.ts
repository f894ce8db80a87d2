import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit';
import { createContextFactory } from './context';
import { entities } from './entities';
import { identityRoutes, localIdentityStore } from './identity';
import { migrations } from './migrations';
import { importReferenceData } from './reference/import';
import { createRepositories } from './repositories';
import { resolvers } from './resolvers';
import { seedDemoData } from './seed/demo';

/** The directory: places, languages and organisations, and the identity store every subgraph asks. */
export const subgraph = defineSubgraph({
  name: 'directory',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  entities,
  migrations,
  // Countries, OCHA admin areas, languages and the platform operator: the product cannot work without them.
  reference: async (dataSource, logger) => logger.info(await importReferenceData(dataSource), 'reference data up to date'),
  resolvers,
  context: ({ dataSource }) => createContextFactory(dataSource),
  identity: (dataSource) => {
    const store = localIdentityStore(createRepositories(dataSource));
    return { store, routes: identityRoutes(store) };
  },
  demo: { load: (dataSource) => seedDemoData(dataSource) },
});
