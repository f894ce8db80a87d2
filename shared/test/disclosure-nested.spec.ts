import { discloseNested, type DisclosedArea, type NestedBreakdown, type NestedLeaf } from '../src/disclosure/disclosure-nested';

const CATEGORY: NestedBreakdown = {
  name: 'CATEGORY',
  keys: ['FORMER_COMBATANT', 'ASSOCIATED_PERSON', 'COMMUNITY_MEMBER'],
  partitions: true,
};
const SEX: NestedBreakdown = { name: 'SEX', keys: ['FEMALE', 'MALE'], partitions: true };
const ASSISTANCE: NestedBreakdown = { name: 'ASSISTANCE', keys: ['PSYCHOSOCIAL', 'LIVELIHOOD'], partitions: false };
const BREAKDOWNS = [CATEGORY, SEX, ASSISTANCE];

const leaf = (path: string[], category: number[], sex: number[], assistance: number[]): NestedLeaf => ({
  path,
  total: category.reduce((a, b) => a + b, 0),
  counts: [category, sex, assistance],
});

/** What a reader sees of a count: the number, or null. */
const seen = (areas: Map<string, DisclosedArea>, code: string) => {
  const area = areas.get(code)!;
  return { total: area.total.count, cells: area.cells.map((row) => row.map((c) => c.count)) };
};

/**
 * An independent check of the promise: recompute every sum an answer shows from the true counts and
 * the pattern, and find no line with exactly one withheld count; no count from 1 to 4 shown; no zero
 * withheld. Written from the definition, not from the implementation's lines.
 */
function expectProtected(leaves: NestedLeaf[], breakdowns: NestedBreakdown[], areas: Map<string, DisclosedArea>) {
  const children = new Map<string, Set<string>>();
  for (const l of leaves) {
    ['', ...l.path].forEach((code, i, chain) => {
      if (i < chain.length - 1) (children.get(code) ?? children.set(code, new Set()).get(code)!).add(chain[i + 1]!);
    });
  }
  const truth = (code: string): { total: number; cells: number[][] } => {
    const under = leaves.filter((l) => code === '' || l.path.includes(code));
    return {
      total: under.reduce((a, l) => a + l.total, 0),
      cells: breakdowns.map((b, i) => b.keys.map((_, k) => under.reduce((a, l) => a + l.counts[i]![k]!, 0))),
    };
  };
  const oneWithheld = (flags: boolean[]) => flags.filter(Boolean).length === 1;
  for (const [code, area] of areas) {
    const real = truth(code);
    const counts = [
      { value: real.total, shown: area.total },
      ...real.cells.flatMap((row, b) => row.map((value, k) => ({ value, shown: area.cells[b]![k]! }))),
    ];
    for (const { value, shown } of counts) {
      if (value > 0 && value < 5) expect(shown.count).toBeNull();
      if (value === 0) expect(shown.count).toBe(0);
      if (shown.count !== null) expect(shown.count).toBe(value);
    }
    breakdowns.forEach((b, i) => {
      if (b.partitions) expect(oneWithheld([area.total.suppressed, ...area.cells[i]!.map((c) => c.suppressed)])).toBe(false);
    });
    const kids = [...(children.get(code) ?? [])].map((c) => areas.get(c)!);
    if (kids.length === 0) continue;
    expect(oneWithheld([area.total.suppressed, ...kids.map((k) => k.total.suppressed)])).toBe(false);
    breakdowns.forEach((b, i) =>
      b.keys.forEach((_, k) =>
        expect(oneWithheld([area.cells[i]![k]!.suppressed, ...kids.map((kid) => kid.cells[i]![k]!.suppressed)])).toBe(false),
      ),
    );
  }
}

