import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit';
import { createContextFactory } from './context';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { directoryReady, seedDemoData } from './seed/demo';

/** Preventing violent extremism: forums, testimonies, declarations and their recommendations. */
export const subgraph = defineSubgraph({
  name: 'forums',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  entities,
  migrations,
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, { url: directoryUrl }),
  demo: { directoryReady, load: (dataSource, directoryUrl) => seedDemoData(dataSource, directoryUrl), poolSize: 4 },
});
