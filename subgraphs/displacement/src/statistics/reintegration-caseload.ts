import { discloseNested, type DisclosedArea, type DisclosedCount, type NestedBreakdown } from '@peacegraph/kit/disclosure';
import {
  DISPLACEMENT_SEXES,
  REINTEGRATION_AGE_GROUPS,
  REINTEGRATION_ASSISTANCE_KINDS,
  REINTEGRATION_CATEGORIES,
  REINTEGRATION_STATUSES,
} from '../common/displacement-values';
import type { CaseloadRow, ReintegrationBreakdown } from './statistics.repository';

/** Every breakdown an answer may ask for, decided on together; assistance kinds overlap (one case, several kinds). */
const BREAKDOWNS: readonly (NestedBreakdown & { name: ReintegrationBreakdown | 'ASSISTANCE' })[] = [
  { name: 'CATEGORY', keys: REINTEGRATION_CATEGORIES, partitions: true },
  { name: 'SEX', keys: DISPLACEMENT_SEXES, partitions: true },
  { name: 'AGE_GROUP', keys: REINTEGRATION_AGE_GROUPS, partitions: true },
  { name: 'STATUS', keys: REINTEGRATION_STATUSES, partitions: true },
  { name: 'ASSISTANCE', keys: REINTEGRATION_ASSISTANCE_KINDS, partitions: false },
];
const ASSISTANCE = BREAKDOWNS.length - 1;

/** The figures of an area (or of everything selected) under one breakdown, as the caller may see them. */
export interface CaseloadFigures {
  cases: DisclosedCount;
  byKey: { key: string; cases: DisclosedCount }[];
  assistance: { kind: string; cases: DisclosedCount }[];
}

interface Area {
  path: [string, string, string];
  total: number;
  counts: number[][];
  own: boolean;
}

const WITHHELD: DisclosedCount = { count: null, suppressed: true };
const exactly = (count: number): DisclosedCount => ({ count, suppressed: false });

/**
 * The reintegration caseload of one selection of cases, by country, region and admin-2 area. Another
 * partner's answers, about any area at any level under any breakdown, all read one disclosure pattern
 * (the kit's discloseNested), so that no two of them can be subtracted to give a withheld count back.
 * An area is given by a P-code prefix: a country code, a region, an admin-2 area.
 */
export class Caseload {
  private readonly areas: Area[];
  private pattern?: Map<string, DisclosedArea>;

  constructor(rows: readonly CaseloadRow[]) {
    const byArea = new Map<string, Area>();
    for (const row of rows) {
      let area = byArea.get(row.admin2);
      if (!area) {
        area = { path: [row.country, row.admin1, row.admin2], total: 0, counts: BREAKDOWNS.map((b) => b.keys.map(() => 0)), own: true };
        byArea.set(row.admin2, area);
      }
      const b = BREAKDOWNS.findIndex((breakdown) => breakdown.name === row.breakdown);
      const k = BREAKDOWNS[b]!.keys.indexOf(row.key);
      area.counts[b]![k] = row.cases;
      // Every case has a category: the category rows add up to the area's cases.
      if (row.breakdown === 'CATEGORY') area.total += row.cases;
      area.own &&= row.own;
    }
    this.areas = [...byArea.values()];
  }

  /** Whether the caller's organisation owns every case under the prefix (true where there are none). */
  ownsAll(prefix: string): boolean {
    return this.under(prefix).every((area) => area.own);
  }

  /** The codes at a level (1 country, 2 region, 3 admin-2 area) of the areas with cases under the prefix. */
  codesAt(depth: 1 | 2 | 3, prefix: string): string[] {
    return [...new Set(this.under(prefix).map((area) => area.path[depth - 1]!))].sort();
  }

  /** Exact counts: for the owner of every case counted. */
  exact(prefix: string, breakdown: ReintegrationBreakdown): CaseloadFigures {
    const under = this.under(prefix);
    const sum = (b: number, k: number) => under.reduce((total, area) => total + area.counts[b]![k]!, 0);
    return this.figures(breakdown, exactly(under.reduce((total, area) => total + area.total, 0)), (b, k) => exactly(sum(b, k)));
  }

  /**
   * Disclosure-controlled counts. A prefix that is no area of the pattern (no cases, or part of a
   * code) is read as the areas just under it: their sum where none of them is withheld, else withheld.
   */
  disclosed(prefix: string, breakdown: ReintegrationBreakdown): CaseloadFigures {
    const pattern = (this.pattern ??= discloseNested(this.areas, BREAKDOWNS));
    const area = pattern.get(prefix);
    if (area) return this.figures(breakdown, area.total, (b, k) => area.cells[b]![k]!);
    const tops = [...pattern.values()].filter((a) => a.parent !== null && a.code.startsWith(prefix) && !a.parent.startsWith(prefix));
    const combine = (counts: DisclosedCount[]) =>
      counts.some((c) => c.suppressed) ? WITHHELD : exactly(counts.reduce((total, c) => total + c.count!, 0));
    return this.figures(breakdown, combine(tops.map((a) => a.total)), (b, k) => combine(tops.map((a) => a.cells[b]![k]!)));
  }

  private figures(
    breakdown: ReintegrationBreakdown,
    cases: DisclosedCount,
    cell: (b: number, k: number) => DisclosedCount,
  ): CaseloadFigures {
    const b = BREAKDOWNS.findIndex((candidate) => candidate.name === breakdown);
    return {
      cases,
      byKey: BREAKDOWNS[b]!.keys.map((key, k) => ({ key, cases: cell(b, k) })),
      assistance: BREAKDOWNS[ASSISTANCE]!.keys.map((kind, k) => ({ kind, cases: cell(ASSISTANCE, k) })),
    };
  }

  private under(prefix: string): Area[] {
    return this.areas.filter((area) => area.path[2].startsWith(prefix));
  }
}