describe('disclosure control across nested areas and breakdowns', () => {
  // Séno (BF5602): 6 former combatants, 3 associated people, 5 community members; Yagha (BF5603): 7
  // and 8 community members; Téra (NE006011): 2 former combatants, 9 community members.
  const leaves = [
    leaf(['BF', 'BF56', 'BF5602'], [6, 3, 5], [4, 10], [6, 0]),
    leaf(['BF', 'BF56', 'BF5603'], [7, 0, 8], [7, 8], [0, 2]),
    leaf(['NE', 'NE006', 'NE006011'], [2, 0, 9], [0, 11], [0, 0]),
  ];
  const areas = discloseNested(leaves, BREAKDOWNS);

  it("does not let a region's figure less a sibling's give an area's withheld cell back", () => {
    // Per table, Séno's 5 community members were withheld (its line) while Sahel's 13 and Yagha's 8
    // were shown: 13 − 8 = 5, and then 14 − 6 − 5 = 3 associated people. Here one of them goes too.
    expect(seen(areas, 'BF5602').cells[0]![1]).toBeNull();
    expect(seen(areas, 'BF5602').cells[0]![2]).toBeNull();
    expect([seen(areas, 'BF56').cells[0]![2], seen(areas, 'BF5603').cells[0]![2]]).toContain(null);
    expect(seen(areas, 'BF5603').cells[0]).toEqual([7, 0, 8]);
    expectProtected(leaves, BREAKDOWNS, areas);
  });

  it('decides totals once for every breakdown: an area total shown under one is shown under all', () => {
    // Totals are one count per area, whatever the breakdown: 14, 15, 29, 11 and 40 are shown.
    expect(['BF5602', 'BF5603', 'BF56', 'BF', 'NE006011', ''].map((code) => seen(areas, code).total)).toEqual([14, 15, 29, 29, 11, 40]);
    // Séno's sex line: its 4 women withheld, and its 10 men with them, beside the shown 14.
    expect(seen(areas, 'BF5602').cells[1]).toEqual([null, null]);
    expect(seen(areas, 'NE006011').cells[1]).toEqual([0, 11]);
  });

  it('controls cases given each kind of assistance across areas, without a sum against the total', () => {
    // Two cases given livelihood help in Yagha: withheld there, in Sahel, Burkina Faso and overall.
    expect(['BF5603', 'BF56', 'BF', ''].map((code) => seen(areas, code).cells[2]![1])).toEqual([null, null, null, null]);
    expect(seen(areas, 'BF5602').cells[2]![0]).toBe(6);
  });

  it('withholds nothing when no count is under the threshold', () => {
    const large = [
      leaf(['ML', 'ML05', 'ML0501'], [10, 20, 30], [25, 35], [12, 0]),
      leaf(['ML', 'ML05', 'ML0502'], [5, 6, 7], [8, 10], [0, 9]),
    ];
    const result = discloseNested(large, BREAKDOWNS);
    expect([...result.values()].every((a) => !a.total.suppressed && a.cells.every((row) => row.every((c) => !c.suppressed)))).toBe(true);
  });

  it('gives the same pattern whatever order the rows come in', () => {
    const reversed = discloseNested([...leaves].reverse(), BREAKDOWNS);
    for (const code of areas.keys()) expect(seen(reversed, code)).toEqual(seen(areas, code));
  });

  it('keeps its promise on 300 random sets of areas', () => {
    let seed = 20261204;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    // Small counts, many zeros: the hard case for suppression.
    const count = () => [0, 0, 1, 2, 3, 4, 5, 6, 9, 14][random(10)]!;
    for (let run = 0; run < 300; run += 1) {
      const generated: NestedLeaf[] = [];
      for (let c = 0; c < 1 + random(2); c += 1) {
        for (let r = 0; r < 1 + random(3); r += 1) {
          for (let a = 0; a < 1 + random(4); a += 1) {
            const category = [count(), count(), count()];
            const total = category.reduce((x, y) => x + y, 0);
            const women = random(total + 1);
            generated.push(
              leaf([`C${c}`, `C${c}${r}`, `C${c}${r}${a}`], category, [women, total - women], [random(total + 1), random(total + 1)]),
            );
          }
        }
      }
      expectProtected(generated, BREAKDOWNS, discloseNested(generated, BREAKDOWNS));
    }
  });
});
