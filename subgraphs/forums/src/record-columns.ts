import type { EntitySchemaColumnOptions } from 'typeorm';

/** What every record a partner writes carries: who owns it, who wrote it, when, and its version. */
export interface OwnedRecord {
  id: string;
  /** The organisation that owns the record (the forum's owner); only it changes the record. */
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic lock: increases with every change. */
  version: number;
}

/** Records a client creates directly, and may retry: the retry returns the first record. */
export interface RetriableRecord extends OwnedRecord {
  clientMutationId: string | null;
}

export const OWNED_RECORD_COLUMNS = {
  id: { type: 'uuid', primary: true, generated: 'uuid' },
  ownerOrg: { type: 'uuid' },
  createdBy: { type: 'text' },
  createdAt: { type: 'timestamptz', createDate: true },
  updatedAt: { type: 'timestamptz', updateDate: true },
  version: { type: 'integer', version: true },
} satisfies Record<keyof OwnedRecord, EntitySchemaColumnOptions>;

export const RETRIABLE_RECORD_COLUMNS = {
  ...OWNED_RECORD_COLUMNS,
  clientMutationId: { type: 'text', nullable: true },
} satisfies Record<keyof RetriableRecord, EntitySchemaColumnOptions>;

/**
 * Rows that are only ever replaced or appended (participant counts, follow-up reports): who and when,
 * but no version of their own; the parent's version guards them.
 */
export interface AppendedRow {
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
}

export const APPENDED_ROW_COLUMNS = {
  ownerOrg: { type: 'uuid' },
  createdBy: { type: 'text' },
  createdAt: { type: 'timestamptz', createDate: true },
} satisfies Record<keyof AppendedRow, EntitySchemaColumnOptions>;
