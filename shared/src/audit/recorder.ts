import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';

export interface RequestMeta {
  operation: string | null;
  purpose: string | null;
  requestId: string | null;
}

export interface SensitiveRead {
  recordType: string;
  recordId: string;
  field: string;
  ownerOrg: string | null;
}

export interface WriteEntry {
  recordType: string;
  recordIds: string[];
  fields: string[];
  ownerOrg: string | null;
  operation: string;
}

/**
 * One request's audit trail. Sensitive reads of the same tick are written together (one INSERT for a
 * list of 50 cases, not 50), and each read waits for its row: no row, no value. Writes are recorded
 * in the write's own transaction, so a write and its audit row commit or fail together.
 */
export class AuditRecorder {
  private readonly reads: DataLoader<SensitiveRead, true, string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly viewer: Viewer,
    private readonly meta: RequestMeta,
  ) {
    this.reads = new DataLoader((batch) => this.insertReads(batch), {
      cacheKeyFn: (read) => `${read.recordType}\u0000${read.recordId}\u0000${read.field}`,
    });
  }

  /** What the caller said the request was for (X-Purpose), or null. */
  get purpose(): string | null {
    return this.meta.purpose;
  }

  recordRead(read: SensitiveRead): Promise<true> {
    return this.reads.load(read);
  }

  async recordWrite(manager: EntityManager, entry: WriteEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (action, actor, actor_org, operation, record_type, record_ids, fields, owner_org, purpose, request_id)
       VALUES ('WRITE', $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        this.actor(),
        this.actorOrg(),
        entry.operation,
        entry.recordType,
        entry.recordIds,
        entry.fields,
        entry.ownerOrg,
        this.meta.purpose,
        this.meta.requestId,
      ],
    );
  }

  private async insertReads(batch: readonly SensitiveRead[]): Promise<true[]> {
    // One row per record, naming every field read from it.
    const rows = new Map<string, { read: SensitiveRead; fields: string[] }>();
    for (const read of batch) {
      const key = `${read.recordType}\u0000${read.recordId}`;
      const row = rows.get(key) ?? { read, fields: [] };
      row.fields.push(read.field);
      rows.set(key, row);
    }
    const list = [...rows.values()];
    await this.dataSource.query(
      `INSERT INTO audit_log (action, actor, actor_org, operation, record_type, record_ids, fields, owner_org, purpose, request_id)
       SELECT 'READ', $1, $2, $3, t.record_type, ARRAY[t.record_id], string_to_array(t.fields, ','), t.owner_org, $4, $5
       FROM unnest($6::text[], $7::text[], $8::text[], $9::uuid[]) AS t(record_type, record_id, fields, owner_org)`,
      [
        this.actor(),
        this.actorOrg(),
        this.meta.operation,
        this.meta.purpose,
        this.meta.requestId,
        list.map((r) => r.read.recordType),
        list.map((r) => r.read.recordId),
        list.map((r) => r.fields.join(',')),
        list.map((r) => r.read.ownerOrg),
      ],
    );
    return batch.map(() => true as const);
  }

  private actor(): string {
    return this.viewer.kind === 'partner' ? this.viewer.subject : 'anonymous';
  }

  private actorOrg(): string | null {
    return this.viewer.kind === 'partner' ? this.viewer.organisationId : null;
  }
}
