import { runSubgraph, tokenKeyConfig } from '@peacegraph/kit';
import { startMiningServer } from './app';
import { miningDataSource } from './database';

runSubgraph({
  name: 'mining',
  defaultPort: 4005,
  connect: miningDataSource,
  start: ({ dataSource, statements, logger, config }) =>
    startMiningServer({
      dataSource,
      statements,
      logger,
      port: config.PORT,
      host: config.HOST,
      auth: tokenKeyConfig(config),
      directoryUrl: config.DIRECTORY_URL,
    }),
});
