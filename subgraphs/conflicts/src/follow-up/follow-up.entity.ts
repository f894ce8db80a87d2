import { EntitySchema } from 'typeorm';
import { caseRecordColumns, type CaseRecord } from '../common/case-record';
import type { FollowUpFinding } from '../common/values';

/** A check that a resolution holds: scheduled (dueOn), then held (heldOn, finding). */
export interface FollowUpCheck extends CaseRecord {
  /** The resolution the check follows up. */
  resolutionId: string;
  dueOn: string | null;
  heldOn: string | null;
  finding: FollowUpFinding | null;
  /** SENSITIVE. */
  notes: string | null;
}

export const FollowUpCheckSchema = new EntitySchema<FollowUpCheck>({
  name: 'FollowUpCheck',
  tableName: 'follow_up_check',
  columns: {
    ...caseRecordColumns,
    resolutionId: { type: 'uuid' },
    dueOn: { type: 'date', nullable: true },
    heldOn: { type: 'date', nullable: true },
    finding: { type: 'text', nullable: true },
    notes: { type: 'text', nullable: true },
  },
});
