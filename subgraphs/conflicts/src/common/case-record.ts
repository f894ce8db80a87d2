import { In, type EntitySchemaColumnOptions, type FindOptionsOrder, type ObjectLiteral, type Repository } from 'typeorm';
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
