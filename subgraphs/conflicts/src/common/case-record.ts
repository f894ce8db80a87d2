import type { EntitySchemaColumnOptions } from 'typeorm';

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
