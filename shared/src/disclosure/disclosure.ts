/**
 * Disclosure control for counts shown to anyone but the data's owner. A count from 1 to threshold − 1
 * could point at identifiable people (two former fighters in a village), so it is withheld: null with
 * `suppressed: true`. Where a visible total would let a reader recover a withheld cell by subtraction,
 * the next smallest cell of that line is withheld too (complementary suppression), repeated until no
 * line has exactly one withheld cell. Zero is shown: it names nobody.
 */
export const DEFAULT_THRESHOLD = 5;

export interface DisclosedCount {
  count: number | null;
  suppressed: boolean;
}

export interface DisclosureOptions {
  threshold?: number;
  /** The owner sees exact figures; everyone else gets suppression. */
  exact?: boolean;
}

function primary(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/**
 * A table of counts with row and column totals (one row is the one-way case). Rows and columns are
 * the lines whose totals are shown; cells of a line must add up to its total.
 */
export function discloseTable(
  cells: number[][],
  options: DisclosureOptions = {},
): { cells: DisclosedCount[][]; rowTotals: DisclosedCount[]; columnTotals: DisclosedCount[]; total: DisclosedCount } {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const rowSums = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnCount = Math.max(0, ...cells.map((r) => r.length));
  const columnSums = Array.from({ length: columnCount }, (_, j) => cells.reduce((a, row) => a + (row[j] ?? 0), 0));
  const grand = rowSums.reduce((a, b) => a + b, 0);
  const show = (count: number, hidden: boolean): DisclosedCount =>
    hidden ? { count: null, suppressed: true } : { count, suppressed: false };

  if (options.exact) {
    return {
      cells: cells.map((row) => row.map((c) => show(c, false))),
      rowTotals: rowSums.map((c) => show(c, false)),
      columnTotals: columnSums.map((c) => show(c, false)),
      total: show(grand, false),
    };
  }

  const hidden = cells.map((row) => row.map((c) => primary(c, threshold)));
  const rowHidden = rowSums.map((c) => primary(c, threshold));
  const columnHidden = columnSums.map((c) => primary(c, threshold));
  const grandHidden = primary(grand, threshold);

  // A line whose total is visible must not have exactly one withheld cell.
  type Line = { cell: (k: number) => [number, number]; length: number; totalHidden: () => boolean; hideTotal: () => void };
  const lines: Line[] = [
    ...cells.map((row, i) => ({
      cell: (k: number): [number, number] => [i, k],
      length: row.length,
      totalHidden: () => rowHidden[i]!,
      hideTotal: () => (rowHidden[i] = true),
    })),
    ...columnSums.map((_, j) => ({
      cell: (k: number): [number, number] => [k, j],
      length: cells.length,
      totalHidden: () => columnHidden[j]!,
      hideTotal: () => (columnHidden[j] = true),
    })),
  ];
  // The margins are lines too: row totals (and column totals) add up to the grand total, so one
  // withheld margin beside a visible grand total would be recovered by subtraction.
  const margins: { counts: number[]; hidden: boolean[] }[] = [
    { counts: rowSums, hidden: rowHidden },
    { counts: columnSums, hidden: columnHidden },
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.totalHidden()) continue;
      const positions = Array.from({ length: line.length }, (_, k) => line.cell(k)).filter(([i, j]) => cells[i]?.[j] !== undefined);
      const withheld = positions.filter(([i, j]) => hidden[i]![j]);
      if (withheld.length !== 1) continue;
      const candidates = positions
        .filter(([i, j]) => !hidden[i]![j] && cells[i]![j]! > 0)
        .sort(([a, b], [c, d]) => cells[a]![b]! - cells[c]![d]!);
      const next = candidates[0];
      if (next) {
        hidden[next[0]]![next[1]] = true;
      } else {
        // Nothing else to withhold: the total itself would give the cell away.
        line.hideTotal();
      }
      changed = true;
    }
    for (const margin of margins) {
      if (grandHidden || margin.counts.length < 2) continue;
      const withheld = margin.hidden.filter(Boolean).length;
      if (withheld !== 1) continue;
      const candidates = margin.counts
        .map((count, k) => ({ count, k }))
        .filter(({ count, k }) => !margin.hidden[k] && count > 0)
        .sort((a, b) => a.count - b.count);
      // A withheld margin hides its line's cells as a whole, so hiding a second margin is enough.
      if (candidates[0]) margin.hidden[candidates[0].k] = true;
      changed = true;
    }
  }
  return {
    cells: cells.map((row, i) => row.map((c, j) => show(c, hidden[i]![j]!))),
    rowTotals: rowSums.map((c, i) => show(c, rowHidden[i]!)),
    columnTotals: columnSums.map((c, j) => show(c, columnHidden[j]!)),
    total: show(grand, grandHidden),
  };
}

/** The one-way case: named counts and their total (e.g. participants by sex). */
export function discloseCounts<K extends string>(
  counts: Record<K, number>,
  options: DisclosureOptions = {},
): { counts: Record<K, DisclosedCount>; total: DisclosedCount } {
  const keys = Object.keys(counts) as K[];
  const table = discloseTable([keys.map((k) => counts[k])], options);
  return {
    counts: Object.fromEntries(keys.map((k, j) => [k, table.cells[0]![j]!])) as Record<K, DisclosedCount>,
    total: table.rowTotals[0]!,
  };
}
