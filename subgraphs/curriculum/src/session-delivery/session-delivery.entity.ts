import { EntitySchema } from 'typeorm';
import { AudienceColumns, HeadcountColumns, type AudienceCounts, type Headcount } from '../common/headcount';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';

/** A session plan delivered to a cohort on a date, with who attended. */
export interface SessionDelivery extends OwnedRecord {
  cohortId: string;
  sessionPlanId: string;
  /** Copied from the plan, so that a cohort's deliveries sort without a join. */
  sessionNumber: number;
  deliveredOn: string;
  /** A re-delivery of a plan the cohort already received; the first delivery counts for progress. */
  makeUp: boolean;
  facilitatorIds: string[];
  attendance: Headcount;
  attendanceByAudience: AudienceCounts;
  notes: string | null;
}

export const SessionDeliverySchema = new EntitySchema<SessionDelivery>({
  name: 'SessionDelivery',
  tableName: 'session_delivery',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    cohortId: { type: 'uuid' },
    sessionPlanId: { type: 'uuid' },
    sessionNumber: { type: 'smallint' },
    deliveredOn: { type: 'date' },
    makeUp: { type: 'boolean' },
    facilitatorIds: { type: 'uuid', array: true },
    notes: { type: 'text', nullable: true },
  },
  embeddeds: {
    attendance: { schema: HeadcountColumns, prefix: 'attended' },
    attendanceByAudience: { schema: AudienceColumns, prefix: 'attended' },
  },
});
