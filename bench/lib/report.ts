import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measurement } from './load';

export interface MachineInfo {
  node: string;
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function gitCommit(root: string): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${commit}+uncommitted` : commit;
  } catch {
    return undefined;
  }
}

export function formatTable(measurements: Measurement[]): string {
  const header = ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors/non-2xx'];
  const rows = measurements.map((m) => [
    m.scenario,
    m.target,
    m.requestsPerSecond.toFixed(1),
    String(m.latencyMs.p50),
    String(m.latencyMs.p99),
    String(m.requests),
    `${m.errors + m.timeouts + m.graphqlErrors}/${m.non2xx}`,
  ]);
  return markdownTable(header, rows, new Set([2, 3, 4, 5, 6]));
}

/** bench/results/2025-11-23T16-40-05Z.json: sortable, one file per run, never overwritten. */
export function writeResults(dir: string, startedAt: Date, report: unknown): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = startedAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  const file = path.join(dir, `${stamp}.json`);
  const temporary = `${file}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return file;
}

/** Issue 19's targets: statistics p99 direct and through the gateway, and the gateway's throughput ratios. */
export const TARGETS = { statisticsP99DirectMs: 50, statisticsP99GatewayMs: 60, gatewayOverDirect: 0.9, gatewayOverHive: 1.2 };

export interface ComparisonRow {
  scenario: string;
  statistics: boolean;
  gateway?: Measurement;
  direct?: Measurement;
  hive?: Measurement;
  /** Throughput ratios from the same run; undefined when a side was not measured. */
  gatewayOverDirect?: number;
  gatewayOverHive?: number;
  /** What the scenario misses of the targets; empty when it meets them all. */
  missed: string[];
}

const ratio = (a?: Measurement, b?: Measurement) =>
  a && b && b.requestsPerSecond > 0 ? Math.round((a.requestsPerSecond / b.requestsPerSecond) * 100) / 100 : undefined;

/** One row per scenario with its targets side by side, and what it misses of issue 19's targets. */
export function compare(measurements: Measurement[], statistics: ReadonlySet<string>): ComparisonRow[] {
  const names = [...new Set(measurements.map((m) => m.scenario))];
  return names.map((scenario) => {
    const of = (target: Measurement['target']) => measurements.find((m) => m.scenario === scenario && m.target === target);
    const row: ComparisonRow = {
      scenario,
      statistics: statistics.has(scenario),
      gateway: of('gateway'),
      direct: of('direct'),
      hive: of('hive'),
      missed: [],
    };
    row.gatewayOverDirect = ratio(row.gateway, row.direct);
    row.gatewayOverHive = ratio(row.gateway, row.hive);
    if (row.statistics && row.direct && row.direct.latencyMs.p99 >= TARGETS.statisticsP99DirectMs)
      row.missed.push(`direct p99 ${row.direct.latencyMs.p99} ms ≥ ${TARGETS.statisticsP99DirectMs}`);
    if (row.statistics && row.gateway && row.gateway.latencyMs.p99 >= TARGETS.statisticsP99GatewayMs)
      row.missed.push(`gateway p99 ${row.gateway.latencyMs.p99} ms ≥ ${TARGETS.statisticsP99GatewayMs}`);
    if (row.gatewayOverDirect !== undefined && row.gatewayOverDirect < TARGETS.gatewayOverDirect)
      row.missed.push(`gateway/direct ${row.gatewayOverDirect} < ${TARGETS.gatewayOverDirect}`);
    if (row.gatewayOverHive !== undefined && row.gatewayOverHive < TARGETS.gatewayOverHive)
      row.missed.push(`gateway/Hive ${row.gatewayOverHive} < ${TARGETS.gatewayOverHive}`);
    return row;
  });
}

function markdownTable(header: string[], rows: string[][], numeric: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The comparison as bench/README.md shows it: req/s, p50 and p99 of each target, the ratios, the verdict. */
export function formatComparison(rows: ComparisonRow[]): string {
  const cells = (m?: Measurement) =>
    m ? [m.requestsPerSecond.toFixed(1), String(m.latencyMs.p50), String(m.latencyMs.p99)] : ['–', '–', '–'];
  const header = [
    'scenario',
    'gateway req/s',
    'p50',
    'p99',
    'direct req/s',
    'p50',
    'p99',
    'Hive req/s',
    'p50',
    'p99',
    'gw/direct',
    'gw/Hive',
    'targets',
  ];
  const body = rows.map((r) => [
    r.statistics ? `${r.scenario} (stats)` : r.scenario,
    ...cells(r.gateway),
    ...cells(r.direct),
    ...cells(r.hive),
    r.gatewayOverDirect?.toFixed(2) ?? '–',
    r.gatewayOverHive?.toFixed(2) ?? '–',
    r.missed.length ? `missed: ${r.missed.join('; ')}` : 'met',
  ]);
  return markdownTable(header, body, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
}

export interface MemoryReport {
  /** After the stack answered and before any scenario. */
  atRest: Record<string, number | null>;
  afterFirstLoad?: Record<string, number | null>;
  afterSecondLoad?: Record<string, number | null>;
  loads: { seconds: number; requests: number; requestsPerSecond: number; failed: number }[];
}

/** Resident memory per process: at rest, after each mixed load, and the growth over the second. */
export function formatMemory(memory: MemoryReport): string {
  const names = Object.keys({ ...memory.atRest, ...memory.afterFirstLoad, ...memory.afterSecondLoad });
  const mb = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1));
  const rows = names.map((name) => {
    const first = memory.afterFirstLoad?.[name];
    const second = memory.afterSecondLoad?.[name];
    const growth =
      typeof first === 'number' && typeof second === 'number' ? `${second - first >= 0 ? '+' : ''}${(second - first).toFixed(1)}` : '–';
    return [name, mb(memory.atRest[name]), mb(first), mb(second), growth];
  });
  const seconds = Math.round(memory.loads[0]?.seconds ?? 0);
  return markdownTable(
    ['process', 'RSS at rest MB', `after ${seconds} s load`, `after 2 × ${seconds} s`, 'growth over the second'],
    rows,
    new Set([1, 2, 3, 4]),
  );
}
