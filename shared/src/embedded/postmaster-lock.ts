import fs from 'node:fs';
import path from 'node:path';

/**
 * What a crash leaves in a data directory, and how to start again after it:
 * - postmaster.pid naming a process that is gone (a kill -9, a power cut): PostgreSQL would refuse to
 *   start, so the file is removed;
 * - postmaster.pid naming a live PostgreSQL of this very directory: an orphan of a platform that was
 *   killed before it could stop it, still holding the port. It is shut down (fast, then immediate);
 * - postmaster.pid naming some other live process (the pid was reused): the file is removed.
 */
export async function recoverDataDirectory(dataDir: string, log?: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (!isPostmasterOf(pid, dataDir)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log?.(`an orphaned PostgreSQL (pid ${pid}) still runs on ${dataDir}; stopping it`);
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await exits(pid, waitMs)) break;
  }
  if (processAlive(pid)) throw new Error(`PostgreSQL process ${pid} holds ${dataDir} and could not be stopped`);
  fs.rmSync(pidFile, { force: true });
}

/** Whether a process runs; EPERM means it does, as another user's (PostgreSQL runs as postgres under root). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux shows a process's command line; elsewhere a live pid in our own lock file is taken as ours. */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return !fs.existsSync('/proc');
  }
  const args = cmdline.split('\0');
  return path.basename(args[0] ?? '').startsWith('postgres') && args.some((a) => path.resolve(a) === path.resolve(dataDir));
}

async function exits(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !processAlive(pid);
}
