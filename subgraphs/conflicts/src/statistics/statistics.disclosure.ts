import { DEFAULT_THRESHOLD, discloseCounts, discloseTable, type DisclosedCount } from '@peacegraph/kit/disclosure';
import type { StatsRow } from './statistics.repository';

export interface CaseFigures {
  exact: boolean;
  reported: DisclosedCount;
  open: DisclosedCount;
  resolved: DisclosedCount;
  referred: DisclosedCount;
  unresolved: DisclosedCount;
  relapsed: DisclosedCount;
  medianDaysToResolution: number | null;
}

const STATUS_COLUMNS = ['open', 'resolved', 'referred', 'unresolved'] as const;

/**
 * Puts figures through the kit's disclosure control, as one table: groups are rows, current status the
 * columns (a partition of `reported`, so row totals are `reported` and column totals the overall
 * status counts), and `relapsed` a line of its own across the groups. Protecting the table as a whole
 * keeps a withheld cell from being recovered by subtraction from any total shown beside it. A median of
 * fewer than 5 resolution times is withheld too: with so few, it nearly gives them away.
 */
export function discloseFigures(
  groups: readonly StatsRow[],
  total: StatsRow,
  exact: boolean,
): { groups: CaseFigures[]; total: CaseFigures } {
  const table = discloseTable(
    groups.map((g) => STATUS_COLUMNS.map((column) => g[column])),
    { exact },
  );
  const relapsed = discloseCounts(Object.fromEntries(groups.map((g, i) => [String(i), g.relapsed])), { exact });
  const median = (row: StatsRow) => (exact || row.resolved >= DEFAULT_THRESHOLD ? row.medianDays : null);
  return {
    groups: groups.map((g, i) => ({
      exact,
      reported: table.rowTotals[i]!,
      open: table.cells[i]![0]!,
      resolved: table.cells[i]![1]!,
      referred: table.cells[i]![2]!,
      unresolved: table.cells[i]![3]!,
      relapsed: relapsed.counts[String(i)]!,
      medianDaysToResolution: median(g),
    })),
    total: {
      exact,
      // With no group at all there is no table: every total is zero, which names nobody.
      reported: groups.length ? table.total : { count: 0, suppressed: false },
      open: table.columnTotals[0] ?? { count: 0, suppressed: false },
      resolved: table.columnTotals[1] ?? { count: 0, suppressed: false },
      referred: table.columnTotals[2] ?? { count: 0, suppressed: false },
      unresolved: table.columnTotals[3] ?? { count: 0, suppressed: false },
      relapsed: groups.length ? relapsed.total : { count: 0, suppressed: false },
      medianDaysToResolution: median(total),
    },
  };
}

/** One parent's figures (an admin area, a community): a table of one row. */
export function discloseOne(row: StatsRow): CaseFigures {
  return discloseFigures([row], row, row.notOwned === 0).groups[0]!;
}
