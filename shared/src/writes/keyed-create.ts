import type { DataSource, EntitySchema } from 'typeorm';
import { badInput } from '../errors/errors';

/**
 * A create that carries a clientMutationId happens once per organisation and key, and every copy of
 * the request answers with the record it made: a retry sent later, and copies sent at the same time.
 *
 * The `<table>_client_mutation` unique index (owner_org, client_mutation_id) decides which copy
 * wins: at most one commits. The others fail, either on that index or on a rule that now sees the
 * winner's row ("Session 1 was already delivered", "The cohort already has an action plan"). A copy
 * that fails for any reason looks its key up again and, if a record is there, answers with it: the
 * request it stands for was done. That is sound because a failure a concurrent copy caused can only
 * come after that copy committed: reads see committed rows only, and a write that waited on the
 * winner's row lock or index entry resumes once the winner has committed. A failure with no record
 * behind the key is the request's own (bad input, no permission, the database down) and is thrown.
 *
 * Not a pg_advisory_xact_lock on (table, owner, key) around the create: services validate with reads
 * outside the write's transaction (loaders, the directory over HTTP), so the lock would have to hold
 * a transaction, and a pooled connection, open across that validation; a burst of copies would then
 * hold every connection of the pool waiting on one another while the winner waits for a connection.
 */
const MAX_CLIENT_MUTATION_ID = 200;

export async function createOnce<T>(
  clientMutationId: string | null | undefined,
  /** The record the caller's organisation made with this key, if any. */
  earlier: () => Promise<T | null>,
  /** Validation and the write, in the write's own transaction. */
  create: () => Promise<T>,
): Promise<T> {
  if (!clientMutationId) return create();
  // A key, not data: long enough for any UUID or composed key, short enough to index (a btree row
  // holds ~2.7 KB) and to keep a hostile caller from storing megabytes in it.
  if (clientMutationId.length > MAX_CLIENT_MUTATION_ID) {
    throw badInput(
      'input.clientMutationId',
      `clientMutationId is at most ${MAX_CLIENT_MUTATION_ID} characters (a key your client makes, such as a UUID), got ${clientMutationId.length}`,
    );
  }
  const first = await earlier();
  if (first) return first;
  try {
    return await create();
  } catch (error) {
    // A copy of this request won the race: its record is the answer. The lookup's own failure
    // (the database gone) must not hide why the create failed.
    const winner = await earlier().catch(() => null);
    if (winner) return winner;
    throw error;
  }
}

/**
 * `createOnce` for a record keyed by its owner and clientMutationId (the `<table>_client_mutation`
 * index): the earlier record is the one the writer's organisation made with that key.
 */
export function createOnceFor<T extends { ownerOrg: string; clientMutationId: string | null }>(
  dataSource: DataSource,
  schema: EntitySchema<T>,
  organisationId: string,
  clientMutationId: string | null | undefined,
  create: () => Promise<T>,
): Promise<T> {
  const earlier = () => dataSource.getRepository(schema).findOneBy({ ownerOrg: organisationId, clientMutationId } as never);
  return createOnce(clientMutationId, earlier, create);
}
