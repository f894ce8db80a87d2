import {
  conflict,
  createOnceFor,
  notFound,
  requireOwner,
  requireWriter,
  updateWithVersion,
  type AuditRecorder,
  type Partner,
  type Viewer,
} from '@peacegraph/kit';
import type { DataSource, DeepPartial, EntityManager, EntitySchema } from 'typeorm';
import type { OwnedRecord, RetriableRecord } from '../entities';

/** The domain: its scopes are forums:write and forums:sensitive. */
export const DOMAIN = 'forums';

type Values<T> = Omit<T, keyof RetriableRecord> & { id?: string };

/** What a write records in the audit log (field names, never values). */
export interface AuditSpec {
  operation: string;
  recordType: string;
  fields: string[];
}

/**
 * How every write goes: the caller holds forums:write; a change touches only the owner's records at
 * the version the caller read; the write, the writes it implies and its audit row are one
 * transaction; a create keyed by clientMutationId runs through `once`, so a retry, sequential or
 * concurrent, returns the first result; loaders forget what they read once a write has committed, so
 * the next mutation of the request validates against it.
 */
export class Writes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
    private readonly written: () => void,
  ) {}

  writer(): Partner {
    return requireWriter(this.viewer, DOMAIN);
  }

  /**
   * A create keyed by clientMutationId: `create` (validation and `this.create`) runs only when the
   * caller's organisation has no record with that key yet, and a copy that lost a race answers with
   * the winner's record (the kit's `createOnce`). Every create mutation that takes a key goes through here.
   */
  once<T extends RetriableRecord>(
    schema: EntitySchema<T>,
    clientMutationId: string | null | undefined,
    create: (writer: Partner) => Promise<T>,
  ): Promise<T> {
    const writer = this.writer();
    return createOnceFor(this.dataSource, schema, writer.organisationId, clientMutationId, () => create(writer));
  }

  /** The caller's organisation owns the record (refused before anything else is checked or written). */
  owned<T extends OwnedRecord>(writer: Partner, record: T | null, type: string, id: string): T {
    if (!record) throw notFound(type, id);
    requireOwner(writer, record.ownerOrg, `${type} ${id}`);
    return record;
  }

  /** A record the caller may change: it exists, its organisation owns it, and it is the version read. */
  editable<T extends OwnedRecord>(writer: Partner, record: T | null, type: string, id: string, version: number): T {
    const owned = this.owned(writer, record, type, id);
    if (owned.version !== version) {
      throw conflict(`${type} ${id} has changed since you read it (version ${owned.version}, you sent ${version})`, {
        currentVersion: owned.version,
      });
    }
    return owned;
  }

  /**
   * Creates a record owned by the caller's organisation, with `after` writing what belongs with it
   * (texts, recipients). Checks that need the transaction (a row lock, a count: the kit's `atMost`)
   * go in `values` given as a function, which runs first in the transaction.
   */
  create<T extends RetriableRecord>(
    writer: Partner,
    schema: EntitySchema<T>,
    /** The record's values, or a function computing them in the transaction (e.g. a number under a row lock). */
    values: Values<T> | ((manager: EntityManager) => Promise<Values<T>>),
    clientMutationId: string | null | undefined,
    audit: AuditSpec,
    after?: (manager: EntityManager, record: T) => Promise<string[] | void>,
  ): Promise<T> {
    return this.transaction(async (manager) => {
      const rows = manager.getRepository(schema);
      const row = {
        ...(typeof values === 'function' ? await values(manager) : values),
        ownerOrg: writer.organisationId,
        createdBy: writer.subject,
        clientMutationId: clientMutationId ?? null,
      };
      const created = await rows.save(rows.create(row as unknown as DeepPartial<T>));
      const others = (await after?.(manager, created)) ?? [];
      await this.record(manager, audit, [created.id, ...others], writer.organisationId);
      return created;
    });
  }

  /**
   * Changes a record on the version read (its version goes up even when only its children change),
   * then runs `after` in the same transaction. Returns the record as stored.
   */
  update<T extends OwnedRecord>(
    schema: EntitySchema<T>,
    current: T,
    version: number,
    changes: Partial<T>,
    audit: AuditSpec,
    after?: (manager: EntityManager, record: T) => Promise<string[] | void>,
  ): Promise<T> {
    return this.transaction(async (manager) => {
      const updated = await updateWithVersion(manager, schema as never, audit.recordType, current.id, version, changes as never);
      const others = (await after?.(manager, updated as T)) ?? [];
      await this.record(manager, audit, [current.id, ...others], current.ownerOrg);
      return updated as T;
    });
  }

  private record(manager: EntityManager, spec: AuditSpec, ids: string[], ownerOrg: string): Promise<void> {
    return this.audit.recordWrite(manager, {
      operation: spec.operation,
      recordType: spec.recordType,
      recordIds: [...new Set(ids)],
      fields: spec.fields.filter((f) => f !== 'clientMutationId'),
      ownerOrg,
    });
  }

  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.written();
    return result;
  }
}
