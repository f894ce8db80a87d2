import { percentile, type OperationTotals, type UsagePoint } from '../store/usage';
import type { FieldOrigin } from './field-map';

export interface SubgraphUsage {
  subgraph: string;
  requests: number;
  errors: number;
  p95Ms: number | null;
}

export interface UsageSummary {
  hours: number;
  requests: number;
  errors: number;
  p95Ms: number | null;
  series: UsagePoint[];
  subgraphs: SubgraphUsage[];
}

/**
 * A window's usage in all and per subgraph, from each operation's totals: an operation counts for every
 * subgraph that alone resolves a field it selected (once, however many of its fields). A field several
 * subgraphs resolve says nothing of where a request went: an entity's key is declared by every
 * subgraph that extends the entity, and the kit's shared types (PageInfo, AuditEntry) by all six, so
 * counting them would give every subgraph the traffic of the directory's `AdminArea.pcode`.
 */
export function summarise(
  hours: number,
  operations: readonly OperationTotals[],
  series: UsagePoint[],
  origins: ReadonlyMap<string, FieldOrigin>,
  subgraphs: readonly string[],
): UsageSummary {
  const all = { requests: 0, errors: 0, latency: [] as number[] };
  const per = new Map(subgraphs.map((name) => [name, { requests: 0, errors: 0, latency: [] as number[] }]));
  for (const operation of operations) {
    const reached = new Set(
      operation.coordinates.flatMap((c) => {
        const subgraphs = origins.get(c)?.subgraphs ?? [];
        return subgraphs.length === 1 ? subgraphs : [];
      }),
    );
    for (const totals of [all, ...[...reached].flatMap((name) => per.get(name) ?? [])]) {
      totals.requests += operation.count;
      totals.errors += operation.errors;
      operation.latency.forEach((n, i) => (totals.latency[i] = (totals.latency[i] ?? 0) + n));
    }
  }
  return {
    hours,
    requests: all.requests,
    errors: all.errors,
    p95Ms: percentile(all.latency, 0.95),
    series,
    subgraphs: [...per].map(([subgraph, t]) => ({ subgraph, requests: t.requests, errors: t.errors, p95Ms: percentile(t.latency, 0.95) })),
  };
}
