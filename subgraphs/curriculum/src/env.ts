import { authEnv, authProblems, env, loadEnvOrExit } from '@peacegraph/kit';

export const curriculumEnv = {
  DATABASE_URL: env.url('PostgreSQL URL of the curriculum database', ['postgres', 'postgresql']),
  DIRECTORY_URL: env.url('GraphQL URL of the directory subgraph (communities, languages, organisations)', ['http', 'https'], 'http://localhost:4001/graphql'),
  PORT: env.port('port the curriculum subgraph listens on', 4002),
  HOST: env.string('interface to listen on', '0.0.0.0'),
  DB_POOL_SIZE: env.integer('connections in the database pool', 10, 1),
  LOG_LEVEL: env.oneOf('log level', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'info'),
  ...authEnv,
};

export type CurriculumConfig = ReturnType<typeof loadCurriculumConfig>;

export function loadCurriculumConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadEnvOrExit(curriculumEnv, source, authProblems);
}
