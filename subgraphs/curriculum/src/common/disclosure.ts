import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { discloseTable, type DisclosedCount } from '@peacegraph/kit/disclosure';
import {
  AGE_GROUPS,
  AUDIENCES,
  AUDIENCE_FIELD,
  CELL_OF,
  HEADCOUNT_CELLS,
  SEXES,
  type AgeGroup,
  type Audience,
  type AudienceCounts,
  type Headcount,
  type Sex,
} from './headcount';

/**
 * Counts of people as a caller may see them: exact for the owner, through the kit's disclosure
 * control for everyone else. One rule for records and aggregates, so a record never shows what an
 * aggregate withholds.
 */
export interface DisclosedHeadcount {
  exact: boolean;
  bySexAndAgeGroup: (DisclosedCount & { sex: Sex; ageGroup: AgeGroup })[];
  bySex: (DisclosedCount & { sex: Sex })[];
  byAgeGroup: (DisclosedCount & { ageGroup: AgeGroup })[];
  total: DisclosedCount;
}

const HIDDEN: DisclosedCount = { count: null, suppressed: true };

/**
 * A subtotal of disclosed cells: shown only when every cell in it is shown, so it tells nothing the
 * cells do not (the kit protects the cells' own line, not these).
 */
function subtotal(cells: DisclosedCount[]): DisclosedCount {
  if (cells.some((c) => c.suppressed)) return HIDDEN;
  return { count: cells.reduce((sum, c) => sum + (c.count ?? 0), 0), suppressed: false };
}

function shape(cells: DisclosedCount[], total: DisclosedCount, exact: boolean): DisclosedHeadcount {
  const at = (sex: Sex, age: AgeGroup) => cells[HEADCOUNT_CELLS.indexOf(CELL_OF[sex][age])]!;
  return {
    exact,
    bySexAndAgeGroup: SEXES.flatMap((sex) => AGE_GROUPS.map((ageGroup) => ({ sex, ageGroup, ...at(sex, ageGroup) }))),
    bySex: SEXES.map((sex) => ({ sex, ...subtotal(AGE_GROUPS.map((age) => at(sex, age))) })),
    byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, ...subtotal(SEXES.map((sex) => at(sex, ageGroup))) })),
    total,
  };
}

/** One headcount (a session's attendance, a cohort's enrolment): its six cells are one line with their total. */
export function discloseHeadcount(headcount: Headcount, exact: boolean): DisclosedHeadcount {
  const table = discloseTable([HEADCOUNT_CELLS.map((cell) => headcount[cell])], { exact });
  return shape(table.cells[0]!, table.total, exact);
}

/**
 * Headcounts of several groups (countries, areas, periods) and of all of them: one table, groups as
 * rows, so that no group's withheld cell can be recovered from the overall figures.
 */
export function discloseHeadcounts(rows: Headcount[], exact: boolean): { groups: DisclosedHeadcount[]; overall: DisclosedHeadcount } {
  if (rows.length === 0)
    return {
      groups: [],
      overall: shape(
        HEADCOUNT_CELLS.map(() => ({ count: 0, suppressed: false })),
        { count: 0, suppressed: false },
        exact,
      ),
    };
  const table = discloseTable(
    rows.map((row) => HEADCOUNT_CELLS.map((cell) => row[cell])),
    { exact },
  );
  return {
    groups: table.cells.map((cells, i) => shape(cells, table.rowTotals[i]!, exact)),
    overall: shape(table.columnTotals, table.total, exact),
  };
}

/** Counts of several groups and their total (e.g. sessions delivered per country). */
export function discloseCountsAcross(values: number[], exact: boolean): { groups: DisclosedCount[]; overall: DisclosedCount } {
  if (values.length === 0) return { groups: [], overall: { count: 0, suppressed: false } };
  const table = discloseTable([values], { exact });
  return { groups: table.cells[0]!, overall: table.total };
}

export type DisclosedAudienceCount = DisclosedCount & { audience: Audience };

/**
 * Counts by audience, for the given audiences. Audiences overlap, so they have no total to protect;
 * across groups each audience's column is protected against its overall figure.
 */
export function discloseAudienceCounts(
  rows: AudienceCounts[],
  audiences: readonly Audience[],
  exact: boolean,
): { groups: DisclosedAudienceCount[][]; overall: DisclosedAudienceCount[] } {
  const listed = AUDIENCES.filter((a) => audiences.includes(a));
  if (rows.length === 0 || listed.length === 0) {
    return { groups: rows.map(() => []), overall: listed.map((audience) => ({ audience, count: 0, suppressed: false })) };
  }
  const table = discloseTable(
    rows.map((row) => listed.map((a) => row[AUDIENCE_FIELD[a]])),
    { exact },
  );
  return {
    groups: table.cells.map((cells) => cells.map((cell, j) => ({ audience: listed[j]!, ...cell }))),
    overall: table.columnTotals.map((cell, j) => ({ audience: listed[j]!, ...cell })),
  };
}

/** One record's counts by audience. */
export function discloseAudiences(counts: AudienceCounts, audiences: readonly Audience[], exact: boolean): DisclosedAudienceCount[] {
  // Each audience on its own: no total of overlapping groups is shown, so none can be subtracted.
  return AUDIENCES.filter((a) => audiences.includes(a)).map((audience) => {
    const value = counts[AUDIENCE_FIELD[audience]];
    const [[cell]] = discloseTable([[value]], { exact }).cells as [[DisclosedCount]];
    return { audience, ...cell };
  });
}

/** Counts of people are exact for the organisation that owns the record, disclosure-controlled for others. */
export function owns(viewer: Viewer, ownerOrg: string): boolean {
  return organisationOf(viewer) === ownerOrg;
}
