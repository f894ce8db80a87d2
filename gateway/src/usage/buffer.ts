import { LATENCY_BUCKETS_MS, hourOf, latencyBucket, type UsageEntry } from '@peacegraph/kit/usage';
import type { Client } from '../context';
import type { DescribedOperation } from './operation';

/** One operation the gateway answered. */
export interface ServedOperation {
  operation: DescribedOperation;
  client: Client;
  organisationId: string | null;
  /** When the answer was sent. */
  at: Date;
  durationMs: number;
  /** Whether the answer held at least one error. */
  failed: boolean;
  /** The persisted document it ran from (sha256 hex), when the caller sent an id instead of the text. */
  documentId?: string | null;
}

/**
 * Operations served since the last report, aggregated by (signature, client name, client version,
 * organisation, hour): a busy gateway holds one entry per distinct key, not one per request. At most
 * `max` distinct entries: an operation that would need a new one past that is not recorded but
 * counted in `dropped`, so memory stays bounded however many different operations callers send.
 */
export class UsageBuffer {
  private entries = new Map<string, UsageEntry>();
  private droppedSince = 0;

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get dropped(): number {
    return this.droppedSince;
  }

  record(served: ServedOperation): void {
    const { operation, client, organisationId } = served;
    const hour = hourOf(served.at);
    const key = [operation.signature, client.name ?? '', client.version ?? '', organisationId ?? '', hour].join('\u0000');
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.max) {
        this.droppedSince += 1;
        return;
      }
      entry = {
        signature: operation.signature,
        name: operation.name,
        document: operation.document,
        coordinates: operation.coordinates,
        ...(served.documentId ? { documentId: served.documentId } : {}),
        clientName: client.name,
        clientVersion: client.version,
        organisationId,
        hour,
        count: 0,
        errors: 0,
        totalMs: 0,
        latency: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0),
      };
      this.entries.set(key, entry);
    }
    // The same document can be refused by one supergraph (no coordinates) and served by the next.
    if (entry.coordinates.length === 0 && operation.coordinates.length > 0) entry.coordinates = operation.coordinates;
    // Sent as text first and by id later (APQ), it is still that document.
    if (served.documentId) entry.documentId ??= served.documentId;
    entry.count += 1;
    if (served.failed) entry.errors += 1;
    entry.totalMs += served.durationMs;
    entry.latency[latencyBucket(served.durationMs)]! += 1;
  }

  /** Adds operations that were recorded but could not be reported (a failed report) to `dropped`. */
  countDropped(operations: number): void {
    this.droppedSince += operations;
  }

  /** Everything recorded since the last drain, and the count of operations dropped meanwhile; empties the buffer. */
  drain(): { entries: UsageEntry[]; dropped: number } {
    // Whole milliseconds: the sum of sub-millisecond durations is kept until here, then rounded once.
    const entries = [...this.entries.values()].map((entry) => ({ ...entry, totalMs: Math.round(entry.totalMs) }));
    const drained = { entries, dropped: this.droppedSince };
    this.entries = new Map();
    this.droppedSince = 0;
    return drained;
  }
}
