import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@peacegraph/kit/embedded';
import { dropDatabase, ensureDatabase, withDatabase } from '@peacegraph/kit/sql';
import { TEST_AUTH, testServerUrl } from '@peacegraph/kit/testing';
import { TYPESCRIPT_HOOK, waitUntilReady } from '../platform/processes';

/**
 * npm start's subgraph process (`scripts/subgraph.ts start`, run as npm start runs it): it applies
 * what its database lacks and then serves, on every start, so no start can skip a new migration.
 * The directory, because it needs no other service to place its demo data.
 */
describe('a subgraph started by npm start', () => {
  const server = () => testServerUrl();
  const name = `start_${process.pid}`;
  let url: string;
  let db: Client;

  beforeAll(async () => {
    await ensureDatabase(server(), name);
    url = withDatabase(server(), name);
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await dropDatabase(server(), name);
  });

  /** Starts the directory on the test database, waits until it serves, then stops it. */
  async function startOnce(): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--require', TYPESCRIPT_HOOK, path.join(__dirname, '../subgraph.ts'), 'start', 'directory'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_HS256_SECRET: TEST_AUTH.hs256Secret,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/ready`, 90_000, exited);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    return output;
  }

  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);

  it('migrates, loads the demo data once, and serves', async () => {
    const output = await startOnce();
    expect(output).toContain('migrations applied');
    expect(output).toContain('"loaded":true');
    const migrations = await count('SELECT count(*) AS n FROM migrations');
    expect(migrations).toBeGreaterThan(1);
    expect(await count(`SELECT count(*) AS n FROM migrations WHERE name = 'AuditLogPurposeIndex1765300000000'`)).toBe(1);
    const organisations = await count('SELECT count(*) AS n FROM organisation');
    expect(organisations).toBeGreaterThan(0);

    const again = await startOnce();
    expect(again).not.toContain('migrations applied');
    expect(again).toContain('demo data already present');
    expect(await count('SELECT count(*) AS n FROM migrations')).toBe(migrations);
    expect(await count('SELECT count(*) AS n FROM organisation')).toBe(organisations);
  }, 240_000);

  it('applies a migration the database has not seen at the next start', async () => {
    // What a new migration looks like to a database: one it has no row for, whose work is not done.
    await db.query(`DELETE FROM migrations WHERE name = 'AuditLogPurposeIndex1765300000000'`);
    await db.query('DROP INDEX audit_log_purpose');
    const before = await count('SELECT count(*) AS n FROM migrations');

    const output = await startOnce();
    expect(output).toContain('AuditLogPurposeIndex1765300000000');
    expect(await count('SELECT count(*) AS n FROM migrations')).toBe(before + 1);
    expect(await count(`SELECT count(*) AS n FROM pg_indexes WHERE indexname = 'audit_log_purpose'`)).toBe(1);
  }, 120_000);
});
