import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portInUse } from '@peacegraph/kit/embedded';
import { root } from './config';

/**
 * Hive Gateway (The Guild, MIT) as a bench target: the same supergraph file as ours, on its own port,
 * so that every gateway scenario is measured on both in one run and the ratio needs no other machine.
 * It lives in bench/hive-gateway with its own lockfile (745 packages, about 500 MB): the project's
 * `npm ci` must not carry that, so the bench installs it on first use.
 */
const HOME = path.join(root, 'bench', 'hive-gateway');
const BIN = path.join(HOME, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');

export interface HiveGateway {
  url: string;
  pid: number;
  version: string;
  stop: () => Promise<void>;
}

/** Installs it from bench/hive-gateway/package-lock.json unless it is there already. */
export function ensureHiveInstalled(log: (line: string) => void): void {
  if (fs.existsSync(BIN)) return;
  log('installing Hive Gateway for the bench (bench/hive-gateway, once; about a minute)');
  // --ignore-scripts: npm here runs no dependency install scripts, and Hive Gateway needs none.
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: HOME, stdio: 'ignore' });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(3000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts Hive Gateway on `port` serving `supergraphPath`, and waits until it answers a query. */
export async function startHiveGateway(supergraphPath: string, port: number, log: (line: string) => void): Promise<HiveGateway> {
  ensureHiveInstalled(log);
  if (await portInUse(port)) throw new Error(`port ${port} for Hive Gateway is taken; set BENCH_HIVE_PORT or BENCH_HIVE=false`);
  const version = (
    JSON.parse(fs.readFileSync(path.join(HOME, 'node_modules', '@graphql-hive', 'gateway', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const logFile = path.join(os.tmpdir(), `peacegraph-bench-hive-${process.pid}.log`);
  const output = fs.openSync(logFile, 'w');
  // Run from its folder: it finds gateway.config.mjs there (headers passed on, deduplication off).
  const child: ChildProcess = spawn(process.execPath, [BIN, 'supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: HOME,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', output, output],
  });
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (!exited) child.kill('SIGTERM');
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (!exited) child.kill('SIGKILL');
    fs.closeSync(output);
  };

  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  while (!(await answers(url))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`Hive Gateway did not start; its log: ${logFile}\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`Hive Gateway ${version} serving ${path.relative(root, supergraphPath)} at ${url} (log ${logFile})`);
  return { url, pid: child.pid!, version, stop };
}
