import type { Client } from 'pg';
import { CASE_FIGURES_REBUILD } from '../../subgraphs/conflicts/src/statistics/case-figures.repository';
import { REACH_REBUILD } from '../../subgraphs/curriculum/src/reach/reach-rollup';
import { CASELOAD_REBUILD } from '../../subgraphs/displacement/src/statistics/caseload-rollup';
import { TRAINING_MONTHS_REBUILD } from '../../subgraphs/mining/src/statistics/training-months.repository';

/**
 * A subgraph's statistics rollups as `npm run rollups` sees them: the tables they count (`sources`),
 * the rollup tables, and the statements that fill emptied rollups from every source row (the ones the
 * migrations and the bench generator use, so a rebuild gives exactly the rows they give).
 */
export interface Rollups {
  sources: readonly string[];
  rollups: readonly {
    table: string;
    /** A row that counts nothing (writes may leave one; a fill makes none): left out of the comparison. */
    empty?: string;
    /** The columns compared (default every one). */
    compared?: string;
  }[];
  fill: readonly string[];
  /** Statements after the fill: for displacement, moving the version its kept answers are keyed by. */
  after?: readonly string[];
}

export const ROLLUPS = {
  conflicts: CASE_FIGURES_REBUILD,
  mining: TRAINING_MONTHS_REBUILD,
  curriculum: REACH_REBUILD,
  displacement: CASELOAD_REBUILD,
} satisfies Record<string, Rollups>;

export type RollupSubgraph = keyof typeof ROLLUPS;
export const ROLLUP_SUBGRAPHS = Object.keys(ROLLUPS) as RollupSubgraph[];

/**
 * Empties the rollups and fills them again, in one transaction with the sources locked against writes
 * (SHARE: reads go on, writes wait): readers see the old rollup or the new one, never half of either,
 * and no write lands between the fill and the commit.
 */
export async function rebuildRollups(client: Client, rollups: Rollups): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`LOCK TABLE ${rollups.sources.join(', ')} IN SHARE MODE`);
    for (const { table } of rollups.rollups) await client.query(`DELETE FROM ${table}`);
    for (const statement of [...rollups.fill, ...(rollups.after ?? [])]) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  for (const { table } of rollups.rollups) await client.query(`ANALYZE ${table}`);
}

/**
 * Per rollup table, the rows that differ between the stored rollup and a fresh fill from the sources
 * (rows stored but not computed, plus rows computed but not stored). The fresh fill goes into
 * temporary tables of the same names, which the session finds before the stored ones, so the fill
 * statements run unchanged and nothing stored is written. One snapshot (repeatable read) for both.
 */
export async function checkRollups(client: Client, rollups: Rollups): Promise<Record<string, number>> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    const stored = new Map<string, string>();
    for (const { table } of rollups.rollups) {
      const [row] = (
        await client.query<{ schema: string }>(`SELECT relnamespace::regnamespace::text AS schema FROM pg_class WHERE oid = $1::regclass`, [
          table,
        ])
      ).rows;
      stored.set(table, `${row!.schema}.${table}`);
      await client.query(`CREATE TEMPORARY TABLE ${table} (LIKE ${row!.schema}.${table} INCLUDING ALL) ON COMMIT DROP`);
    }
    for (const statement of rollups.fill) await client.query(statement);
    const differing: Record<string, number> = {};
    for (const { table, empty, compared = '*' } of rollups.rollups) {
      const rows = (from: string) => `SELECT ${compared} FROM ${from}${empty ? ` WHERE NOT (${empty})` : ''}`;
      const [row] = (
        await client.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM (
             (${rows(stored.get(table)!)} EXCEPT ALL ${rows(`pg_temp.${table}`)})
             UNION ALL
             (${rows(`pg_temp.${table}`)} EXCEPT ALL ${rows(stored.get(table)!)})
           ) AS differing`,
        )
      ).rows;
      differing[table] = row!.count;
    }
    return differing;
  } finally {
    await client.query('ROLLBACK');
  }
}
