import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { askPlatform, controlSocketPath } from '../../scripts/platform/control';
import { root } from './config';

/** A process whose memory the bench reads: a service of the platform, or Hive Gateway. */
export interface WatchedProcess {
  name: string;
  pid: number;
}

/** Resident memory of each process, in MB, at one moment. */
export type MemoryReading = Record<string, number | null>;

/**
 * The platform's services and their processes, asked of the `npm start` that runs in this checkout
 * (its control socket): the same list whether the bench started the stack or found it running.
 * Empty when no platform of this checkout answers (a stack on another machine or another checkout).
 */
export async function platformProcesses(): Promise<WatchedProcess[]> {
  try {
    const answer = await askPlatform(controlSocketPath(root), { status: true }, 5000);
    if (!answer.ok) return [];
    return answer.services.filter((s) => s.pid !== undefined).map((s) => ({ name: s.name, pid: s.pid! }));
  } catch {
    return [];
  }
}

/** VmRSS from /proc where there is one (Linux), else `ps` (macOS); null once the process is gone. */
export function residentMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb) return Math.round(Number(kb) / 102.4) / 10;
  } catch {
    // not Linux, or gone: ask ps
  }
  try {
    const kb = Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
    return Number.isFinite(kb) && kb > 0 ? Math.round(kb / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

export function readMemory(processes: WatchedProcess[]): MemoryReading {
  return Object.fromEntries(processes.map((p) => [p.name, residentMb(p.pid)]));
}

/** One request of the mixed load: a scenario's query with its caller, as the gateway gets it. */
export interface MixedRequest {
  body: string;
  authorization?: string;
}

export interface MixedLoad {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  failed: number;
}

/**
 * Every gateway scenario's request in turn on each connection, for `seconds`: a day's traffic in
 * miniature, so that every subgraph and the gateway hold what a long-running process holds (plans,
 * loaders, pools, buffers). Memory read after two of these tells growth from a warm level.
 */
export async function mixedLoad(url: string, requests: MixedRequest[], seconds: number, connections: number): Promise<MixedLoad> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: requests.map((r) => ({
      method: 'POST' as const,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(r.authorization ? { authorization: r.authorization } : {}),
      },
      body: r.body,
    })),
    verifyBody: (body: string) => !body.includes('"errors":'),
  });
  return {
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    failed: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}
