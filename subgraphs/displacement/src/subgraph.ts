import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { createContextFactory } from './context';
import { entities } from './entities';
import { migrations } from './migrations';
import { loadIdmcFigures } from './reference/idmc-figures';
import { resolvers } from './resolvers';
import { directoryReady, seedDemoData } from './seed/demo';

/** Displacement and reintegration, and peaceful transhumance with its early-action alerts. */
export const subgraph = defineSubgraph({
  name: 'displacement',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  entities,
  migrations,
  // IDMC's national figures: reloaded as upserts on every start, so a new release of the shipped
  // file corrects figures in place.
  reference: async (dataSource, logger) => logger.info({ idmcFigures: await loadIdmcFigures(dataSource) }, 'reference data up to date'),
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, directoryUrl),
  demo: { directoryReady, load: seedDemoData },
});
