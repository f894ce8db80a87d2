import type { DataSource, DeepPartial, EntityManager, EntitySchema } from 'typeorm';
import type { AuditRecorder } from '../audit/recorder';
import type { Viewer } from '../auth/viewer';
import { conflict, notFound } from '../errors/errors';
import { requireAdmin, requireOwner, requireWriter, type Partner } from '../policy/require';
import { createOnceFor } from './keyed-create';
import { constraintOf, type OwnedRecord } from './owned-record';
import { updateWithVersion } from './versioned-update';

/** Unique indexes and the clear error each stands for. */
export type Duplicates = Record<string, () => Error>;

export interface WriteSpec<T> {
  schema: EntitySchema<T>;
  recordType: string;
  operation: string;
  /** Input fields named in the audit log (never their values). */
  fields: string[];
  duplicates?: Duplicates;
  /** Checks that need the transaction (rows locked, counts at this instant: `atMost`), run before the insert. */
  check?: (manager: EntityManager) => Promise<unknown>;
  /**
   * Writes that belong with this one (child rows, a status a last record completes). It may return the
   * ids of the rows it wrote, named in the same audit row as the record's own: a declaration's texts
   * and recipients are written only through it, and the audit log must show them.
   */
  after?: (manager: EntityManager, record: T) => Promise<string[] | void>;
  /**
   * Columns of a new record that only its transaction can give (a number drawn from a sequence, given
   * back if the write rolls back): run after `check`, merged into the values created.
   */
  fill?: (manager: EntityManager) => Promise<Partial<T>>;
}

/** How a record only admins write, which no organisation owns, is written (`createAsAdmin` …). */
export interface AdminWriteSpec<T> extends WriteSpec<T> {
  /**
   * The organisation its audit row names as the owner, the record having no `ownerOrg`: an
   * organisation owns itself, an API key its organisation.
   */
  auditOwner: (record: T) => string;
}

/**
 * How every write of a domain goes: the caller holds `<domain>:write`; a change touches only the
 * owner's records at the version the caller read; the write, the writes it implies and its audit row
 * are one transaction; a unique index violated by a concurrent write becomes the same clear error the
 * service gives; a create keyed by clientMutationId runs through `once`, so a retry, sequential or
 * concurrent, returns the first result. Records only admins write, which no organisation owns, go
 * the same way through the `…AsAdmin` writes, with the admin role instead of the scope and owner.
 */
export class RecordWrites {
  constructor(
    private readonly domain: string,
    private readonly dataSource: DataSource,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
    /** Runs after every committed write (the context forgets what its loaders read). */
    private readonly written: () => void = () => {},
  ) {}

  writer(): Partner {
    return requireWriter(this.viewer, this.domain);
  }

  /**
   * Records only the platform's admins write (organisations, API keys) need the admin role instead of
   * the domain's write scope and the record's owner. The `…AsAdmin` writes check it again; a service
   * calls this first, so a caller who is no admin hears that before anything about the input.
   */
  admin(): Partner {
    return requireAdmin(this.viewer);
  }

