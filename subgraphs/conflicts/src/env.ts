import { authEnv, authProblems, env, loadEnvOrExit } from '@peacegraph/kit';

export const DEFAULT_DIRECTORY_URL = 'http://localhost:4001/graphql';

export const conflictsEnv = {
  DATABASE_URL: env.url('PostgreSQL URL of the conflicts database', ['postgres', 'postgresql']),
  PORT: env.port('port the conflicts subgraph listens on', 4003),
  HOST: env.string('interface to listen on', '0.0.0.0'),
  DB_POOL_SIZE: env.integer('connections in the database pool', 10, 1),
  LOG_LEVEL: env.oneOf('log level', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'info'),
  // Communities are checked and placed through the directory, and it verifies organisations and API keys.
  DIRECTORY_URL: env.url('GraphQL URL of the directory subgraph', ['http', 'https'], DEFAULT_DIRECTORY_URL),
  ...authEnv,
};

export type ConflictsConfig = ReturnType<typeof loadConflictsConfig>;

export function loadConflictsConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadEnvOrExit(conflictsEnv, source, authProblems);
}
