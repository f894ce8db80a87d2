import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a named data load at most once per database (demo data must not be duplicated, nor reloaded
 * over partners' edits, by a second `npm start`). The marker row and the load share one transaction.
 */
export async function seedOnce(
  dataSource: DataSource,
  name: string,
  load: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS seed_run (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO seed_run (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name`,
      [name],
    );
    if (inserted.length === 0) return false;
    await load(manager);
    return true;
  });
}
