import { discloseTable, type DisclosedCount } from '@peacegraph/kit/disclosure';
import type { ParticipantGroup } from './participants';
import type { StakeholderGroup } from './values';

const ZERO: DisclosedCount = { count: 0, suppressed: false };

export interface DisclosedParticipants {
  exact: boolean;
  byGroup: { stakeholderGroup: StakeholderGroup; women: DisclosedCount; men: DisclosedCount; total: DisclosedCount }[];
  women: DisclosedCount;
  men: DisclosedCount;
  notBrokenDown: DisclosedCount;
  total: DisclosedCount;
}

/**
 * One record's participants as a caller may see them: exact for the owner, through the kit's
 * disclosure control for everyone else, groups as rows and women and men as columns (one table, so
 * that no withheld cell can be recovered from a group's, a sex's or the grand total).
 */
export function discloseParticipants(groups: readonly ParticipantGroup[], total: number, exact: boolean): DisclosedParticipants {
  if (groups.length === 0) {
    const [[cell]] = discloseTable([[total]], { exact }).cells as [[DisclosedCount]];
    return { exact, byGroup: [], women: ZERO, men: ZERO, notBrokenDown: cell, total: cell };
  }
  const table = discloseTable(
    groups.map((g) => [g.women, g.men]),
    { exact },
  );
  return {
    exact,
    byGroup: groups.map((g, i) => ({
      stakeholderGroup: g.stakeholderGroup,
      women: table.cells[i]![0]!,
      men: table.cells[i]![1]!,
      total: table.rowTotals[i]!,
    })),
    women: table.columnTotals[0]!,
    men: table.columnTotals[1]!,
    notBrokenDown: ZERO,
    total: table.total,
  };
}

export interface DisclosedHeadcount {
  women: DisclosedCount;
  men: DisclosedCount;
  notBrokenDown: DisclosedCount;
  total: DisclosedCount;
}

export interface HeadcountLine {
  women: number;
  men: number;
  notBrokenDown: number;
}

function line(cells: DisclosedCount[], total: DisclosedCount): DisclosedHeadcount {
  return { women: cells[0]!, men: cells[1]!, notBrokenDown: cells[2]!, total };
}

/**
 * Headcounts of groups that partition a total (communities, regions, stakeholder groups …) and the
 * total: one table, groups as rows and women, men and people not broken down as columns.
 */
export function discloseHeadcounts(
  rows: readonly HeadcountLine[],
  exact: boolean,
): { groups: DisclosedHeadcount[]; total: DisclosedHeadcount } {
  if (rows.length === 0) return { groups: [], total: { women: ZERO, men: ZERO, notBrokenDown: ZERO, total: ZERO } };
  const table = discloseTable(
    rows.map((r) => [r.women, r.men, r.notBrokenDown]),
    { exact },
  );
  return {
    groups: table.cells.map((cells, i) => line(cells, table.rowTotals[i]!)),
    total: line(table.columnTotals, table.total),
  };
}

/** One headcount on its own line (a group of an overlapping grouping, e.g. one provision). */
export function discloseHeadcount(row: HeadcountLine, exact: boolean): DisclosedHeadcount {
  const table = discloseTable([[row.women, row.men, row.notBrokenDown]], { exact });
  return line(table.cells[0]!, table.rowTotals[0]!);
}

/** Counts of groups that partition a total, and the total (e.g. people trained per area). */
export function discloseCountsAcross(values: readonly number[], exact: boolean): { groups: DisclosedCount[]; total: DisclosedCount } {
  if (values.length === 0) return { groups: [], total: ZERO };
  const table = discloseTable([[...values]], { exact });
  return { groups: table.cells[0]!, total: table.total };
}

/** One count on its own. */
export function discloseCount(value: number, exact: boolean): DisclosedCount {
  return discloseTable([[value]], { exact }).cells[0]![0]!;
}
