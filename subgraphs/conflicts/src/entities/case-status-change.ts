import { EntitySchema } from 'typeorm';
import type { CaseStatus } from './values';

/**
 * One entry of a case's history. History is only ever appended to, so it has no version or update
 * time: `createdBy` is who made the change, `createdAt` when it was recorded, `changedOn` when it happened.
 */
export interface CaseStatusChange {
  id: string;
  caseId: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  changedOn: string;
  /** SENSITIVE. */
  note: string | null;
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
}

export const CaseStatusChangeSchema = new EntitySchema<CaseStatusChange>({
  name: 'CaseStatusChange',
  tableName: 'case_status_change',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    caseId: { type: 'uuid' },
    fromStatus: { type: 'text', nullable: true },
    toStatus: { type: 'text' },
    changedOn: { type: 'date' },
    note: { type: 'text', nullable: true },
    ownerOrg: { type: 'uuid' },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
  },
});
