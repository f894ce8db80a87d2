import { authEnv, authProblems, env, loadEnvOrExit } from '@peacegraph/kit';

export const directoryEnv = {
  DATABASE_URL: env.url('PostgreSQL URL of the directory database', ['postgres', 'postgresql']),
  PORT: env.port('port the directory subgraph listens on', 4001),
  HOST: env.string('interface to listen on', '0.0.0.0'),
  DB_POOL_SIZE: env.integer('connections in the database pool', 10, 1),
  LOG_LEVEL: env.oneOf('log level', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'info'),
  ...authEnv,
};

export type DirectoryConfig = ReturnType<typeof loadDirectoryConfig>;

export function loadDirectoryConfig(source: NodeJS.ProcessEnv = process.env) {
  return loadEnvOrExit(directoryEnv, source, authProblems);
}
