import { discloseCounts, discloseTable } from '../src/disclosure/disclosure';

describe('disclosure control', () => {
  it('withholds counts from 1 to 4 and shows zero and larger counts', () => {
    const { counts, total } = discloseCounts({ women: 12, men: 0, girls: 30, boys: 41 });
    expect(counts.women).toEqual({ count: 12, suppressed: false });
    expect(counts.men).toEqual({ count: 0, suppressed: false });
    expect(total).toEqual({ count: 83, suppressed: false });
  });

  it('withholds a second cell when the total would give away the first (complementary suppression)', () => {
    const { counts, total } = discloseCounts({ women: 3, men: 40, girls: 12, boys: 25 });
    expect(counts.women).toEqual({ count: null, suppressed: true });
    // 80 − 40 − 12 − 25 would reveal 3; the smallest other cell (girls, 12) is withheld as well.
    expect(counts.girls).toEqual({ count: null, suppressed: true });
    expect(counts.men).toEqual({ count: 40, suppressed: false });
    expect(counts.boys).toEqual({ count: 25, suppressed: false });
    expect(total).toEqual({ count: 80, suppressed: false });
  });

  it('withholds a total under the threshold and does not add cells when two are already withheld', () => {
    const small = discloseCounts({ women: 1, men: 2 });
    expect(small.total).toEqual({ count: null, suppressed: true });
    const two = discloseCounts({ women: 2, men: 3, youth: 50 });
    expect(two.counts.youth).toEqual({ count: 50, suppressed: false });
  });

  it('withholds the total when a single withheld cell has no partner to hide behind', () => {
    const { counts, total } = discloseCounts({ women: 4, men: 0 });
    expect(counts.women.suppressed).toBe(true);
    expect(total.suppressed).toBe(true);
  });

  it('keeps rows and columns of a two-way table safe together', () => {
    // sex × age group with row and column totals: a cell of 2 forces a partner in its row AND its column.
    const table = discloseTable([
      [2, 30, 18],
      [9, 25, 40],
    ]);
    const hidden = table.cells.map((row) => row.map((c) => c.suppressed));
    for (const row of hidden) expect(row.filter(Boolean).length === 0 || row.filter(Boolean).length >= 2).toBe(true);
    for (let j = 0; j < 3; j += 1) {
      const column = hidden.map((row) => row[j]);
      expect(column.filter(Boolean).length === 0 || column.filter(Boolean).length >= 2).toBe(true);
    }
    expect(hidden[0]![0]).toBe(true);
    expect(table.total).toEqual({ count: 124, suppressed: false });
  });

  it('shows the owner exact figures', () => {
    const { counts } = discloseCounts({ women: 3, men: 40 }, { exact: true });
    expect(counts.women).toEqual({ count: 3, suppressed: false });
  });

  it('takes another threshold', () => {
    const { counts } = discloseCounts({ women: 8, men: 40, youth: 20 }, { threshold: 10 });
    expect(counts.women.suppressed).toBe(true);
    expect(counts.youth.suppressed).toBe(true);
  });
});

describe('disclosure control of margins', () => {
  it('withholds a second row total when one is withheld and the grand total is shown', () => {
    // Group A: 3 women, 0 men (total 3, withheld); group B: 40 women, 2 men.
    const table = discloseTable([
      [3, 0],
      [40, 12],
    ]);
    const hiddenRows = table.rowTotals.filter((t) => t.suppressed).length;
    expect(table.total.suppressed).toBe(false);
    expect(hiddenRows === 0 || hiddenRows >= 2).toBe(true);
    const hiddenColumns = table.columnTotals.filter((t) => t.suppressed).length;
    expect(hiddenColumns === 0 || hiddenColumns >= 2).toBe(true);
  });

  it('withholds a second column total when one is withheld and the grand total is shown', () => {
    // Men: 2 in one group and 0 in the other; the column total of men (2) is withheld.
    const table = discloseTable([
      [3, 9],
      [8, 6],
    ]);
    const hiddenColumns = table.columnTotals.filter((t) => t.suppressed).length;
    expect(hiddenColumns === 0 || hiddenColumns >= 2).toBe(true);
  });
});
