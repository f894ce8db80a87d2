import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from '@peacegraph/kit/embedded';

/**
 * One platform per checkout: .data/platform.pid names the running supervisor. A file left by one that
 * was killed is taken over; its children stop by themselves (they watch their parent), so the ports
 * they held free up within seconds.
 */
export function claimPlatform(root: string): { release: () => void; previousCrashed: boolean } {
  const file = path.join(root, '.data', 'platform.pid');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let previousCrashed = false;
  if (fs.existsSync(file)) {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid) && isPlatform(pid)) {
      throw new Error(`PeaceGraph already runs from this folder (process ${pid}); stop it with Ctrl-C or kill ${pid}`);
    }
    previousCrashed = true;
  }
  fs.writeFileSync(file, `${process.pid}\n`);
  return {
    previousCrashed,
    release: () => {
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
    },
  };
}

/** A reused pid is not a running platform: on Linux the command line says which it is. */
function isPlatform(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').match(/scripts\/(start|seed)\.ts/) !== null;
  } catch {
    return !fs.existsSync('/proc');
  }
}
