import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type {
  ReintegrationAgeGroup,
  ReintegrationAssistanceKind,
  ReintegrationCategory,
  ReintegrationProgrammeKind,
  ReintegrationStatus,
} from '../common/displacement-values';

export interface ReintegrationProgramme extends OwnedRecord {
  /** Short code (e.g. CVRSAHEL) that starts the pseudonymous codes of the programme's beneficiaries. */
  code: string;
  kind: ReintegrationProgrammeKind;
  name: string;
  adminPcodes: string[];
  startsOn: string;
  endsOn: string | null;
  /** The last beneficiary number handed out; codes are never reused. */
  lastCaseNumber: number;
}

export const ReintegrationProgrammeSchema = new EntitySchema<ReintegrationProgramme>({
  name: 'ReintegrationProgramme',
  tableName: 'reintegration_programme',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    code: { type: 'text' },
    kind: { type: 'text' },
    name: { type: 'text' },
    adminPcodes: { type: 'text', array: true },
    startsOn: { type: 'date' },
    endsOn: { type: 'date', nullable: true },
    lastCaseNumber: { type: 'integer' },
  },
});

/**
 * One person followed by a programme, under a pseudonymous code. No name, no birth date, no village
 * is stored: the community is optional and never used in figures.
 */
export interface ReintegrationCase extends OwnedRecord {
  programmeId: string;
  beneficiaryCode: string;
  category: ReintegrationCategory;
  sex: 'FEMALE' | 'MALE';
  ageGroup: ReintegrationAgeGroup;
  /** Admin level 2: the finest level figures are ever given at. */
  adminPcode: string;
  admin1Pcode: string;
  countryCode: string;
  communityId: string | null;
  registeredOn: string;
  status: ReintegrationStatus;
  statusSince: string;
}

export const ReintegrationCaseSchema = new EntitySchema<ReintegrationCase>({
  name: 'ReintegrationCase',
  tableName: 'reintegration_case',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    programmeId: { type: 'uuid' },
    beneficiaryCode: { type: 'text' },
    category: { type: 'text' },
    sex: { type: 'text' },
    ageGroup: { type: 'text' },
    adminPcode: { type: 'text' },
    admin1Pcode: { type: 'text' },
    countryCode: { type: 'char', length: 2 },
    communityId: { type: 'uuid', nullable: true },
    registeredOn: { type: 'date' },
    status: { type: 'text' },
    statusSince: { type: 'date' },
  },
});

/** Assistance a case received: appended, never changed (a correction is a status change or a new record). */
export interface ReintegrationAssistance {
  id: string;
  caseId: string;
  /** The case's owner, so that the kit's field policy can tell who may read it. */
  ownerOrg: string;
  kind: ReintegrationAssistanceKind;
  startedOn: string;
  endedOn: string | null;
  createdBy: string;
  createdAt: Date;
}

export const ReintegrationAssistanceSchema = new EntitySchema<ReintegrationAssistance>({
  name: 'ReintegrationAssistance',
  tableName: 'reintegration_assistance',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    caseId: { type: 'uuid' },
    ownerOrg: { type: 'uuid' },
    kind: { type: 'text' },
    startedOn: { type: 'date' },
    endedOn: { type: 'date', nullable: true },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
  },
});
