import { EntitySchema } from 'typeorm';
import { caseRecordColumns, type CaseRecord } from '../common/case-record';
import type { ReferralBody } from '../common/values';

export interface Referral extends CaseRecord {
  referredTo: ReferralBody;
  referredToOther: string | null;
  referredOn: string;
  /** SENSITIVE. */
  reason: string | null;
  feedbackOn: string | null;
  /** SENSITIVE. */
  feedback: string | null;
}

export const ReferralSchema = new EntitySchema<Referral>({
  name: 'Referral',
  tableName: 'referral',
  columns: {
    ...caseRecordColumns,
    referredTo: { type: 'text' },
    referredToOther: { type: 'text', nullable: true },
    referredOn: { type: 'date' },
    reason: { type: 'text', nullable: true },
    feedbackOn: { type: 'date', nullable: true },
    feedback: { type: 'text', nullable: true },
  },
});
