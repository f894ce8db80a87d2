import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../embedded/embedded';

/** Where the test-database helper finds the server that this jest run chose. */
export const TEST_SERVER_ENV = 'PEACEGRAPH_TEST_SERVER_URL';

type Stoppable = { stop: () => Promise<unknown> };
const holder = globalThis as typeof globalThis & { __peacegraphTestServer?: Stoppable };

async function reachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
}

function dockerConfigured(): boolean {
  return Boolean(process.env.DOCKER_HOST) || fs.existsSync('/var/run/docker.sock');
}

async function tryTestcontainers(): Promise<string | undefined> {
  if (!dockerConfigured()) return undefined;
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    holder.__peacegraphTestServer = container;
    return container.getConnectionUri();
  } catch (error) {
    process.stderr.write(`Testcontainers could not start PostgreSQL (${(error as Error).message}); using embedded PostgreSQL\n`);
    return undefined;
  }
}

/**
 * Chooses one PostgreSQL server for the whole run, in the order docs/ARCHITECTURE.md gives:
 * TEST_DATABASE_URL, then a Docker engine through Testcontainers, then embedded PostgreSQL.
 * Each test file then gets its own fresh database on it (see createTestDatabase).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    await reachable(process.env.TEST_DATABASE_URL);
    process.env[TEST_SERVER_ENV] = process.env.TEST_DATABASE_URL;
    process.stderr.write('\nTests use the PostgreSQL server at TEST_DATABASE_URL\n');
    return;
  }
  const containerUrl = await tryTestcontainers();
  if (containerUrl) {
    process.env[TEST_SERVER_ENV] = containerUrl;
    process.stderr.write('\nTests use PostgreSQL in a Testcontainers container\n');
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-test-pg-'));
  // PostgreSQL runs as the unprivileged postgres user when we are root: it must own its directory.
  fs.chmodSync(dataDir, 0o777);
  const server: EmbeddedServer = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'data'),
    port: 0,
    persistent: false,
    // Thrown away after the run: no need to wait for the disk on every commit.
    settings: ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'],
  });
  holder.__peacegraphTestServer = {
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  process.env[TEST_SERVER_ENV] = server.url;
  process.stderr.write(`\nTests use embedded PostgreSQL on port ${server.port}\n`);
}

export async function globalTeardown(): Promise<void> {
  await holder.__peacegraphTestServer?.stop();
}
