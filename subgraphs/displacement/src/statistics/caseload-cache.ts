import { Caseload } from './reintegration-caseload';
import type { CaseloadSelection, DisplacementAggregates } from './statistics.repository';

/** Selections and viewers kept at once: a dashboard's few, with room for the filters partners try. */
const MOST_KEPT = 64;

/**
 * The caseloads recently answered, with their disclosure pattern once decided, kept by the process for
 * the next request with the same selection and viewer. Each use first reads the rollup's version
 * (one row, moved in the transaction of every write to the cases or their assistance, by the rollup's
 * triggers): a different version means something was written since, and the caseload is read again.
 * So nobody is shown figures older than a write already committed, their own or another's, and each
 * replica of the subgraph checks for itself. The viewer is part of the key: whether the figures are the
 * viewer's own (exact) is decided per organisation, and nothing one viewer may see reaches another.
 */
export class CaseloadCache {
  private readonly kept = new Map<string, { version: number; caseload: Caseload }>();

  constructor(private readonly aggregates: DisplacementAggregates) {}

  async of(selection: CaseloadSelection, viewerOrg: string): Promise<Caseload> {
    const key = JSON.stringify([
      viewerOrg,
      selection.programme ?? null,
      selection.organisation ?? null,
      selection.registeredFrom ?? null,
      selection.registeredTo ?? null,
    ]);
    const kept = this.kept.get(key);
    if (kept && kept.version === (await this.aggregates.caseloadVersion())) {
      // Most recently used last: the first key is the one to let go.
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept.caseload;
    }
    const { version, rows } = await this.aggregates.caseloadAtVersion(selection, viewerOrg);
    const caseload = new Caseload(rows);
    this.kept.delete(key);
    if (version !== null) {
      this.kept.set(key, { version, caseload });
      if (this.kept.size > MOST_KEPT) this.kept.delete(this.kept.keys().next().value!);
    }
    return caseload;
  }
}
