import { diffLines } from 'diff';

export interface Cell {
  /** Line number in its own text; null on the side where the line does not exist. */
  line: number | null;
  text: string;
  kind: 'same' | 'removed' | 'added' | 'empty';
}
export type Row = { kind: 'pair'; left: Cell; right: Cell } | { kind: 'skipped'; count: number };

export interface SideBySide {
  rows: Row[];
  added: number;
  removed: number;
}

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Two texts as rows of a side-by-side view: removed lines on the left facing the lines added in their
 * place on the right, unchanged runs longer than twice `context` folded to one "skipped" row, so a
 * one-field change in a 5,000-line supergraph reads as a few rows.
 */
export function sideBySide(before: string, after: string, context = 3): SideBySide {
  const pairs: { left: Cell; right: Cell }[] = [];
  let leftLine = 1;
  let rightLine = 1;
  let added = 0;
  let removed = 0;
  const changes = diffLines(before, after);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of linesOf(change.value)) {
        pairs.push({ left: { line: leftLine++, text, kind: 'same' }, right: { line: rightLine++, text, kind: 'same' } });
      }
      continue;
    }
    // A removal followed by an addition is a replacement: face them line by line.
    const gone = change.removed ? linesOf(change.value) : [];
    const next = changes[i + 1];
    const came = change.added ? linesOf(change.value) : next?.added ? linesOf(next.value) : [];
    if (change.removed && next?.added) i++;
    removed += gone.length;
    added += came.length;
    for (let k = 0; k < Math.max(gone.length, came.length); k++) {
      const left: Cell = k < gone.length ? { line: leftLine++, text: gone[k]!, kind: 'removed' } : { line: null, text: '', kind: 'empty' };
      const right: Cell = k < came.length ? { line: rightLine++, text: came[k]!, kind: 'added' } : { line: null, text: '', kind: 'empty' };
      pairs.push({ left, right });
    }
  }
  return { rows: fold(pairs, context), added, removed };
}

function fold(pairs: { left: Cell; right: Cell }[], context: number): Row[] {
  const changed = pairs.map((p) => p.left.kind !== 'same');
  const keep = changed.map((_, i) => {
    for (let d = -context; d <= context; d++) if (changed[i + d]) return true;
    return false;
  });
  const rows: Row[] = [];
  let skipped = 0;
  pairs.forEach((pair, i) => {
    if (keep[i]) {
      if (skipped > 0) rows.push({ kind: 'skipped', count: skipped });
      skipped = 0;
      rows.push({ kind: 'pair', ...pair });
    } else skipped++;
  });
  if (skipped > 0) rows.push({ kind: 'skipped', count: skipped });
  return rows;
}
