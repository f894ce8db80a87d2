import { EntitySchema } from 'typeorm';
import { caseRecordColumns, type CaseRecord } from '../common/case-record';
import type { ResolutionOutcome, ResolutionRoute } from '../common/values';

export interface Resolution extends CaseRecord {
  outcome: ResolutionOutcome;
  reachedOn: string;
  reachedThrough: ResolutionRoute;
  /** SENSITIVE. */
  termsSummary: string | null;
}

export const ResolutionSchema = new EntitySchema<Resolution>({
  name: 'Resolution',
  tableName: 'resolution',
  columns: {
    ...caseRecordColumns,
    outcome: { type: 'text' },
    reachedOn: { type: 'date' },
    reachedThrough: { type: 'text' },
    termsSummary: { type: 'text', nullable: true },
  },
});
