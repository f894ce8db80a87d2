import autocannon, { type Result } from 'autocannon';
import { requestOf, type Scenario, type Target, type Variables } from '../scenarios';

export interface LoadOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  authorization?: string;
}

export interface Measurement {
  scenario: string;
  target: Target;
  url: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers whose body held GraphQL `errors`. */
  graphqlErrors: number;
  bytesPerSecond: number;
}

function headers(authorization?: string): Record<string, string> {
  return { 'content-type': 'application/json', accept: 'application/json', ...(authorization ? { authorization } : {}) };
}

/** One request, checked the way a client would: HTTP 200, no `errors`, `data` present. */
export async function graphqlRequest(
  url: string,
  query: string,
  variables: Variables | undefined,
  authorization?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: headers(authorization),
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${url} answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${url} answered HTTP ${response.status} with errors: ${JSON.stringify(body.errors ?? body).slice(0, 600)}`);
  }
  return body.data;
}

/**
 * Checks one answer, then drives the URL with autocannon: a warm-up, then the measured run. The
 * request is the scenario's for that target (see requestOf), its variables already resolved.
 */
export async function measure(
  scenario: Scenario,
  target: Target,
  url: string,
  variables: Variables | undefined,
  options: LoadOptions,
): Promise<Measurement> {
  const { query, check } = requestOf(scenario, target);
  const data = await graphqlRequest(url, query, variables, options.authorization);
  const problem = check(data);
  if (problem) throw new Error(`${scenario.name} (${target}): the answer is wrong before any load: ${problem}`);

  const result: Result = await autocannon({
    url,
    method: 'POST',
    headers: headers(options.authorization),
    body: JSON.stringify({ query, variables }),
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    ...(options.warmupSeconds > 0 ? { warmup: { connections: options.connections, duration: options.warmupSeconds } } : {}),
    // A cheap scan of every body: a GraphQL error arrives with HTTP 200 and must not count as a success.
    verifyBody: (body) => !body.includes('"errors":'),
  });

  return {
    scenario: scenario.name,
    target,
    url,
    connections: options.connections,
    durationSeconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.total / result.duration, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.mean, 2),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
    bytesPerSecond: Math.round(result.throughput.average),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
