import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { createContextFactory } from './context';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { directoryReady, seedDemoData } from './seed/demo';

/** Mining has no reference data of its own: places, languages and organisations are the directory's. */
export const subgraph = defineSubgraph({
  name: 'mining',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  entities,
  migrations,
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, directoryUrl),
  demo: { directoryReady, load: seedDemoData },
});
