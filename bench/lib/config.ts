import path from 'node:path';
import { env, loadEnvOrExit } from '@peacegraph/kit/server';
import { withDatabase } from '@peacegraph/kit/sql';
import type { SubgraphName } from '../scenarios/types';

export const root = path.resolve(__dirname, '..', '..');

const spec = {
  BENCH_GATEWAY_URL: env.url('GraphQL URL of the gateway to drive', ['http', 'https'], 'http://localhost:4000/graphql'),
  BENCH_DIRECTORY_URL: env.optionalString('GraphQL URL of the directory subgraph (default: its routing_url in supergraph.yaml)'),
  BENCH_CURRICULUM_URL: env.optionalString('GraphQL URL of the curriculum subgraph (default: its routing_url in supergraph.yaml)'),
  BENCH_CONFLICTS_URL: env.optionalString('GraphQL URL of the conflicts subgraph (default: its routing_url in supergraph.yaml)'),
  BENCH_FORUMS_URL: env.optionalString('GraphQL URL of the forums subgraph (default: its routing_url in supergraph.yaml)'),
  BENCH_MINING_URL: env.optionalString('GraphQL URL of the mining subgraph (default: its routing_url in supergraph.yaml)'),
  BENCH_DISPLACEMENT_URL: env.optionalString('GraphQL URL of the displacement subgraph (default: its routing_url in supergraph.yaml)'),
  BENCH_DIRECTORY_DATABASE_URL: env.optionalString('PostgreSQL URL of the directory database, for the generated communities'),
  BENCH_CURRICULUM_DATABASE_URL: env.optionalString('PostgreSQL URL of the curriculum database, for the generated cohorts'),
  BENCH_CONFLICTS_DATABASE_URL: env.optionalString('PostgreSQL URL of the conflicts database, for the generated cases'),
  BENCH_FORUMS_DATABASE_URL: env.optionalString('PostgreSQL URL of the forums database, for the generated recommendations'),
  BENCH_MINING_DATABASE_URL: env.optionalString('PostgreSQL URL of the mining database, for the generated trainings'),
  BENCH_DISPLACEMENT_DATABASE_URL: env.optionalString('PostgreSQL URL of the displacement database, for the generated flow observations'),
  BENCH_DURATION: env.integer('seconds of measured load per scenario and target', 10, 1),
  BENCH_WARMUP: env.integer('seconds of unmeasured load before each measurement', 2, 0),
  BENCH_CONNECTIONS: env.integer('concurrent connections autocannon keeps open', 10, 1),
  BENCH_COMMUNITIES: env.integer('generated communities ("Bench village N") to have in the directory', 5000, 0),
  BENCH_COHORTS: env.integer('generated cohorts (about 20 session deliveries each) to have in the curriculum', 10000, 0),
  BENCH_CASES: env.integer('generated conflict cases to have in Mali, Burkina Faso and Niger', 200000, 0),
  BENCH_RECOMMENDATIONS: env.integer('generated published forum recommendations to have (100 per generated declaration)', 50000, 0),
  BENCH_TRAININGS: env.integer('generated mining trainings to have in Mali, Burkina Faso and Niger', 20000, 0),
  BENCH_FLOW_OBSERVATIONS: env.integer('generated herd flow observations to have on the demo corridors (in batches of 1,000)', 1000000, 0),
  BENCH_REINTEGRATION_CASES: env.integer('generated reintegration cases to have in Mali, Burkina Faso and Niger', 100000, 0),
  BENCH_SCENARIOS: env.optionalString('comma-separated scenario names to run (default: all)'),
  BENCH_AUTHORIZATION: env.optionalString(
    'Authorization header sent with every request instead of the scenarios\' own tokens, e.g. "Bearer <token>"',
  ),
  BENCH_NOTE: env.optionalString('free text recorded with the results: what was special about this run'),
  BENCH_START_TIMEOUT: env.integer('seconds to wait for a stack the bench starts to be ready', 180, 1),
  BENCH_HIVE: env.boolean('also run every gateway scenario on Hive Gateway serving the same supergraph', true),
  BENCH_HIVE_PORT: env.integer('port for the Hive Gateway the bench starts', 4020, 1),
  BENCH_MEMORY_SECONDS: env.integer('seconds of each of the two mixed loads after which memory is read (0: none)', 120, 0),
};

