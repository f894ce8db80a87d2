import type { DataSource } from 'typeorm';

/**
 * Runs a named data load at most once per database: demo data must be neither duplicated nor
 * reloaded over partners' edits by a second `npm start`. The marker is written after the load, so a
 * load interrupted half-way runs again next time; loads must therefore be idempotent (upserts,
 * clientMutationIds).
 */
export async function seedOnce(dataSource: DataSource, name: string, load: (dataSource: DataSource) => Promise<void>): Promise<boolean> {
  await dataSource.query(`CREATE TABLE IF NOT EXISTS seed_run (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done: unknown[] = await dataSource.query(`SELECT 1 FROM seed_run WHERE name = $1`, [name]);
  if (done.length > 0) return false;
  await load(dataSource);
  await dataSource.query(`INSERT INTO seed_run (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
  return true;
}
