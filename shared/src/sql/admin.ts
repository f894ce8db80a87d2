import { Client } from 'pg';

/** Replaces the database name in a connection URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the database if the server does not have it yet (PostgreSQL has no CREATE DATABASE IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<boolean> {
  if (!SAFE_NAME.test(database)) throw new Error(`Refusing to create database with unsafe name "${database}"`);
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${database}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!SAFE_NAME.test(database)) throw new Error(`Refusing to drop database with unsafe name "${database}"`);
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
