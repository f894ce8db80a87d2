import {
  conflict,
  notFound,
  requireOwner,
  requireWriter,
  updateWithVersion,
  type AuditRecorder,
  type Partner,
  type Viewer,
} from '@peacegraph/kit';
import type { DataSource, DeepPartial, EntityManager, EntitySchema } from 'typeorm';
import type { OwnedRecord } from '../entities';

/** The domain: its scopes are mining:write and mining:sensitive. */
export const DOMAIN = 'mining';

/** The unique index a failed INSERT/UPDATE ran into, if that is why it failed. */
export function constraintOf(error: unknown): string | undefined {
  const failure = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  if ((failure.code ?? failure.driverError?.code) !== '23505') return undefined;
  return failure.constraint ?? failure.driverError?.constraint;
}

/** Unique indexes and the clear error each stands for. */
export type Duplicates = Record<string, () => Error>;

export interface WriteSpec<T> {
  schema: EntitySchema<T>;
  recordType: string;
  operation: string;
  /** Input fields named in the audit log (never their values). */
  fields: string[];
  duplicates?: Duplicates;
  /** Writes that belong with this one (participant groups, a commitment's first status). */
  after?: (manager: EntityManager, record: T) => Promise<void>;
}

/**
 * How every write goes: the caller holds mining:write; a change touches only the owner's records at
 * the version the caller read; the write, the writes it implies and its audit row are one
 * transaction; a unique index violated by a concurrent write becomes the same clear error the
 * service gives; a retried create returns the first result.
 */
export class Writes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
    /** Runs after every committed write (the context forgets what its loaders read). */
    private readonly written: () => void = () => {},
  ) {}

  writer(): Partner {
    return requireWriter(this.viewer, DOMAIN);
  }

  /** The record the caller's organisation created earlier with this clientMutationId. */
  async retried<T extends OwnedRecord>(schema: EntitySchema<T>, writer: Partner, clientMutationId: string | null | undefined): Promise<T | null> {
    if (!clientMutationId) return null;
    return this.dataSource.getRepository(schema).findOneBy({ ownerOrg: writer.organisationId, clientMutationId } as never);
  }

  /** A record the caller may change: it exists, its organisation owns it, and it is the version read. */
  editable<T extends OwnedRecord>(writer: Partner, record: T | null, type: string, id: string, version: number): T {
    if (!record) throw notFound(type, id);
    requireOwner(writer, record.ownerOrg, `${type} ${id}`);
    if (record.version !== version) {
      throw conflict(`${type} ${id} has changed since you read it (version ${record.version}, you sent ${version})`, {
        currentVersion: record.version,
      });
    }
    return record;
  }

  async create<T extends OwnedRecord>(
    writer: Partner,
    values: Omit<T, keyof OwnedRecord | 'articleNumber'>,
    clientMutationId: string | null | undefined,
    spec: WriteSpec<T>,
  ): Promise<T> {
    try {
      return await this.transaction(async (manager) => {
        const rows = manager.getRepository(spec.schema);
        const row = { ...values, ownerOrg: writer.organisationId, createdBy: writer.subject, clientMutationId: clientMutationId ?? null };
        const created = await rows.save(rows.create(row as unknown as DeepPartial<T>));
        await spec.after?.(manager, created);
        await this.record(manager, spec, [created.id], writer.organisationId);
        return created;
      }, spec.duplicates);
    } catch (error) {
      // Two retries of one request raced: the loser answers with the winner's record.
      const table = this.dataSource.getMetadata(spec.schema).tableName;
      if (clientMutationId && constraintOf(error) === `${table}_client_mutation`) {
        const earlier = await this.retried(spec.schema, writer, clientMutationId);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  update<T extends OwnedRecord>(current: T, version: number, changes: Partial<T>, spec: WriteSpec<T>): Promise<T> {
    return this.transaction(async (manager) => {
      const updated = await updateWithVersion(manager, spec.schema as never, spec.recordType, current.id, version, changes as never);
      await spec.after?.(manager, updated as T);
      await this.record(manager, spec, [current.id], current.ownerOrg);
      return updated as T;
    }, spec.duplicates);
  }

  private record(manager: EntityManager, spec: Pick<WriteSpec<unknown>, 'operation' | 'recordType' | 'fields'>, ids: string[], ownerOrg: string): Promise<void> {
    return this.audit.recordWrite(manager, {
      operation: spec.operation,
      recordType: spec.recordType,
      recordIds: ids,
      fields: spec.fields.filter((f) => f !== 'clientMutationId'),
      ownerOrg,
    });
  }

  private async transaction<T>(work: (manager: EntityManager) => Promise<T>, duplicates: Duplicates = {}): Promise<T> {
    try {
      const result = await this.dataSource.transaction(work);
      this.written();
      return result;
    } catch (error) {
      const constraint = constraintOf(error);
      const duplicate = constraint ? duplicates[constraint] : undefined;
      if (duplicate) throw duplicate();
      throw error;
    }
  }
}
