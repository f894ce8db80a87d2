import type { EntitySchemaColumnOptions } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';

/*
 * A record a client creates (a forum, working group, testimony, declaration or recommendation) is the
 * kit's OwnedRecord, with the kit's OWNED_RECORD_COLUMNS. The rows below belong to such a record and are
 * written only by its writes, so they have columns of their own.
 */

/**
 * A declaration's or a recommendation's language version, or a declaration's recipient: owned, authored
 * and versioned like a record, but made only by its parent's writes, so it has no retry key of its own.
 */
export type ChildRecord = Omit<OwnedRecord, 'clientMutationId'>;

/** A child record as its parent's write gives it to be stored: the database fills in the rest. */
export type NewChildRecord<T extends ChildRecord> = Omit<T, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const { clientMutationId: _retryKey, ...childRecordColumns } = OWNED_RECORD_COLUMNS;
/** The kit's record columns without the retry key. */
export const CHILD_RECORD_COLUMNS = childRecordColumns satisfies Record<keyof ChildRecord, EntitySchemaColumnOptions>;

/**
 * Rows that are only ever replaced or appended (participant counts, follow-up reports): who and when,
 * but no version of their own; the parent's version guards them.
 */
export interface AppendedRow {
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
}

/** An appended row as its parent's write gives it to be stored: the database fills in the rest. */
export type NewAppendedRow<T extends AppendedRow> = Omit<T, 'id' | 'createdAt'>;

export const APPENDED_ROW_COLUMNS = {
  ownerOrg: { type: 'uuid' },
  createdBy: { type: 'text' },
  createdAt: { type: 'timestamptz', createDate: true },
} satisfies Record<keyof AppendedRow, EntitySchemaColumnOptions>;
