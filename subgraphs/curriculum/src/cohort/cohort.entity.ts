import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import { AudienceColumns, HeadcountColumns, type Audience, type AudienceCounts, type Headcount } from '../common/headcount';
import { PLACE_COLUMNS, type Place } from '../common/place';

export const COHORT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** One delivery of a module in one community, in one language, by the owner's facilitators. */
export interface Cohort extends OwnedRecord, Place {
  name: string;
  moduleId: string;
  languageCode: string;
  facilitatorIds: string[];
  audiences: Audience[];
  enrolment: Headcount;
  enrolmentByAudience: AudienceCounts;
  plannedStart: string;
  plannedEnd: string | null;
  startedOn: string | null;
  completedOn: string | null;
  /** The actual start, else the planned one: computed by PostgreSQL, the order of cohort lists. */
  startDate: string;
  status: CohortStatus;
  suspendedReason: string | null;
  suspendedOn: string | null;
  resumedOn: string | null;
}

export const CohortSchema = new EntitySchema<Cohort>({
  name: 'Cohort',
  tableName: 'cohort',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    ...PLACE_COLUMNS,
    name: { type: 'text' },
    moduleId: { type: 'uuid' },
    languageCode: { type: 'char', length: 3 },
    facilitatorIds: { type: 'uuid', array: true },
    audiences: { type: 'text', array: true },
    plannedStart: { type: 'date' },
    plannedEnd: { type: 'date', nullable: true },
    startedOn: { type: 'date', nullable: true },
    completedOn: { type: 'date', nullable: true },
    startDate: { type: 'date', insert: false, update: false },
    status: { type: 'text' },
    suspendedReason: { type: 'text', nullable: true },
    suspendedOn: { type: 'date', nullable: true },
    resumedOn: { type: 'date', nullable: true },
  },
  embeddeds: {
    enrolment: { schema: HeadcountColumns, prefix: 'enrolled' },
    enrolmentByAudience: { schema: AudienceColumns, prefix: 'enrolled' },
  },
});