export type BenchConfig = ReturnType<typeof loadBenchConfig>;

export function loadBenchConfig(source: NodeJS.ProcessEnv = process.env) {
  const values = loadEnvOrExit(spec, source);
  return {
    gatewayUrl: values.BENCH_GATEWAY_URL,
    subgraphUrls: {
      directory: values.BENCH_DIRECTORY_URL,
      curriculum: values.BENCH_CURRICULUM_URL,
      conflicts: values.BENCH_CONFLICTS_URL,
      forums: values.BENCH_FORUMS_URL,
      mining: values.BENCH_MINING_URL,
      displacement: values.BENCH_DISPLACEMENT_URL,
    } satisfies Record<SubgraphName, string | undefined>,
    databaseUrls: {
      directory: values.BENCH_DIRECTORY_DATABASE_URL,
      curriculum: values.BENCH_CURRICULUM_DATABASE_URL,
      conflicts: values.BENCH_CONFLICTS_DATABASE_URL,
      forums: values.BENCH_FORUMS_DATABASE_URL,
      mining: values.BENCH_MINING_DATABASE_URL,
      displacement: values.BENCH_DISPLACEMENT_DATABASE_URL,
    } satisfies Record<SubgraphName, string | undefined>,
    durationSeconds: values.BENCH_DURATION,
    warmupSeconds: values.BENCH_WARMUP,
    connections: values.BENCH_CONNECTIONS,
    communities: values.BENCH_COMMUNITIES,
    cohorts: values.BENCH_COHORTS,
    cases: values.BENCH_CASES,
    recommendations: values.BENCH_RECOMMENDATIONS,
    trainings: values.BENCH_TRAININGS,
    flowObservations: values.BENCH_FLOW_OBSERVATIONS,
    reintegrationCases: values.BENCH_REINTEGRATION_CASES,
    only: values.BENCH_SCENARIOS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    authorization: values.BENCH_AUTHORIZATION,
    startTimeoutMs: values.BENCH_START_TIMEOUT * 1000,
    note: values.BENCH_NOTE,
    hive: values.BENCH_HIVE,
    hivePort: values.BENCH_HIVE_PORT,
    memorySeconds: values.BENCH_MEMORY_SECONDS,
  };
}

/**
 * A subgraph's database, found the way `npm start` finds it (scripts/platform/database-server.ts):
 * the subgraph's own DATABASE_URL_<NAME>, else `peacegraph_<name>` on DATABASE_URL's server, else the
 * same on the embedded PostgreSQL (the port start reported, or its default).
 */
export function databaseUrl(
  subgraph: SubgraphName,
  explicit: string | undefined,
  embeddedPort: number | undefined,
  source: NodeJS.ProcessEnv = process.env,
): string {
  if (explicit) return explicit;
  const own = source[`DATABASE_URL_${subgraph.toUpperCase()}`];
  if (own) return own;
  if (source.DATABASE_URL) return withDatabase(source.DATABASE_URL, `peacegraph_${subgraph}`);
  const port = embeddedPort ?? Number(source.PEACEGRAPH_PG_PORT ?? 54329);
  return `postgres://postgres:peacegraph@127.0.0.1:${port}/peacegraph_${subgraph}`;
}

/** The directory database (see databaseUrl). */
export function directoryDatabaseUrl(
  explicit: string | undefined,
  embeddedPort: number | undefined,
  source: NodeJS.ProcessEnv = process.env,
): string {
  return databaseUrl('directory', explicit, embeddedPort, source);
}
