import path from 'node:path';
import { defineSubgraph } from '@peacegraph/kit/server';
import { createContextFactory } from './context';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { seedDemoData } from './seed/demo';

/** Community education: the Peace and Security module, cohorts, their deliveries and staff trainings. */
export const subgraph = defineSubgraph({
  name: 'curriculum',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  entities,
  migrations,
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, directoryUrl),
  demo: { load: seedDemoData },
});
