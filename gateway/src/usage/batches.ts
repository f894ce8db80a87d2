import { USAGE_LIMITS, type UsageEntry, type UsageReport } from '@peacegraph/kit/usage';

/** The two limits a report is split by. */
export interface UsageLimits {
  bodyBytes: number;
  entries: number;
}

/**
 * Splits what the gateway has to report into reports the registry accepts: at most `limits.entries`
 * entries and `limits.bodyBytes` bytes of JSON each. The `dropped` count rides on the first report
 * only, so the registry adds it once. An entry too big for any report on its own (it cannot be, with
 * documents and coordinates cut to USAGE_LIMITS, but the limits are the registry's) is left out and
 * its operations counted in `unsendable`.
 */
export function splitReport(
  base: Omit<UsageReport, 'operations'>,
  entries: readonly UsageEntry[],
  limits: UsageLimits = USAGE_LIMITS,
): { reports: UsageReport[]; unsendable: number } {
  const reports: UsageReport[] = [];
  let unsendable = 0;
  let current: UsageReport = { ...base, operations: [] };
  let bytes = jsonBytes(current);
  const envelope = bytes;
  for (const entry of entries) {
    // One more entry in the array costs its JSON and a comma.
    const size = jsonBytes(entry) + 1;
    if (envelope + size > limits.bodyBytes) {
      unsendable += entry.count;
      continue;
    }
    if (current.operations.length >= limits.entries || bytes + size > limits.bodyBytes) {
      reports.push(current);
      current = { ...base, dropped: 0, operations: [] };
      bytes = jsonBytes(current);
    }
    current.operations.push(entry);
    bytes += size;
  }
  if (current.operations.length > 0 || current.dropped > 0) reports.push(current);
  return { reports, unsendable };
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}
