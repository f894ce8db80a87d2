import { DEFAULT_THRESHOLD, type DisclosedCount } from './disclosure';

/**
 * Disclosure control for counts of areas nested in one another (countries ⊃ regions ⊃ admin-2 areas)
 * under several breakdowns at once, so that every answer about the same records tells one story.
 *
 * discloseTable protects one table. A partner who can ask for a region's figures, its admin-2 areas'
 * figures, and the same areas by sex instead of by category can subtract across those answers: the
 * region's 13 community members less the 8 shown for one of its two areas gives the other area's 5,
 * and with it a withheld 3 in that area's line. Here the areas of every level and the cells of every
 * breakdown are decided together, once, and each answer reads its part:
 *
 * - a count from 1 to threshold − 1 is withheld (zero is shown: it names nobody);
 * - every sum the answers show is a line: an area's cells under a breakdown that partitions its
 *   records add up to its total; the cells of an area's children add up to its cell, their totals to
 *   its total;
 * - no line may have exactly one withheld count, its sum included: with its sum visible, a second
 *   part is withheld (the smallest above zero) or else the sum; with its sum withheld and every part
 *   visible, the smallest part is withheld, or the sum would come back by addition.
 *
 * This is the usual single-line protection (each line has no withheld count or at least two); it
 * withholds more than an optimal pattern would and does not answer a reader who solves many lines at
 * once, nor one who subtracts figures of their own. Differences between two selections (two periods,
 * two programmes) are not controlled here.
 */

export interface NestedBreakdown {
  /** Names the breakdown in the answer (`CATEGORY`, `ASSISTANCE`). */
  name: string;
  keys: readonly string[];
  /** Each record has exactly one key (sex, category): the cells add up to the area's total. */
  partitions: boolean;
}

export interface NestedLeaf {
  /** Codes from the top down, e.g. ['BF', 'BF56', 'BF5602']; every leaf has the same depth. */
  path: readonly string[];
  total: number;
  /** counts[b][k]: records of the leaf with key k of breakdown b. */
  counts: readonly (readonly number[])[];
}

export interface DisclosedArea {
  /** '' for everything selected. */
  code: string;
  /** 0 for everything selected, 1 for the first level of the paths. */
  depth: number;
  /** The code of the area it lies in ('' for the first level), null for everything selected. */
  parent: string | null;
  total: DisclosedCount;
  /** cells[b][k], as in the leaves. */
  cells: DisclosedCount[][];
}

interface Node {
  code: string;
  depth: number;
  parent: string | null;
  total: number;
  cells: number[][];
  children: Node[];
}

interface Line {
  parts: number[];
  sum: number;
}

export function discloseNested(
  leaves: readonly NestedLeaf[],
  breakdowns: readonly NestedBreakdown[],
  options: { threshold?: number } = {},
): Map<string, DisclosedArea> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const root = buildTree(leaves, breakdowns);

  // Every count becomes an item; lines refer to items.
  const values: number[] = [];
  const item = (value: number) => values.push(value) - 1;
  const items = new Map<Node, { total: number; cells: number[][] }>();
  const nodes: Node[] = [];
  const visit = (node: Node) => {
    nodes.push(node);
    items.set(node, { total: item(node.total), cells: node.cells.map((row) => row.map(item)) });
    node.children.forEach(visit);
  };
  visit(root);

  const lines: Line[] = [];
  for (const node of nodes) {
    const own = items.get(node)!;
    breakdowns.forEach((breakdown, b) => {
      if (breakdown.partitions) lines.push({ parts: own.cells[b]!, sum: own.total });
    });
    if (node.children.length === 0) continue;
    const children = node.children.map((child) => items.get(child)!);
    lines.push({ parts: children.map((child) => child.total), sum: own.total });
    breakdowns.forEach((breakdown, b) =>
      breakdown.keys.forEach((_, k) => lines.push({ parts: children.map((child) => child.cells[b]![k]!), sum: own.cells[b]![k]! })),
    );
  }

  const hidden = values.map((value) => value > 0 && value < threshold);
  const smallestVisible = (parts: number[]) =>
    parts.filter((p) => !hidden[p] && values[p]! > 0).sort((a, b) => values[a]! - values[b]! || a - b)[0];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const withheld = line.parts.filter((p) => hidden[p]).length;
      if (!hidden[line.sum] && withheld === 1) {
        hidden[smallestVisible(line.parts) ?? line.sum] = true;
        changed = true;
      } else if (hidden[line.sum] && withheld === 0) {
        const part = smallestVisible(line.parts);
        // Parts all zero and the sum withheld cannot happen: a sum of zeros is zero, never withheld.
        if (part !== undefined) {
          hidden[part] = true;
          changed = true;
        }
      }
    }
  }

  const show = (index: number): DisclosedCount =>
    hidden[index] ? { count: null, suppressed: true } : { count: values[index]!, suppressed: false };
  return new Map(
    nodes.map((node) => {
      const own = items.get(node)!;
      return [
        node.code,
        { code: node.code, depth: node.depth, parent: node.parent, total: show(own.total), cells: own.cells.map((row) => row.map(show)) },
      ];
    }),
  );
}

function buildTree(leaves: readonly NestedLeaf[], breakdowns: readonly NestedBreakdown[]): Node {
  const empty = (code: string, depth: number, parent: string | null): Node => ({
    code,
    depth,
    parent,
    total: 0,
    cells: breakdowns.map((b) => b.keys.map(() => 0)),
    children: [],
  });
  const root = empty('', 0, null);
  const byCode = new Map<string, Node>([['', root]]);
  for (const leaf of leaves) {
    let parent = root;
    const chain = [root];
    leaf.path.forEach((code, i) => {
      let node = byCode.get(code);
      if (!node) {
        node = empty(code, i + 1, parent.code);
        byCode.set(code, node);
        parent.children.push(node);
      }
      chain.push(node);
      parent = node;
    });
    for (const node of chain) {
      node.total += leaf.total;
      leaf.counts.forEach((row, b) => row.forEach((count, k) => (node.cells[b]![k] = node.cells[b]![k]! + count)));
    }
  }
  // The same records give the same pattern whatever order the rows came in.
  const sort = (node: Node) => {
    node.children.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    node.children.forEach(sort);
  };
  sort(root);
  return root;
}
