import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { portInUse } from '@peacegraph/kit/embedded';
import { root } from './config';

export interface Stack {
  /** True when the bench found a stack already running and will leave it running. */
  reused: boolean;
  describe: string;
  /** The embedded PostgreSQL port that the started stack reported, if it used one. */
  embeddedPgPort?: number;
  /** Stops a stack the bench started (no-op for a reused one) and checks that nothing is left behind. */
  stop: () => Promise<StopReport>;
}

export interface StopReport {
  stopped: boolean;
  exitCode?: number | null;
  ms?: number;
  /** Ports still answering after the stop (should be empty). */
  leftovers: string[];
}

export interface StackOptions {
  gatewayUrl: string;
  /** The subgraphs the selected scenarios drive directly, by name: they must answer /ready too. */
  needed: Map<string, string>;
  /** Every subgraph a started stack runs, by name: their ports must be free again after the stop. */
  subgraphUrls: Map<string, string>;
  startTimeoutMs: number;
  log: (line: string) => void;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export async function isReady(graphqlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/ready', graphqlUrl), { signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}

function portOf(url: string): number {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, gone?: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone?.()) return false;
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/**
 * Uses the stack that answers at the gateway's /ready, or starts one with scripts/start.ts (the same
 * code as `npm start`) when nothing listens on the gateway's port on this machine.
 */
export async function openStack(options: StackOptions): Promise<Stack> {
  const { gatewayUrl, needed, log } = options;
  const local = LOCAL_HOSTS.has(new URL(gatewayUrl).hostname);
  const gatewayPort = portOf(gatewayUrl);

  const reuse = async (): Promise<Stack> => {
    for (const [name, url] of needed) {
      if (!(await isReady(url))) {
        throw new Error(
          `the gateway at ${gatewayUrl} is ready but the ${name} subgraph at ${url} is not; set BENCH_${name.toUpperCase()}_URL to where it runs`,
        );
      }
    }
    return { reused: true, describe: `reused the stack at ${gatewayUrl}`, stop: async () => ({ stopped: false, leftovers: [] }) };
  };

  if (await isReady(gatewayUrl)) return reuse();
  if (!local)
    throw new Error(
      `nothing is ready at ${gatewayUrl}, and the bench only starts a stack on this machine; start it there or unset BENCH_GATEWAY_URL`,
    );
  if (await portInUse(gatewayPort)) {
    // Something holds the port: perhaps a stack still starting. Give it a moment rather than collide.
    log(`port ${gatewayPort} is in use but ${gatewayUrl} is not ready yet; waiting up to 60 s`);
    if (await waitFor(() => isReady(gatewayUrl), 60_000)) return reuse();
    throw new Error(`port ${gatewayPort} is in use but ${new URL('/ready', gatewayUrl)} never answered 200`);
  }
  return startStack(options, gatewayPort);
}

/** The gateway and every subgraph needed answer /ready. */
async function allReady(gatewayUrl: string, needed: Map<string, string>): Promise<boolean> {
  if (!(await isReady(gatewayUrl))) return false;
  for (const url of needed.values()) if (!(await isReady(url))) return false;
  return true;
}

async function startStack(options: StackOptions, gatewayPort: number): Promise<Stack> {
  const { gatewayUrl, needed, log } = options;
  const logFile = path.join(os.tmpdir(), `peacegraph-bench-stack-${process.pid}.log`);
  const logStream = fs.createWriteStream(logFile);
  const started = Date.now();
  log(`nothing answers at ${gatewayUrl}: starting the stack (scripts/start.ts), its log in ${logFile}`);

  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    env: {
      ...process.env,
      GATEWAY_PORT: String(gatewayPort),
      // One log line per request would cost the stack CPU that the figures should show as throughput.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // One caller far past any sensible budget: the gateway's rate limits would refuse the run.
      RATE_LIMIT: process.env.RATE_LIMIT ?? 'off',
      // As the Docker image runs them: graphql-js checks every type test twice in development mode
      // (its instanceOf guard against two copies of graphql), a cost no deployment pays.
      NODE_ENV: process.env.NODE_ENV ?? 'production',
    },
    // Its own process group: a Ctrl-C on the bench reaches the bench only, which then stops the
    // stack in order through start.ts's own SIGINT handler.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((exitCode = code))));
  // Should the bench die some other way, the stack must not outlive it.
  const killOnExit = () => {
    if (exitCode === undefined) child.kill('SIGINT');
  };
  process.on('exit', killOnExit);

  let embeddedPgPort: number | undefined;
  const tail: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      logStream.write(`${line}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const port = /embedded PostgreSQL on port (\d+)/.exec(line)?.[1];
      if (port) embeddedPgPort = Number(port);
    });
  }

  const stop = async (): Promise<StopReport> => {
    const stopping = Date.now();
    if (exitCode === undefined) child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    process.off('exit', killOnExit);
    if (code === 'timeout') {
      // start.ts gives each service 10 s, then PostgreSQL; 30 s without exiting is a bug to report.
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    }
    logStream.end();
    const ports: [string, number | undefined][] = [
      ['gateway', gatewayPort],
      ...[...options.subgraphUrls].map(([name, url]): [string, number] => [name, portOf(url)]),
      ['postgres', embeddedPgPort],
    ];
    const leftovers: string[] = [];
    for (const [name, port] of ports) if (port !== undefined && (await portInUse(port))) leftovers.push(`${name} still listens on ${port}`);
    return { stopped: code !== 'timeout', exitCode: code === 'timeout' ? undefined : code, ms: Date.now() - stopping, leftovers };
  };

  const ready = await waitFor(
    () => allReady(gatewayUrl, needed),
    options.startTimeoutMs,
    () => exitCode !== undefined,
  );
  if (!ready) {
    if (exitCode === undefined) await stop();
    throw new Error(
      `the stack did not become ready (${exitCode === undefined ? 'timed out' : `start.ts exited with code ${exitCode}`}); last lines of ${logFile}:\n${tail.join('\n')}`,
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`stack ready in ${seconds} s${embeddedPgPort ? ` (embedded PostgreSQL on port ${embeddedPgPort})` : ''}`);
  return { reused: false, describe: `started by the bench (scripts/start.ts, ready in ${seconds} s)`, embeddedPgPort, stop };
}
