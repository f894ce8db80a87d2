import path from 'node:path';
import { env, loadEnvOrExit, withDatabase } from '@peacegraph/kit';

export const root = path.resolve(__dirname, '..', '..');

const spec = {
  BENCH_GATEWAY_URL: env.url('GraphQL URL of the gateway to drive', ['http', 'https'], 'http://localhost:4000/graphql'),
  BENCH_DIRECTORY_URL: env.optionalString('GraphQL URL of the directory subgraph (default: its routing_url in supergraph.yaml)'),
  BENCH_DIRECTORY_DATABASE_URL: env.optionalString('PostgreSQL URL of the directory database, for the generated data'),
  BENCH_DURATION: env.integer('seconds of measured load per scenario and target', 10, 1),
  BENCH_WARMUP: env.integer('seconds of unmeasured load before each measurement', 2, 0),
  BENCH_CONNECTIONS: env.integer('concurrent connections autocannon keeps open', 10, 1),
  BENCH_COMMUNITIES: env.integer('generated communities ("Bench village N") to have in the directory', 5000, 0),
  BENCH_SCENARIOS: env.optionalString('comma-separated scenario names to run (default: all)'),
  BENCH_AUTHORIZATION: env.optionalString('Authorization header sent with every request, e.g. "Bearer <token>"'),
  BENCH_NOTE: env.optionalString('free text recorded with the results: what was special about this run'),
  BENCH_START_TIMEOUT: env.integer('seconds to wait for a stack the bench starts to be ready', 180, 1),
};

export type BenchConfig = ReturnType<typeof loadBenchConfig>;

export function loadBenchConfig(source: NodeJS.ProcessEnv = process.env) {
  const values = loadEnvOrExit(spec, source);
  return {
    gatewayUrl: values.BENCH_GATEWAY_URL,
    directoryUrl: values.BENCH_DIRECTORY_URL,
    databaseUrl: values.BENCH_DIRECTORY_DATABASE_URL,
    durationSeconds: values.BENCH_DURATION,
    warmupSeconds: values.BENCH_WARMUP,
    connections: values.BENCH_CONNECTIONS,
    communities: values.BENCH_COMMUNITIES,
    only: values.BENCH_SCENARIOS?.split(',').map((s) => s.trim()).filter(Boolean),
    authorization: values.BENCH_AUTHORIZATION,
    startTimeoutMs: values.BENCH_START_TIMEOUT * 1000,
    note: values.BENCH_NOTE,
  };
}

/**
 * The directory database, found the way `npm start` finds it (scripts/platform/database-server.ts):
 * the subgraph's own DATABASE_URL_DIRECTORY, else `peacegraph_directory` on DATABASE_URL's server,
 * else the same on the embedded PostgreSQL (the port start reported, or its default).
 */
export function directoryDatabaseUrl(explicit: string | undefined, embeddedPort: number | undefined, source: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (source.DATABASE_URL_DIRECTORY) return source.DATABASE_URL_DIRECTORY;
  if (source.DATABASE_URL) return withDatabase(source.DATABASE_URL, 'peacegraph_directory');
  const port = embeddedPort ?? Number(source.PEACEGRAPH_PG_PORT ?? 54329);
  return `postgres://postgres:peacegraph@127.0.0.1:${port}/peacegraph_directory`;
}
