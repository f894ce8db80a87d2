import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@peacegraph/kit/embedded';

/**
 * The embedded PostgreSQL as `npm start` runs it (scripts/platform/postgres-process.ts, a real
 * process): what small partners run in production.
 */
describe('the embedded PostgreSQL of npm start', () => {
  let dir: string;
  let dataDir: string;
  let port: number;
  const running: { kill: (signal: NodeJS.Signals) => void; exited: Promise<number | null> }[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-pg-'));
    fs.chmodSync(dir, 0o777); // PostgreSQL runs as the postgres user when we are root.
    dataDir = path.join(dir, 'data');
    port = await freePort();
  });
  afterAll(async () => {
    for (const p of running) p.kill('SIGTERM');
    await Promise.all(running.map((p) => p.exited));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts postgres-process.ts; resolves with its URL, or rejects with what it printed. */
  function startProcess(): Promise<{ url: string; exited: Promise<number | null> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../platform/postgres-process.ts')], {
      env: { ...process.env, PEACEGRAPH_PG_DATA: dataDir, PEACEGRAPH_PG_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    running.push({ kill: (signal) => child.kill(signal), exited });
    return new Promise((resolve, reject) => {
      child.once('message', (message: { ready: string }) => resolve({ url: message.ready, exited }));
      void exited.then((code) => reject(new Error(`exited with code ${code}: ${output}`)));
    });
  }

  /** Right after a kill the old backends may hold shared memory for a moment: try again, as the supervisor does. */
  async function start(): Promise<{ url: string; exited: Promise<number | null> }> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await startProcess();
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  it('keeps every confirmed write when the postmaster is killed with SIGKILL, and its process exits to be restarted', async () => {
    const first = await start();
    const setup = new Client({ connectionString: first.url });
    await setup.connect();
    await setup.query('CREATE TABLE confirmed_case (id int PRIMARY KEY, narrative text NOT NULL)');
    await setup.end();

    // Writers commit as fast as they can; the server is killed in the middle of it.
    const confirmed = new Set<number>();
    let next = 0;
    const writers = Array.from({ length: 4 }, async () => {
      const client = new Client({ connectionString: first.url });
      client.on('error', () => {});
      await client.connect();
      try {
        for (;;) {
          const id = (next += 1);
          await client.query('INSERT INTO confirmed_case (id, narrative) VALUES ($1, $2)', [id, `case ${id}`]);
          confirmed.add(id);
        }
      } catch {
        // The server went away mid-write: that write was never confirmed.
      }
    });
    while (confirmed.size < 300) await new Promise((r) => setTimeout(r, 5));
    process.kill(postmasterPid(), 'SIGKILL');
    await Promise.all(writers);
    // The process notices its server is gone and exits non-zero, for the supervisor to restart it.
    expect(await first.exited).toBe(1);

    const second = await start();
    const reader = new Client({ connectionString: second.url });
    await reader.connect();
    const { rows } = await reader.query<{ id: number }>('SELECT id FROM confirmed_case');
    const settings = await reader.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'unix_socket_directories') ORDER BY name",
    );
    await reader.end();
    const stored = new Set(rows.map((r) => r.id));
    expect(confirmed.size).toBeGreaterThanOrEqual(300);
    expect([...confirmed].filter((id) => !stored.has(id))).toEqual([]);
    expect(settings.rows).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'full_page_writes', setting: 'on' },
      { name: 'synchronous_commit', setting: 'on' },
      { name: 'unix_socket_directories', setting: dataDir },
    ]);
    // The socket and its lock file are in the data directory, not in /tmp where platforms collide.
    expect(fs.existsSync(path.join(dataDir, `.s.PGSQL.${port}`))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, `.s.PGSQL.${port}.lock`))).toBe(true);
    expect(fs.existsSync(`/tmp/.s.PGSQL.${port}`)).toBe(false);
  });

  it('stops an orphaned server still running on its data directory, then starts', async () => {
    const current = running.at(-1)!;
    const orphan = postmasterPid();
    // Its supervising process dies without a word (kill -9): the server it ran is left behind.
    current.kill('SIGKILL');
    await current.exited;
    expect(() => process.kill(orphan, 0)).not.toThrow();
    const next = await start();
    expect(() => process.kill(orphan, 0)).toThrow();
    expect(postmasterPid()).not.toBe(orphan);
    const client = new Client({ connectionString: next.url });
    await client.connect();
    expect((await client.query('SELECT count(*)::int AS n FROM confirmed_case')).rows[0].n).toBeGreaterThanOrEqual(300);
    await client.end();
  });

  it('says why it could not start instead of an empty rejection', async () => {
    fs.mkdirSync(path.join(dir, 'broken'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'broken', 'PG_VERSION'), '18\n'); // looks initialised, is not
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../platform/postgres-process.ts')], {
      env: { ...process.env, PEACEGRAPH_PG_DATA: path.join(dir, 'broken'), PEACEGRAPH_PG_PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('embedded PostgreSQL failed to start: PostgreSQL did not start in');
    expect(output).not.toContain('Cannot read properties of undefined');
    expect(output).toMatch(/FATAL|could not|No such|denied|invalid/i);
  });
});
