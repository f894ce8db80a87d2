/** Where a scenario's requests go: through the gateway, or straight to the subgraph that owns the data. */
export type Target = 'gateway' | 'direct';

export type Variables = Record<string, unknown>;

/** Sends one GraphQL request to the direct subgraph and returns `data`, failing on any error. */
export type DirectQuery = (query: string, variables?: Variables) => Promise<Record<string, unknown>>;

/** One load scenario: a GraphQL operation that a partner or integrator really sends. */
export interface Scenario {
  /** Short, stable name used in the table and in results files. */
  name: string;
  /** What the figures say about the platform. */
  measures: string;
  query: string;
  /** Fixed variables, or variables built from the data in the directory (e.g. real ids). */
  variables?: Variables | ((directQuery: DirectQuery) => Promise<Variables>);
  targets: readonly Target[];
  /**
   * Checks one response's `data` before the load starts, so that a run of empty or wrong answers
   * cannot pass for a fast one. Returns a problem, or undefined when the answer looks right.
   */
  check: (data: Record<string, unknown>) => string | undefined;
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
