/**
 * The caller's rate-limit state as the gateway tells it to the subgraphs (`viewer { rateLimit }`), in
 * a request header the gateway sets itself and overwrites whatever a client sent in it:
 * `peacegraph-rate-limit: limit=600;remaining=598;reset=41;policy=600;w=60`. A subgraph reached directly may be
 * sent any value: it only ever describes the caller to itself, and grants nothing.
 */
export const RATE_LIMIT_HEADER = 'peacegraph-rate-limit';

export interface RateLimitState {
  /** Requests the caller may make at once: the size of its bucket (RateLimit-Limit). */
  limit: number;
  /** Requests left now, this one counted. */
  remaining: number;
  /** Seconds until the bucket is full again (RateLimit-Reset). */
  resetSeconds: number;
  /** Requests refilled evenly over each window: the caller's sustained rate (RateLimit-Policy). */
  quota: number;
  /** The policy's window, in seconds (`w` in RateLimit-Policy). */
  windowSeconds: number;
}

export function formatRateLimitHeader(state: RateLimitState): string {
  return `limit=${state.limit};remaining=${state.remaining};reset=${state.resetSeconds};policy=${state.quota};w=${state.windowSeconds}`;
}

const MAX_VALUE = 1_000_000_000;

/** The state in the header, or null when there is none or it is not exactly the gateway's shape. */
export function parseRateLimitHeader(value: string | string[] | undefined): RateLimitState | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.length > 200) return null;
  const fields = new Map<string, number>();
  for (const part of raw.split(';')) {
    const match = /^\s*(limit|remaining|reset|policy|w)=(\d{1,10})\s*$/.exec(part);
    if (!match || fields.has(match[1]!)) return null;
    const number = Number(match[2]);
    if (number > MAX_VALUE) return null;
    fields.set(match[1]!, number);
  }
  const [limit, remaining, resetSeconds, quota, windowSeconds] = ['limit', 'remaining', 'reset', 'policy', 'w'].map((name) =>
    fields.get(name),
  );
  if (limit === undefined || remaining === undefined || resetSeconds === undefined || quota === undefined || windowSeconds === undefined) {
    return null;
  }
  return { limit, remaining, resetSeconds, quota, windowSeconds };
}
