import { runSubgraph, tokenKeyConfig } from '@peacegraph/kit';
import { startDirectoryServer } from './app';
import { directoryDataSource } from './database';

// The directory is its own identity store; DIRECTORY_URL, read with the common settings, is unused here.
runSubgraph({
  name: 'directory',
  defaultPort: 4001,
  connect: directoryDataSource,
  start: ({ dataSource, statements, logger, config }) =>
    startDirectoryServer({ dataSource, statements, logger, port: config.PORT, host: config.HOST, auth: tokenKeyConfig(config) }),
});