  /**
   * A create keyed by clientMutationId: `create` (validation and `this.create`) runs only when the
   * caller's organisation has no record with that key yet, and a copy that lost a race answers with
   * the winner's record (see `createOnce`). Every create mutation that takes a key goes through here.
   */
  once<T extends OwnedRecord>(
    schema: EntitySchema<T>,
    clientMutationId: string | null | undefined,
    create: (writer: Partner) => Promise<T>,
  ): Promise<T> {
    const writer = this.writer();
    return createOnceFor(this.dataSource, schema, writer.organisationId, clientMutationId, () => create(writer));
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

  create<T extends OwnedRecord>(
    writer: Partner,
    /** The record's own columns (generated ones may be left out). */
    values: Partial<Omit<T, keyof OwnedRecord>>,
    /** Given to `once` as well: the key is stored with the record, whose unique index picks one winner. */
    clientMutationId: string | null | undefined,
    spec: WriteSpec<T>,
  ): Promise<T> {
    return this.transaction(async (manager) => {
      await spec.check?.(manager);
      const filled = await spec.fill?.(manager);
      const rows = manager.getRepository(spec.schema);
      const row = {
        ...values,
        ...filled,
        ownerOrg: writer.organisationId,
        createdBy: writer.subject,
        clientMutationId: clientMutationId ?? null,
      };
      const created = await rows.save(rows.create(row as unknown as DeepPartial<T>));
      const others = (await spec.after?.(manager, created)) ?? [];
      await this.record(manager, spec, [created.id, ...others], writer.organisationId);
      return created;
    }, spec.duplicates);
  }

  /**
   * A create by an admin of a record no organisation owns: no owner, author or key is added to
   * `values`, and the audit row names the owner `spec.auditOwner` gives.
   */
  createAsAdmin<T extends { id: string }>(values: DeepPartial<T>, spec: AdminWriteSpec<T>): Promise<T> {
    this.admin();
    return this.transaction(async (manager) => {
      await spec.check?.(manager);
      const filled = await spec.fill?.(manager);
      const rows = manager.getRepository(spec.schema);
      const created = await rows.save(rows.create({ ...values, ...filled } as DeepPartial<T>));
      const others = (await spec.after?.(manager, created)) ?? [];
      await this.record(manager, spec, [created.id, ...others], spec.auditOwner(created));
      return created;
    }, spec.duplicates);
  }

  update<T extends OwnedRecord>(current: T, version: number, changes: Partial<T>, spec: WriteSpec<T>): Promise<T> {
    return this.transaction(async (manager) => {
      await spec.check?.(manager);
      const updated = await updateWithVersion(manager, spec.schema as never, spec.recordType, current.id, version, changes as never);
      const others = (await spec.after?.(manager, updated as T)) ?? [];
      await this.record(manager, spec, [current.id, ...others], current.ownerOrg);
      return updated as T;
    }, spec.duplicates);
  }

  /** A versioned update by an admin of a record no organisation owns (see `createAsAdmin`). */
  updateAsAdmin<T extends { id: string; version: number }>(
    id: string,
    version: number,
    changes: Partial<T>,
    spec: AdminWriteSpec<T>,
  ): Promise<T> {
    this.admin();
    return this.transaction(async (manager) => {
      await spec.check?.(manager);
      const updated = await updateWithVersion(manager, spec.schema as never, spec.recordType, id, version, changes as never);
      const others = (await spec.after?.(manager, updated as T)) ?? [];
      await this.record(manager, spec, [id, ...others], spec.auditOwner(updated as T));
      return updated as T;
    }, spec.duplicates);
  }

  /**
   * A change by an admin that is no versioned update (revoking an API key: whoever revokes it, and
   * whenever, it ends revoked). `change` makes it with the transaction's manager and gives back the
   * record as stored; its audit row, in the same transaction, names the owner `spec.auditOwner` gives.
   */
  changeAsAdmin<T extends { id: string }>(id: string, change: (manager: EntityManager) => Promise<T>, spec: AdminWriteSpec<T>): Promise<T> {
    this.admin();
    return this.transaction(async (manager) => {
      await spec.check?.(manager);
      const changed = await change(manager);
      const others = (await spec.after?.(manager, changed)) ?? [];
      await this.record(manager, spec, [id, ...others], spec.auditOwner(changed));
      return changed;
    }, spec.duplicates);
  }

  /** An audit row for a write this service makes as a consequence of another (inside its transaction). */
  recordWrite(
    manager: EntityManager,
    operation: string,
    recordType: string,
    ids: string[],
    fields: string[],
    ownerOrg: string,
  ): Promise<void> {
    return this.audit.recordWrite(manager, { operation, recordType, recordIds: ids, fields, ownerOrg });
  }

  private record(
    manager: EntityManager,
    spec: Pick<WriteSpec<unknown>, 'operation' | 'recordType' | 'fields'>,
    ids: string[],
    ownerOrg: string,
  ): Promise<void> {
    return this.recordWrite(
      manager,
      spec.operation,
      spec.recordType,
      ids,
      spec.fields.filter((f) => f !== 'clientMutationId'),
      ownerOrg,
    );
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
