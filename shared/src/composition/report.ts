import path from 'node:path';
import type { ComposeReport } from './compose-supergraph';
import type { SchemaChange } from './schema-diff';

/** The summary `npm run compose` prints; lines without colour so CI logs stay readable. */
export function describeReport(report: ComposeReport): string[] {
  const lines: string[] = [];
  const shown = (file: string) => path.relative(process.cwd(), file) || file;

  if (report.problems.length > 0) {
    lines.push(`Composition failed with ${plural(report.problems.length, 'error')}:`);
    for (const problem of report.problems) {
      lines.push(`  - [${problem.code}] ${problem.message}`);
      for (const location of problem.at) lines.push(`      at ${shown(location)}`);
    }
    return lines;
  }

  const names = report.subgraphs.map((s) => `${s.name} (${s.routingUrl})`).join(', ');
  lines.push(`Composed ${plural(report.subgraphs.length, 'subgraph')}: ${names}`);
  lines.push(`API schema: ${plural(report.apiTypes, 'type')}, ${plural(report.apiFields, 'field')}`);

  const out = shown(report.outPath);
  if (report.check) {
    const state = {
      missing: `${out} does not exist yet (run \`npm run compose\`)`,
      unchanged: `${out} is up to date`,
      changed: `${out} would change (run \`npm run compose\` to write it)`,
    } as const;
    lines.push(state[report.previous]);
  } else {
    lines.push(
      report.refusedBreaking
        ? `${out} NOT written: the composition breaks clients (below); run \`npm run compose -- --allow-breaking\` to write it anyway`
        : report.written
          ? `Wrote ${out}`
          : `${out} unchanged`,
    );
  }

  const against = shown(report.againstPath);
  if (report.baseline === 'missing') {
    lines.push(`No supergraph at ${against} to compare with: breaking changes not checked`);
  } else if (report.baseline === 'invalid') {
    lines.push(`${against} is not a valid supergraph: breaking changes not checked`);
  } else if (report.diff) {
    if (report.diff.breaking.length === 0) {
      lines.push('no breaking changes');
    } else {
      lines.push(`${plural(report.diff.breaking.length, 'breaking change')} against ${against}:`);
      lines.push(...listed(report.diff.breaking));
    }
    if (report.diff.dangerous.length > 0) {
      lines.push(`${plural(report.diff.dangerous.length, 'dangerous change')} (no query breaks, results may differ):`);
      lines.push(...listed(report.diff.dangerous));
    }
    if (report.diff.safe.length > 0) {
      lines.push(`${plural(report.diff.safe.length, 'safe change')}:`);
      lines.push(...listed(report.diff.safe));
    }
  }
  return lines;
}

/** The changelog: one line per change, its type and GraphQL Inspector's sentence. */
function listed(changes: readonly SchemaChange[]): string[] {
  return changes.map((change) => `  - ${change.type}: ${change.message}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
