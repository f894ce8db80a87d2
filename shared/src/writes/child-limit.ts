import type { EntityManager } from 'typeorm';

/** "At most `max` children per parent": the rows counted, the row they belong to, and the refusal. */
export interface ChildLimit {
  /** The parent row: its table and id (names from the service's code, never from input). */
  parent: { table: string; id: string };
  /** The rows counted: their table and the column that names the parent. */
  children: { table: string; column: string };
  max: number;
  /** The refusal once the parent has `max` (a badInput naming the field). */
  refusal: () => Error;
}

/**
 * Enforces "at most N per parent" inside the write's transaction (call it from `WriteSpec.check`,
 * before the insert). A count read before the transaction lets every concurrent writer see N - 1
 * and all of them insert (60 simultaneous mobilisations stored 60 of a cohort's 50). Here the
 * parent's row is locked first (FOR NO KEY UPDATE, held to commit), so writers to one parent count
 * one after another, each seeing the rows of those before it. NO KEY UPDATE rather than UPDATE: it
 * does not block inserts of other children that merely reference the parent (their foreign key
 * takes KEY SHARE). Returns how many there were, for numbering the new one.
 */
export async function atMost(manager: EntityManager, limit: ChildLimit): Promise<number> {
  const { parent, children } = limit;
  await manager.query(`SELECT 1 FROM ${parent.table} WHERE id = $1 FOR NO KEY UPDATE`, [parent.id]);
  const [row] = (await manager.query(`SELECT count(*)::int AS n FROM ${children.table} WHERE ${children.column} = $1`, [parent.id])) as {
    n: number;
  }[];
  const count = row?.n ?? 0;
  if (count >= limit.max) throw limit.refusal();
  return count;
}
