import { DEFAULT_THRESHOLD, discloseTable, type DisclosedCount } from '@peacegraph/kit/disclosure';
import { DISPLACEMENT_AGE_GROUPS, DISPLACEMENT_SEXES } from './displacement-values';

const ZERO: DisclosedCount = { count: 0, suppressed: false };

/**
 * One count on its own line: exact for the owner, withheld from 1 to 4 for everyone else. What the
 * kit's discloseTable gives a one-cell table (its total is the cell: nothing to subtract), without
 * building the table: lists of weekly flows call it once per row.
 */
export function discloseOne(value: number, exact: boolean): DisclosedCount {
  return exact || value <= 0 || value >= DEFAULT_THRESHOLD ? { count: value, suppressed: false } : { count: null, suppressed: true };
}

export function discloseOptional(value: number | null, exact: boolean): DisclosedCount | null {
  return value === null ? null : discloseOne(value, exact);
}

/** Counts that partition a total (people by reason, cases by category): one line with its total. */
export function discloseLine(values: readonly number[], exact: boolean): { cells: DisclosedCount[]; total: DisclosedCount } {
  if (values.length === 0) return { cells: [], total: ZERO };
  const table = discloseTable([[...values]], { exact });
  return { cells: table.cells[0]!, total: table.total };
}

export interface SexAgeCount {
  sex: string;
  ageGroup: string;
  count: number;
}

/**
 * People by sex (rows) and age group (columns) as one table, so that no withheld cell comes back from
 * a sex's total, an age group's total or the grand total. Only the groups given are listed.
 */
export function discloseSexAndAge(groups: readonly SexAgeCount[], exact: boolean) {
  const cell = (sex: string, age: string) => groups.find((g) => g.sex === sex && g.ageGroup === age)?.count ?? 0;
  const table = discloseTable(
    DISPLACEMENT_SEXES.map((sex) => DISPLACEMENT_AGE_GROUPS.map((age) => cell(sex, age))),
    { exact },
  );
  const listed = (sex: string, age: string) => groups.some((g) => g.sex === sex && g.ageGroup === age);
  return {
    groups: DISPLACEMENT_SEXES.flatMap((sex, i) =>
      DISPLACEMENT_AGE_GROUPS.flatMap((ageGroup, j) => (listed(sex, ageGroup) ? [{ sex, ageGroup, count: table.cells[i]![j]! }] : [])),
    ),
    bySex: DISPLACEMENT_SEXES.map((sex, i) => ({ sex, count: table.rowTotals[i]! })),
    byAgeGroup: DISPLACEMENT_AGE_GROUPS.map((ageGroup, j) => ({ ageGroup, count: table.columnTotals[j]! })),
    total: table.total,
  };
}
