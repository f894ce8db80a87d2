/**
 * What the gateway tells the registry about the operations it served: one entry per operation
 * signature, client, organisation and hour, already aggregated by the gateway so a report stays small
 * however busy the gateway is. The registry adds the entries to its hourly rows.
 */
export interface UsageReport {
  /** Which gateway replica sent it (a host name or a random id), for the registry's log. */
  gateway: string;
  /** The live composition the gateway served the operations with, when it knows it. */
  compositionId: string | null;
  /** How many operations the gateway could not record since its last report (full buffer, registry down). */
  dropped: number;
  operations: UsageEntry[];
}

export interface UsageEntry {
  /** sha256 (hex) of the normalised document: the same operation written differently has one signature. */
  signature: string;
  /** The operation's name; null for an anonymous operation. */
  name: string | null;
  /** The normalised document (literals hidden), shown to admins when a check names the operation. */
  document: string;
  /** Every `Type.field` the operation selected, sorted. */
  coordinates: string[];
  /**
   * The persisted document (sha256 hex) the operations ran from, when callers sent its id instead of
   * its text (a trusted document or an automatic persisted query); null or absent otherwise.
   */
  documentId?: string | null;
  clientName: string | null;
  clientVersion: string | null;
  /** The caller's organisation; null for an anonymous caller. */
  organisationId: string | null;
  /** Start of the hour (UTC, ISO 8601) the operations were served in. */
  hour: string;
  count: number;
  /** Operations among `count` that answered with at least one error. */
  errors: number;
  /** Sum of the operations' durations, ms. */
  totalMs: number;
  /** How many operations took at most each of LATENCY_BUCKETS_MS; one more entry for longer ones. */
  latency: number[];
}

/** Upper bounds of the latency histogram, ms: p50/p95/p99 are read from it (to the bucket). */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

/** Limits a registry enforces on one report; the gateway splits what it has to stay under them. */
export const USAGE_LIMITS = {
  /** Bytes of one report's JSON body. */
  bodyBytes: 5 * 1024 * 1024,
  entries: 5000,
  documentChars: 20000,
  coordinates: 2000,
  nameChars: 200,
} as const;

/** The index of the histogram bucket a duration falls in. */
export function latencyBucket(ms: number): number {
  const index = LATENCY_BUCKETS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BUCKETS_MS.length : index;
}

/** The start of the UTC hour of a time, as UsageEntry.hour. */
export function hourOf(time: Date): string {
  const hour = new Date(time);
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}
