/**
 * Where a scenario's requests go: through the gateway, straight to the subgraph that owns the data, or
 * through Hive Gateway serving the same supergraph (run for every scenario that has `gateway`).
 */
export type Target = 'gateway' | 'direct' | 'hive';

/** The subgraphs a scenario's direct run can drive, by their name in supergraph.yaml. */
export type SubgraphName = 'directory' | 'curriculum' | 'conflicts' | 'forums' | 'mining' | 'displacement';

export type Variables = Record<string, unknown>;

/** Sends one GraphQL request to the directory subgraph and returns `data`, failing on any error. */
export type DirectQuery = (query: string, variables?: Variables) => Promise<Record<string, unknown>>;

/** Checks one response's `data`; returns a problem, or undefined when the answer looks right. */
export type Check = (data: Record<string, unknown>) => string | undefined;

/** Fixed variables, or variables built from the data in the directory (e.g. real ids). */
export type VariablesSource = Variables | ((directQuery: DirectQuery) => Promise<Variables>);

/**
 * Who the scenario's requests come from: the bench signs a development token for this organisation
 * and these scopes with the local platform's secret (.data/dev-secret, or AUTH_HS256_SECRET) and sends
 * it to both targets. Without it, requests are anonymous.
 */
export interface BenchViewer {
  organisationId: string;
  scopes: string[];
  /** Why this caller: recorded with the results (e.g. "not the owner: disclosure control applies"). */
  why: string;
}

/** One load scenario: a GraphQL operation that a partner or integrator really sends. */
export interface Scenario {
  /** Short, stable name used in the table and in results files. */
  name: string;
  /** What the figures say about the platform. */
  measures: string;
  /** The subgraph that `direct` drives (default: directory). */
  subgraph?: SubgraphName;
  viewer?: BenchViewer;
  query: string;
  variables?: VariablesSource;
  /** `gateway` and/or `direct`; `hive` follows `gateway` by itself unless BENCH_HIVE=false. */
  targets: readonly Target[];
  /**
   * A statistics or search figure a dashboard shows: issue 19 holds these to p99 under 50 ms direct and
   * under 60 ms through the gateway at the bench's scale, and the report says whether they meet it.
   */
  statistics?: boolean;
  /**
   * Checks one response's `data` before the load starts, so that a run of empty or wrong answers
   * cannot pass for a fast one.
   */
  check: Check;
  /**
   * When the subgraph is asked something else than the gateway: the request the gateway itself sends
   * it for `query` (typically an `_entities` call for the directory's records), with its own check.
   * Without it, `direct` sends `query` as it is.
   */
  direct?: { query: string; variables?: VariablesSource; check: Check };
}

/** The request, variables and check of one scenario on one target. */
export function requestOf(scenario: Scenario, target: Target): { query: string; variables?: VariablesSource; check: Check } {
  if (target === 'direct' && scenario.direct) return scenario.direct;
  return { query: scenario.query, variables: scenario.variables, check: scenario.check };
}

/** Reads `data.a.b.c`; undefined when any step is missing. */
export function at(data: unknown, ...path: string[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
