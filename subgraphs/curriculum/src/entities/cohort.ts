import type { CommunityPlace } from '@peacegraph/kit/input';
import { EntitySchema } from 'typeorm';
import { AudienceColumns, HeadcountColumns, type Audience, type AudienceCounts, type Headcount } from './headcount';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

export const COHORT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** Where a record happened, copied from the directory when it was written (foreign keys only). */
export interface Place {
  communityId: string;
  /** The community's lowest known admin area; "in this area and below" is a P-code prefix. */
  adminPcode: string;
  /** Its admin level 1 (region), for grouping figures by region. */
  regionPcode: string;
  countryCode: string;
}

/** The place a record stores, from where the directory places its community: level 1 is the region. */
export function placeOf({ communityId, adminPcode, admin1Pcode, countryCode }: CommunityPlace): Place {
  return { communityId, adminPcode, regionPcode: admin1Pcode, countryCode };
}

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

export const PLACE_COLUMNS = {
  communityId: { type: 'uuid' },
  adminPcode: { type: 'text' },
  regionPcode: { type: 'text' },
  countryCode: { type: 'char', length: 2 },
} as const;

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
