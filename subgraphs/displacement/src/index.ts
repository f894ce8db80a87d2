import { runSubgraph, tokenKeyConfig } from '@peacegraph/kit';
import { startDisplacementServer } from './app';
import { displacementDataSource } from './database';

runSubgraph({
  name: 'displacement',
  defaultPort: 4006,
  connect: displacementDataSource,
  start: ({ dataSource, statements, logger, config }) =>
    startDisplacementServer({
      dataSource,
      statements,
      logger,
      port: config.PORT,
      host: config.HOST,
      auth: tokenKeyConfig(config),
      directoryUrl: config.DIRECTORY_URL,
    }),
});
