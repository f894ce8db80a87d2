import type { DataSource } from 'typeorm';
import { AuditRecorder } from '../audit/recorder';
import type { Viewer } from '../auth/viewer';

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

/** Who a demo load writes as, and the audit of its writes. */
export interface DemoSeeder {
  viewer: Viewer;
  audit: AuditRecorder;
}

/**
 * A demo load acts as one organisation's own staff (`demo-seed`), through the same services and rules
 * as partners, with the scopes those writes need; its writes are audited like anyone's.
 */
export function demoSeeder(dataSource: DataSource, organisationId: string, scopes: string[]): DemoSeeder {
  const viewer: Viewer = { kind: 'partner', subject: 'demo-seed', organisationId, scopes: new Set(scopes), via: 'token' };
  return { viewer, audit: new AuditRecorder(dataSource, viewer, { operation: 'seed', purpose: 'demo data', requestId: null }) };
}
