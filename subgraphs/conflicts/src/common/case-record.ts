import {
  In,
  type EntityManager,
  type EntitySchema,
  type EntitySchemaColumnOptions,
  type FindOptionsOrder,
  type ObjectLiteral,
  type QueryDeepPartialEntity,
  type Repository,
} from 'typeorm';
import { onlyUuids } from '@peacegraph/kit/sql';

/**
 * What every record written about a case carries. `ownerOrg` is the case's owner, copied onto the
 * record so that the kit's field policy finds the owner of a SENSITIVE field on the row itself.
 */
export interface CaseRecord {
  id: string;
  caseId: string;
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const caseRecordColumns = {
  id: { type: 'uuid', primary: true, generated: 'uuid' },
  caseId: { type: 'uuid' },
  ownerOrg: { type: 'uuid' },
  createdBy: { type: 'text' },
  createdAt: { type: 'timestamptz', createDate: true },
  updatedAt: { type: 'timestamptz', updateDate: true },
  version: { type: 'integer', version: true },
} satisfies Record<keyof CaseRecord, EntitySchemaColumnOptions>;

/**
 * The rows of many cases at once, in the order a reader expects: one statement for all of them. Each
 * feature's repository reads its own records of a case through it.
 */
export function rowsOfCases<T extends ObjectLiteral & { caseId: string }>(
  rows: Repository<T>,
  caseIds: readonly string[],
  order: FindOptionsOrder<T>,
): Promise<T[]> {
  const ids = onlyUuids(caseIds);
  if (ids.length === 0) return Promise.resolve([]);
  return rows.find({ where: { caseId: In(ids) } as never, order });
}

/** A record of a case as a service gives it to be written: the database fills in the rest. */
export type NewCaseRecord<T extends CaseRecord> = Omit<T, Exclude<keyof CaseRecord, 'caseId' | 'ownerOrg' | 'createdBy'>>;

/**
 * Inserts records of a case in the transaction of the case's change, in one statement, and gives their
 * ids in the order of `rows`, for the audit row. Each feature's repository writes its own records through it.
 */
export async function insertRecords<T extends ObjectLiteral & CaseRecord>(
  manager: EntityManager,
  schema: EntitySchema<T>,
  rows: readonly NewCaseRecord<T>[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const { identifiers } = await manager.getRepository(schema).insert(rows as unknown as QueryDeepPartialEntity<T>[]);
  return identifiers.map((identifier) => identifier.id as string);
}
