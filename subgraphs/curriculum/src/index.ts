import { runSubgraph, tokenKeyConfig } from '@peacegraph/kit';
import { startCurriculumServer } from './app';
import { curriculumDataSource } from './database';

runSubgraph({
  name: 'curriculum',
  defaultPort: 4002,
  connect: curriculumDataSource,
  start: ({ dataSource, statements, logger, config }) =>
    startCurriculumServer({
      dataSource,
      statements,
      logger,
      port: config.PORT,
      host: config.HOST,
      auth: tokenKeyConfig(config),
      directoryUrl: config.DIRECTORY_URL,
    }),
});
