import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What the console's build is made from: a change to any of these makes npm start build it again. */
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json'];
const STAMP = '.source-hash';

function filesUnder(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

export function consoleSourceHash(consoleDir: string): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(path.join(consoleDir, input)))) {
    hash.update(path.relative(consoleDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the console (Vite) unless its last build came from the same sources. The built files are not
 * committed; a fresh clone builds them on its first npm start (about 2 s) and a warm start skips it.
 * Returns whether it built.
 */
export async function ensureConsoleBuilt(root: string): Promise<boolean> {
  const consoleDir = path.join(root, 'console');
  const dist = path.join(consoleDir, 'dist');
  const hash = consoleSourceHash(consoleDir);
  const stamp = path.join(dist, STAMP);
  if (fs.existsSync(path.join(dist, 'index.html')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return false;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: consoleDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`the console did not build:\n${Buffer.concat(output).toString('utf8').trim()}`);
  fs.writeFileSync(stamp, hash);
  return true;
}
