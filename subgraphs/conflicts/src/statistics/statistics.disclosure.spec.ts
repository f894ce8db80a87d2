import { emptyStatsRow, type StatsRow } from './statistics.repository';
import { discloseFigures, discloseOne } from './statistics.disclosure';

function row(key: string, counts: Partial<StatsRow>): StatsRow {
  const base = { ...emptyStatsRow(key), ...counts };
  return { ...base, reported: base.open + base.resolved + base.referred + base.unresolved };
}

const douentza = row('ML0504', { open: 12, resolved: 30, referred: 3, unresolved: 8, relapsed: 2, medianDays: 21 });
const djibo = row('BF5603', { open: 9, resolved: 25, referred: 6, unresolved: 0, relapsed: 7, medianDays: 18 });
const tera = row('NE006011', { open: 1, resolved: 4, referred: 0, unresolved: 0, relapsed: 0, medianDays: 30 });
const total = row('', { open: 22, resolved: 59, referred: 9, unresolved: 8, relapsed: 9, medianDays: 20 });

describe('case figures through disclosure control', () => {
  it('shows the owner every figure exactly, medians of small groups included', () => {
    const { groups, total: all } = discloseFigures([douentza, djibo, tera], total, true);
    expect(groups[2]).toEqual({
      exact: true,
      reported: { count: 5, suppressed: false },
      open: { count: 1, suppressed: false },
      resolved: { count: 4, suppressed: false },
      referred: { count: 0, suppressed: false },
      unresolved: { count: 0, suppressed: false },
      relapsed: { count: 0, suppressed: false },
      medianDaysToResolution: 30,
    });
    expect(all.reported).toEqual({ count: 98, suppressed: false });
  });

  it('withholds small cells from other partners, and a partner cell wherever a total would give one away', () => {
    const { groups, total: all } = discloseFigures([douentza, djibo, tera], total, false);
    const [first, second, third] = groups;
    // Téra: 1 open and 4 resolved are both small; its row total (5) is shown.
    expect(third!.open).toEqual({ count: null, suppressed: true });
    expect(third!.resolved).toEqual({ count: null, suppressed: true });
    expect(third!.reported).toEqual({ count: 5, suppressed: false });
    // Douentza's 3 referred is withheld; its row total (53) and the referred total (9) would give it
    // away, so a second cell of its row and of its column is withheld too.
    expect(first!.referred.suppressed).toBe(true);
    expect([first!.open, first!.resolved, first!.unresolved].some((c) => c.suppressed)).toBe(true);
    expect(groups.filter((g) => g.referred.suppressed).length).toBeGreaterThanOrEqual(2);
    // Every row and column with a visible total has zero or at least two withheld cells.
    for (const g of groups) {
      const hidden = [g.open, g.resolved, g.referred, g.unresolved].filter((c) => c.suppressed).length;
      expect(hidden === 0 || hidden >= 2 || g.reported.suppressed).toBe(true);
    }
    // Relapses: Douentza's 2 is withheld, and with it the smallest other non-zero count (Djibo's 7).
    expect(first!.relapsed).toEqual({ count: null, suppressed: true });
    expect(second!.relapsed).toEqual({ count: null, suppressed: true });
    expect(all.relapsed).toEqual({ count: 9, suppressed: false });
    // A median of fewer than 5 resolutions is withheld; larger ones are shown.
    expect(third!.medianDaysToResolution).toBeNull();
    expect(first!.medianDaysToResolution).toBe(21);
    expect(all.reported).toEqual({ count: 98, suppressed: false });
  });

  it('treats one area or community as a table of one row, exact only for the owner of every case', () => {
    const small = { ...row('ML0306', { open: 2, resolved: 6, relapsed: 1, medianDays: 15 }), notOwned: 8 };
    const figures = discloseOne(small);
    expect(figures.exact).toBe(false);
    expect(figures.open.suppressed).toBe(true);
    expect(figures.resolved).toEqual({ count: null, suppressed: true });
    expect(figures.reported).toEqual({ count: 8, suppressed: false });
    expect(figures.relapsed).toEqual({ count: null, suppressed: true });
    expect(figures.medianDaysToResolution).toBe(15);
    expect(discloseOne({ ...small, notOwned: 0 }).open).toEqual({ count: 2, suppressed: false });
    expect(discloseOne(emptyStatsRow('ML07')).reported).toEqual({ count: 0, suppressed: false });
  });

  it('answers a table with no group with zero totals', () => {
    const { groups, total: all } = discloseFigures([], emptyStatsRow(''), false);
    expect(groups).toEqual([]);
    expect(all.reported).toEqual({ count: 0, suppressed: false });
    expect(all.medianDaysToResolution).toBeNull();
  });
});
