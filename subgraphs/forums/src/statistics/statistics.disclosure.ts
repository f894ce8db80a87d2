import { discloseCounts, discloseTable, type DisclosedCount } from '@peacegraph/kit/disclosure';
import type { ParticipantGroup, ParticipantOrigin } from '../forum/forum.entity';
import { PARTICIPANT_CATEGORIES, type ParticipantCategory } from '../common/values';

export interface DisclosedGroup {
  category: ParticipantCategory;
  women: DisclosedCount;
  men: DisclosedCount;
  total: DisclosedCount;
}

export interface DisclosedParticipants {
  exact: boolean;
  groups: DisclosedGroup[];
  women: DisclosedCount;
  men: DisclosedCount;
  total: DisclosedCount;
  origins: { regionPcode: string; participants: DisclosedCount }[];
  originUnknown: DisclosedCount;
}

const HIDDEN: DisclosedCount = { count: null, suppressed: true };

/**
 * One forum's participants as a caller may see them: exact for the owner; for anyone else the kit's
 * disclosure control over one table (categories as rows, women and men as columns, with every row,
 * column and the grand total shown beside it), and over the regions of origin as one line whose total
 * is the grand total. A forum's figures are always disclosed this way, alone, so the same caller never
 * sees one forum's figures disclosed two different ways.
 */
export function discloseParticipants(
  groups: readonly ParticipantGroup[],
  origins: readonly ParticipantOrigin[],
  exact: boolean,
): DisclosedParticipants {
  const byCategory = new Map(groups.map((g) => [g.category, g]));
  const cells = PARTICIPANT_CATEGORIES.map((category) => [byCategory.get(category)?.women ?? 0, byCategory.get(category)?.men ?? 0]);
  const table = discloseTable(cells, { exact });
  const total = cells.reduce((sum, [women, men]) => sum + women! + men!, 0);
  const known = origins.reduce((sum, o) => sum + o.participants, 0);
  const line = discloseCounts(
    Object.fromEntries([...origins.map((o) => [o.regionPcode, o.participants]), ['', total - known]]) as Record<string, number>,
    { exact },
  );
  return {
    exact,
    groups: PARTICIPANT_CATEGORIES.map((category, i) => ({
      category,
      women: table.cells[i]![0]!,
      men: table.cells[i]![1]!,
      total: table.rowTotals[i]!,
    })),
    women: table.columnTotals[0]!,
    men: table.columnTotals[1]!,
    total: table.total,
    origins: origins.map((o) => ({ regionPcode: o.regionPcode, participants: line.counts[o.regionPcode]! })),
    originUnknown: line.counts['']!,
  };
}

/** A sum of disclosed counts: withheld when any count in it is, so it tells nothing they do not. */
export function sumDisclosed(counts: readonly DisclosedCount[]): DisclosedCount {
  if (counts.some((c) => c.suppressed)) return HIDDEN;
  return { count: counts.reduce((sum, c) => sum + (c.count ?? 0), 0), suppressed: false };
}

/**
 * Participants across forums: each forum as it is disclosed on its own, and sums of those. A sum shown
 * only when every forum figure in it is shown cannot reveal a withheld one by subtraction.
 */
export function participationAcross(forums: readonly DisclosedParticipants[]) {
  return {
    groups: PARTICIPANT_CATEGORIES.map((category, i) => ({
      category,
      women: sumDisclosed(forums.map((f) => f.groups[i]!.women)),
      men: sumDisclosed(forums.map((f) => f.groups[i]!.men)),
      total: sumDisclosed(forums.map((f) => f.groups[i]!.total)),
    })),
    women: sumDisclosed(forums.map((f) => f.women)),
    men: sumDisclosed(forums.map((f) => f.men)),
    total: sumDisclosed(forums.map((f) => f.total)),
  };
}
