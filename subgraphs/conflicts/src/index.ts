import { runSubgraph, tokenKeyConfig } from '@peacegraph/kit';
import { startConflictsServer } from './app';
import { conflictsDataSource } from './database';

runSubgraph({
  name: 'conflicts',
  defaultPort: 4003,
  connect: conflictsDataSource,
  start: ({ dataSource, statements, logger, config }) =>
    startConflictsServer({
      dataSource,
      statements,
      logger,
      port: config.PORT,
      host: config.HOST,
      auth: tokenKeyConfig(config),
      directoryUrl: config.DIRECTORY_URL,
    }),
});
