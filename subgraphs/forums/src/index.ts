import { runSubgraph, tokenKeyConfig } from '@peacegraph/kit';
import { startForumsServer } from './app';
import { forumsDataSource } from './database';

runSubgraph({
  name: 'forums',
  defaultPort: 4004,
  connect: forumsDataSource,
  start: ({ dataSource, statements, logger, config }) =>
    startForumsServer({
      dataSource,
      statements,
      logger,
      port: config.PORT,
      host: config.HOST,
      auth: tokenKeyConfig(config),
      directoryUrl: config.DIRECTORY_URL,
    }),
});
