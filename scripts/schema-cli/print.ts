/** The registry's answers as a person reads them in a terminal or a CI log. */

export interface CheckView {
  id: string;
  subgraph: string;
  passed: boolean;
  composed: boolean;
  usageDays: number;
  findings: {
    kind: string;
    severity: string;
    code: string;
    message: string;
    subgraph: string | null;
    line: number | null;
    column: number | null;
    coordinate: string | null;
  }[];
  changes: {
    criticality: string;
    type: string;
    message: string;
    coordinate: string | null;
    usedBy: { name: string | null; clientName: string | null; count: number }[];
    approval: { approvedBy: string } | null;
  }[];
}

export interface PublishView {
  outcome: string;
  reasons: string[];
  version: { id: string; state: string } | null;
  launch: { id: string; reason: string; composition: { id: string } } | null;
  check: CheckView | null;
}

export interface HistoryView {
  launches: {
    nodes: {
      id: string;
      reason: string;
      actor: string;
      launchedAt: string;
      live: boolean;
      message: string | null;
      composition: { id: string };
      version: { subgraph: string } | null;
    }[];
  };
  schemaVersions: {
    nodes: {
      id: string;
      subgraph: string;
      state: string;
      stateReason: string | null;
      author: string;
      message: string | null;
      createdAt: string;
    }[];
  };
}

export interface DiffView {
  from: string;
  to: string;
  changes: { criticality: string; type: string; message: string; coordinate: string | null }[];
}

const MARK: Record<string, string> = { ERROR: '✖', WARNING: '!', INFO: '·' };

export function printCheck(check: CheckView): string {
  const lines = [
    `Check ${check.id} of ${check.subgraph}: ${check.passed ? 'PASSED' : 'FAILED'}${check.composed ? '' : ' (does not compose)'}`,
  ];
  // Past ten findings of one rule, the rest are counted: a schema without descriptions would
  // otherwise bury the one error that matters under hundreds of warnings (--json lists them all).
  const shown = new Map<string, number>();
  for (const f of check.findings) {
    const rule = `${f.kind} ${f.code}`;
    const count = (shown.get(rule) ?? 0) + 1;
    shown.set(rule, count);
    if (count > 10) continue;
    const where = f.line ? ` ${f.subgraph ?? check.subgraph}:${f.line}:${f.column}` : f.coordinate ? ` ${f.coordinate}` : '';
    lines.push(`  ${MARK[f.severity] ?? f.severity} ${f.kind.toLowerCase()} ${f.code}${where}: ${f.message}`);
  }
  for (const [rule, count] of shown)
    if (count > 10) lines.push(`  … and ${count - 10} more ${rule.toLowerCase()} (--json lists every one)`);
  const changes = check.changes;
  if (changes.length) {
    lines.push(`Changes (${changes.length}):`);
    for (const c of changes)
      lines.push(`  ${c.criticality.padEnd(9)} ${c.message}${c.approval ? ` (approved by ${c.approval.approvedBy})` : ''}`);
  }
  return lines.join('\n');
}

export function printPublish(result: PublishView): string {
  const head: Record<string, string> = {
    LAUNCHED: `Launched: composition ${result.launch?.composition.id} is live (version ${result.version?.id}).`,
    WAITING: `Waiting: version ${result.version?.id} launches once its subgraph serves it.`,
    REFUSED: `Refused: version ${result.version?.id ?? '-'} did not pass its checks.`,
    UNCHANGED: 'Unchanged: the live version already is this schema.',
  };
  return [
    head[result.outcome] ?? result.outcome,
    ...result.reasons.map((r) => `  - ${r}`),
    ...(result.check ? [printCheck(result.check)] : []),
  ].join('\n');
}

export function printHistory(history: HistoryView): string {
  const launches = history.launches.nodes.map(
    (l) =>
      `  ${l.live ? '*' : ' '} ${l.launchedAt}  ${l.reason.padEnd(8)} ${l.composition.id}  by ${l.actor}${l.version ? ` (${l.version.subgraph})` : ''}${l.message ? ` — ${l.message}` : ''}`,
  );
  const versions = history.schemaVersions.nodes.map(
    (v) =>
      `    ${v.createdAt}  ${v.subgraph.padEnd(14)} ${v.state.padEnd(10)} ${v.id}  by ${v.author}${v.message ? ` — ${v.message}` : ''}${v.stateReason ? ` [${v.stateReason}]` : ''}`,
  );
  return ['Launches (* live):', ...launches, 'Versions:', ...versions].join('\n');
}

export function printDiff(diff: DiffView): string {
  if (diff.changes.length === 0) return `No change between ${diff.from} and ${diff.to}.`;
  return [
    `${diff.changes.length} change(s) from ${diff.from} to ${diff.to}:`,
    ...diff.changes.map((c) => `  ${c.criticality.padEnd(9)} ${c.message}`),
  ].join('\n');
}
