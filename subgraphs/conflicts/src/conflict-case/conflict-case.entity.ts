import { EntitySchema } from 'typeorm';
import { caseRecordColumns, type CaseRecord } from '../common/case-record';
import type { CaseStatus, ConflictLevel, ConflictType, PartyAgeGroup, PartyKind, PartySex } from '../common/values';

export interface ConflictCase {
  id: string;
  /** `<admin P-code>-<year reported>-<sequence>`, e.g. ML0306-2026-0007. */
  reference: string;
  peaceCommissionId: string;
  communityId: string;
  /** The community's lowest known admin area, and its admin-1 and admin-2 areas, when reported. */
  adminPcode: string;
  admin1Pcode: string;
  admin2Pcode: string | null;
  countryCode: string;
  level: ConflictLevel;
  otherCommunityIds: string[];
  type: ConflictType;
  reportedOn: string;
  status: CaseStatus;
  statusSince: string;
  /** Date of the current resolution while RESOLVED or FOLLOW_UP_HELD, null otherwise. */
  resolvedOn: string | null;
  everRelapsed: boolean;
  /** SENSITIVE. */
  narrative: string | null;
  clientMutationId: string | null;
  ownerOrg: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const ConflictCaseSchema = new EntitySchema<ConflictCase>({
  name: 'ConflictCase',
  tableName: 'conflict_case',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    reference: { type: 'text', unique: true },
    peaceCommissionId: { type: 'uuid' },
    communityId: { type: 'uuid' },
    adminPcode: { type: 'text' },
    admin1Pcode: { type: 'text' },
    admin2Pcode: { type: 'text', nullable: true },
    countryCode: { type: 'char', length: 2 },
    level: { type: 'text' },
    otherCommunityIds: { type: 'uuid', array: true, default: () => "'{}'" },
    type: { type: 'text' },
    reportedOn: { type: 'date' },
    status: { type: 'text' },
    statusSince: { type: 'date' },
    resolvedOn: { type: 'date', nullable: true },
    everRelapsed: { type: 'boolean', default: false },
    narrative: { type: 'text', nullable: true },
    clientMutationId: { type: 'text', nullable: true },
    ownerOrg: { type: 'uuid' },
    createdBy: { type: 'text' },
    createdAt: { type: 'timestamptz', createDate: true },
    updatedAt: { type: 'timestamptz', updateDate: true },
    version: { type: 'integer', version: true },
  },
});

/** A party to a case, pseudonymised: known by its per-case label, kind, sex and age group. */
export interface Party extends CaseRecord {
  /** Party A, Party B … in reported order. */
  label: string;
  position: number;
  kind: PartyKind;
  sex: PartySex;
  ageGroup: PartyAgeGroup;
  /** SENSITIVE, and optional: recorded only if the commission needs it. */
  name: string | null;
}

export const PartySchema = new EntitySchema<Party>({
  name: 'Party',
  tableName: 'conflict_party',
  columns: {
    ...caseRecordColumns,
    label: { type: 'text' },
    position: { type: 'smallint' },
    kind: { type: 'text' },
    sex: { type: 'text' },
    ageGroup: { type: 'text' },
    name: { type: 'text', nullable: true },
  },
});

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
