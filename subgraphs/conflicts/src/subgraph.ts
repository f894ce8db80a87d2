import path from 'node:path';
import { createDirectoryClient } from '@peacegraph/kit/input';
import { defineSubgraph } from '@peacegraph/kit/server';
import { createContextFactory } from './context';
import { entities } from './entities';
import { migrations } from './migrations/index';
import { resolvers } from './resolvers/index';
import { directoryReady, seedDemoData } from './seed/demo';

/** Community Peace Commissions and the conflicts they handle, to resolution and follow-up. */
export const subgraph = defineSubgraph({
  name: 'conflicts',
  schemaFile: path.resolve(__dirname, '../schema.graphql'),
  entities,
  migrations,
  resolvers,
  context: ({ dataSource, directoryUrl }) => createContextFactory(dataSource, () => createDirectoryClient(directoryUrl)),
  // Figures that depend only on the cases, the arguments and the caller: kept until a write commits.
  keptAnswers: ['Query.conflictStats', 'AdminArea.conflictStats', 'Community.caseStats'],
  demo: { directoryReady, load: (dataSource, directoryUrl) => seedDemoData(dataSource, createDirectoryClient(directoryUrl)), poolSize: 6 },
});
