import { EntitySchema } from 'typeorm';
import { caseRecordColumns, type CaseRecord } from '../common/case-record';
import type { MediationOutcome } from '../common/values';

/** A mediation session: mediators (commission members) and attendance counted by sex. */
export interface MediationSession extends CaseRecord {
  heldOn: string;
  mediatorsWomen: number;
  mediatorsMen: number;
  attendanceWomen: number;
  attendanceMen: number;
  outcome: MediationOutcome;
  /** SENSITIVE. */
  notes: string | null;
}

export const MediationSessionSchema = new EntitySchema<MediationSession>({
  name: 'MediationSession',
  tableName: 'mediation_session',
  columns: {
    ...caseRecordColumns,
    heldOn: { type: 'date' },
    mediatorsWomen: { type: 'smallint' },
    mediatorsMen: { type: 'smallint' },
    attendanceWomen: { type: 'smallint' },
    attendanceMen: { type: 'smallint' },
    outcome: { type: 'text' },
    notes: { type: 'text', nullable: true },
  },
});
