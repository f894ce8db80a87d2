import { authEnv, authProblems, type AuthEnv } from '../auth/env';
import { env, loadEnvOrExit } from './env';
import { databaseTimeoutEnv } from '../sql/timeouts';
import { queryLimitsEnv } from '../graphql/guards';
import { keptAnswersEnv } from './kept-answers';

export const DEFAULT_DIRECTORY_URL = 'http://localhost:4001/graphql';

/**
 * The settings every subgraph reads: its database, where it listens, its pool, its log level, how it
 * verifies callers, and (for domain subgraphs) where the directory is.
 */
export function subgraphEnv(name: string, defaultPort: number) {
  return {
    DATABASE_URL: env.url(`PostgreSQL URL of the ${name} database`, ['postgres', 'postgresql']),
    PORT: env.port(`port the ${name} subgraph listens on`, defaultPort),
    HOST: env.string('interface to listen on', '0.0.0.0'),
    DB_POOL_SIZE: env.integer('connections in the database pool', 10, 1),
    // Read again where the pool is made (createDataSource); listed here so a bad value stops the start.
    ...databaseTimeoutEnv,
    LOG_LEVEL: env.oneOf('log level', ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'info'),
    // Communities, languages and admin areas are checked against the directory, and it answers
    // whether a caller's organisation and API key exist.
    DIRECTORY_URL: env.url('GraphQL URL of the directory subgraph', ['http', 'https'], DEFAULT_DIRECTORY_URL),
    ...queryLimitsEnv,
    ...purposeEnv,
    ...keptAnswersEnv,
    ...authEnv,
  };
}

/** Whether a SENSITIVE read must state its purpose (X-Purpose); read again where the server starts. */
export const purposeEnv = {
  REQUIRE_PURPOSE: env.boolean('refuse reads of sensitive data that state no purpose in X-Purpose', false),
};

export type SubgraphConfig = {
  DATABASE_URL: string;
  PORT: number;
  HOST: string;
  DB_POOL_SIZE: number;
  DB_STATEMENT_TIMEOUT_MS: number;
  DB_CONNECT_TIMEOUT_MS: number;
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
  LOG_LEVEL: string;
  DIRECTORY_URL: string;
  MAX_BODY_SIZE: string;
  MAX_QUERY_DEPTH: number;
  MAX_ALIASES: number;
  MAX_COST: number;
  REQUIRE_PURPOSE: boolean;
  KEPT_ANSWERS_MB: number;
} & AuthEnv;

export function loadSubgraphConfig(name: string, defaultPort: number, source: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  return loadEnvOrExit(subgraphEnv(name, defaultPort), source, authProblems);
}
