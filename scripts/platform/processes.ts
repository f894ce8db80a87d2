import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const COLOURS = [36, 33, 35, 32, 34, 31, 96, 93];
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

export function label(name: string, index: number): string {
  const tty = process.stdout.isTTY;
  const padded = name.padEnd(12);
  return tty ? `\x1b[${COLOURS[index % COLOURS.length]}m${padded}\x1b[0m│` : `${padded}│`;
}

/** One pino JSON line made readable; anything else passes through as it is. */
function readable(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const { level, msg, time: _time, pid: _pid, hostname: _host, service: _service, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${LEVELS[level as number] ?? level} ${msg ?? ''}${extra}`;
  } catch {
    return line;
  }
}

export interface Service {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** A TypeScript entry point, alone or with its arguments. */
export type Entry = string | string[];

/** How a process runs TypeScript: compiled once and cached, without tsx's hooks on node_modules. */
export const TYPESCRIPT_HOOK = path.join(__dirname, 'typescript-hook.cjs');

/** Runs a TypeScript entry point with its output prefixed by the service name. */
export function runService(name: string, index: number, entry: Entry, env: NodeJS.ProcessEnv, quiet = false): Service {
  const child = spawn(process.execPath, ['--require', TYPESCRIPT_HOOK, ...[entry].flat()], {
    env: { ...process.env, ...env },
    // Own process group: Ctrl-C reaches only the orchestrator, which stops services in order.
    // The IPC channel closes if the orchestrator dies, and services then stop by themselves.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const prefix = label(name, index);
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (quiet && !/"level":(40|50|60)/.test(line) && line.startsWith('{')) return;
      process.stdout.write(`${prefix} ${readable(line)}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Runs to completion (migrations, seeds); rejects when it fails. */
export async function runTask(name: string, index: number, entry: Entry, env: NodeJS.ProcessEnv): Promise<void> {
  const code = await runService(name, index, entry, env, true).exited;
  if (code !== 0) throw new Error(`${name}: ${[entry].flat().join(' ')} exited with code ${code}`);
}

export async function waitUntilReady(url: string, timeoutMs: number, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${url}: the process exited before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000}s`);
}

/**
 * Waits until the gateway's /ready says it serves the given composition (it polls the registry every
 * 2 s). Gives up after `timeoutMs` and says so: the gateway keeps polling, and serves it when it gets it.
 */
export async function gatewayServes(readyUrl: string, compositionId: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const body = await fetch(readyUrl)
      .then((response) => response.json() as Promise<{ supergraph?: { id?: string } }>)
      .catch(() => undefined);
    if (body?.supergraph?.id === compositionId) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
