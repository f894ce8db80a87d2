import path from 'node:path';
import { authEnv, authProblems } from '@peacegraph/kit/auth';
import { env, loadEnvOrExit, type EnvOf } from '@peacegraph/kit/server';

export const registryEnvSpec = {
  REGISTRY_PORT: env.port('port the registry listens on', 4010),
  REGISTRY_HOST: env.string('interface the registry listens on', '0.0.0.0'),
  DATABASE_URL: env.url("the registry's own PostgreSQL database", ['postgres', 'postgresql']),
  DIRECTORY_URL: env.url(
    'the directory subgraph, asked whether organisations and API keys exist',
    ['http', 'https'],
    'http://localhost:4001/graphql',
  ),
  LOG_LEVEL: env.oneOf('log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  USAGE_DAYS: env.integer('days of usage a breaking change is weighed against by default', 30, 1),
  USAGE_RETENTION_DAYS: env.integer('days of hourly usage kept', 90, 1),
  VERIFY_INTERVAL_MS: env.integer('how often waiting versions are checked against what their subgraph serves, ms', 2000, 100),
  SERVED_SDL_TIMEOUT_MS: env.integer("longest wait for a subgraph's _service { sdl }, ms", 3000, 100),
  MAX_SDL_BYTES: env.integer('largest schema a check or publish accepts, bytes', 1024 * 1024, 1024),
  CONSOLE_DIR: env.string("the web console's built files", path.resolve(__dirname, '..', '..', 'console', 'dist')),
  CONSOLE_GATEWAY_URL: env.url('the gateway the console calls', ['http', 'https'], 'http://localhost:4000/graphql'),
  CONSOLE_DEV_TOKEN: env.optionalString('a token the console opens signed in with (the embedded development platform only)'),
  ...authEnv,
};

export type RegistryEnv = EnvOf<typeof registryEnvSpec>;

export function loadRegistryEnv(): RegistryEnv {
  return loadEnvOrExit(registryEnvSpec, process.env, authProblems);
}
