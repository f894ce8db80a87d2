import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import { conflict } from '../errors/errors';

/**
 * Optimistic locking: updates a row only if it still has the version the client read, bumps the
 * version, and returns the row as stored. The version in the WHERE clause makes check and write one
 * atomic step, so two partners editing the same record cannot overwrite each other silently.
 */
export async function updateWithVersion<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  schema: EntitySchema<T>,
  label: string,
  id: string,
  version: number,
  fields: Partial<T>,
): Promise<T> {
  const result = await manager
    .createQueryBuilder()
    .update(schema)
    .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  const stored = await manager.getRepository(schema).findOneByOrFail({ id } as never);
  if (result.affected !== 1) {
    throw conflict(`${label} ${id} has changed since you read it (version ${stored.version}, you sent ${version})`, {
      currentVersion: stored.version,
    });
  }
  return stored;
}
